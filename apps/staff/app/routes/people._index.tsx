import { engagementStageValues, leaderCategoryValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { PeopleDocument, PersonDocument, UpdatePersonDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { ActionForm } from '../components/action-form';
import { ColumnChooser } from '../components/column-chooser';
import { DateTime } from '../components/date-time';
import { FilterSelect } from '../components/filter-bar';
import { EmptyRow, ListTable, ListTotal, type ListColumn } from '../components/list-table';
import { ListViews } from '../components/list-views';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ArchivedBadge, StageBadge } from '../components/records/record-badges';
import { RecordFilterBar, RecordListActions } from '../components/records/record-list';
import { assertCsrf } from '../utils/csrf.server';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { listViews } from '../utils/saved-views.server';
import { filtersQuery, leaderKey, organizationName, ownerLabel, peopleFiltersFrom, personFilter, personName, stageKey, tagLabels } from '../utils/records';
import { useAbility, useViewer } from '../utils/root-data';
import { ownerOptions } from '../utils/owners.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'people.title');

const pageSize = 50;

// Filters live in the URL (decision 018): a filtered list can be bookmarked, and
// "next page" and "Export CSV" keep them.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Person');
  const params = new URL(request.url).searchParams;
  const filters = peopleFiltersFrom(params);
  const filter = personFilter(filters, viewer.id);
  const [[data, owners], { savedViews, currentView, hidden }] = await Promise.all([
    loadListPage('/people', params, (after) =>
      Promise.all([gql(PeopleDocument, { filter, first: pageSize, after }, { request }), ownerOptions(request, viewer)]),
    ),
    listViews(request, viewer, 'people', params),
  ]);
  // The export route reads the same URL filters as this page (and builds the same API filter).
  return { ...data, owners, filters, hidden, savedViews, currentView, exportQuery: filtersQuery(filters).toString() };
}

// Bulk actions on the selected rows: one updatePerson each, at the version read
// just before (a tag is added to the tags the person has now). Rows the API
// refuses (someone else's record, a concurrent edit) are counted, not fatal.
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const viewer = await requireUserWithPermission(request, 'read', 'Person');
  const intent = formData.get('intent');
  const ids = formData
    .getAll('ids')
    .filter((id): id is string => typeof id === 'string')
    .slice(0, pageSize);
  const tag = String(formData.get('tag') ?? '');
  // "Assign to me", or to the owner chosen beside "Assign" (the API checks they may be chosen).
  const ownerId = intent === 'assign' ? viewer.id : String(formData.get('ownerId') ?? '');
  const known = intent === 'tag' ? Boolean(tag) : intent === 'assign' || (intent === 'assignOwner' && Boolean(ownerId));
  if (!ids.length || !known) return { done: 0, failed: 0, empty: true };
  let done = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      const { person } = await gql(PersonDocument, { id }, { request });
      if (intent === 'tag') {
        if (!person.tags.includes(tag)) await gql(UpdatePersonDocument, { input: { id, version: person.version, tags: [...person.tags, tag] } }, { request });
      } else await gql(UpdatePersonDocument, { input: { id, version: person.version, ownerId } }, { request });
      done += 1;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      failed += 1;
    }
  }
  return { done, failed, empty: false };
}

export default function People() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const ability = useAbility();
  const { people, provinces, regions, tags, owners, filters, hidden, savedViews, currentView, exportQuery: query } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [selected, setSelected] = useState<string[]>([]);
  const allSelected = people.nodes.length > 0 && selected.length === people.nodes.length;
  const tagLabel = tagLabels(lang, tags);
  const columns: ListColumn[] = [
    {
      key: 'select',
      label: t('records.selectAll'),
      w: 40,
      fixed: true,
      card: 'plain',
      header: (
        <Checkbox
          aria-label={t('records.selectAll')}
          checked={allSelected}
          indeterminate={selected.length > 0 && !allSelected}
          onChange={(event) => setSelected(event.currentTarget.checked ? people.nodes.map((person) => person.id) : [])}
        />
      ),
    },
    { key: 'name', label: t('people.column.name'), fixed: true, card: 'title', sort: { value: 'NAME', direction: 'ascending' } },
    { key: 'organizations', label: t('people.column.organizations') },
    { key: 'province', label: t('people.column.province') },
    { key: 'stage', label: t('people.column.stage') },
    { key: 'category', label: t('people.column.category') },
    { key: 'owner', label: t('people.column.owner') },
    { key: 'updated', label: t('people.column.updated'), sort: { value: 'UPDATED', direction: 'descending' } },
  ];
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...new Set([...current, id])] : current.filter((other) => other !== id)));

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('people.title')}
        description={t('people.intro')}
        actions={
          <RecordListActions
            subject="Person"
            exportHref={`/people/export?${query}`}
            exportTestId="export-people"
            newTo="/people/new"
            newLabel={t('people.new')}
            newTestId="new-person"
          />
        }
      />

      <ListViews mine={filters.mine} testId="people-views" saved={{ list: 'people', views: savedViews, current: currentView, hidden }} />
      <RecordFilterBar
        testId="people-filters"
        path="/people"
        filters={filters}
        searchPlaceholder={t('people.filter.search.placeholder')}
        provinces={provinces}
        regions={regions}
        tags={tags}
        tagLabel={tagLabel}
      >
        <FilterSelect
          name="stage"
          label={t('people.filter.stage')}
          value={filters.stage}
          any={t('records.any')}
          options={engagementStageValues.map((value) => ({ value, label: t(stageKey(value)) }))}
          width={150}
          testId="filter-stage"
        />
        <FilterSelect
          name="category"
          label={t('people.filter.category')}
          value={filters.category}
          any={t('records.any')}
          options={leaderCategoryValues.map((value) => ({ value, label: t(leaderKey(value)) }))}
          width={170}
          testId="filter-category"
        />
      </RecordFilterBar>

      {answer ? (
        <Alert color={answer.empty ? 'yellow' : answer.failed ? 'orange' : 'teal'} variant="light" data-testid="bulk-result">
          {answer.empty
            ? t('records.bulk.noneSelected')
            : answer.failed
              ? t('records.bulk.partial', { done: String(answer.done), failed: String(answer.failed) })
              : t('records.bulk.done', { count: String(answer.done) })}
        </Alert>
      ) : null}

      <Group justify="space-between" align="center">
        <ListTotal count={people.totalCount} kind="people" />
        <ColumnChooser list="people" columns={columns} hidden={hidden} />
      </Group>
      <ActionForm id="bulk" onSubmit={() => setSelected([])}>
        <Card withBorder padding={0}>
          {ability.can('update', 'Person') ? (
            <Group gap="sm" p="sm" bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="bulk-actions">
              <Text size="sm" c="dimmed" miw={90}>
                {t('records.selected', { count: String(selected.length) })}
              </Text>
              <NativeSelect
                name="tag"
                aria-label={t('records.bulk.tag.choose')}
                size="xs"
                data={[{ value: '', label: t('records.bulk.tag.choose') }, ...tags.map((tag) => ({ value: tag.slug, label: tagLabel(tag.slug) }))]}
                data-testid="bulk-tag"
              />
              <Button
                type="submit"
                name="intent"
                value="tag"
                size="xs"
                variant="default"
                disabled={!selected.length}
                loading={navigation.formData?.get('intent') === 'tag'}
                data-testid="bulk-add-tag"
              >
                {t('records.bulk.tag')}
              </Button>
              <Button
                type="submit"
                name="intent"
                value="assign"
                size="xs"
                variant="default"
                disabled={!selected.length}
                loading={navigation.formData?.get('intent') === 'assign'}
                data-testid="bulk-assign"
              >
                {t('records.bulk.assignMe')}
              </Button>
              {owners?.length ? (
                <>
                  <NativeSelect
                    name="ownerId"
                    aria-label={t('records.bulk.owner.choose')}
                    size="xs"
                    data={[
                      { value: '', label: t('records.bulk.owner.choose') },
                      ...owners.map((owner) => ({ value: owner.id, label: `${owner.name} (${t(`role.${owner.role}`)})` })),
                    ]}
                    data-testid="bulk-owner"
                  />
                  <Button
                    type="submit"
                    name="intent"
                    value="assignOwner"
                    size="xs"
                    variant="default"
                    disabled={!selected.length}
                    loading={navigation.formData?.get('intent') === 'assignOwner'}
                    data-testid="bulk-assign-owner"
                  >
                    {t('records.bulk.assign')}
                  </Button>
                </>
              ) : null}
            </Group>
          ) : null}
          <ListTable
            minWidth={1000}
            highlightOnHover
            data-testid="people-table"
            items={people.nodes}
            columns={columns}
            hiddenColumns={hidden}
            sort={{ current: filters.sort, byDefault: 'NAME' }}
            empty={
              <EmptyRow columns={8} testId="people-empty">
                {t('people.empty')}
              </EmptyRow>
            }
          >
            {(person) => {
              const name = personName(person);
              return (
                <Table.Tr key={person.id} data-testid="person-row" data-province={person.provinceCode} data-id={person.id}>
                  <Table.Td>
                    <Checkbox
                      name="ids"
                      value={person.id}
                      aria-label={t('records.selectRow', { name })}
                      checked={selected.includes(person.id)}
                      onChange={(event) => toggle(person.id, event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm" data-testid="person-link">
                        {name}
                      </Anchor>
                      {person.archivedAt ? <ArchivedBadge /> : null}
                    </Group>
                    {person.city ? (
                      <Text size="xs" c="dimmed">
                        {person.city}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {person.affiliations.length ? (
                      // Each stacked link is a 24 px high block (WCAG 2.2 target size), cut with an ellipsis.
                      <Stack gap={0} maw={200}>
                        {person.affiliations.slice(0, 3).map((affiliation) => (
                          <Anchor
                            key={affiliation.organization.id}
                            component={Link}
                            to={`/organizations/${affiliation.organization.id}`}
                            size="xs"
                            c="dark"
                            truncate="end"
                            display="block"
                            lh="24px"
                            mih={24}
                          >
                            {organizationName(lang, affiliation.organization)}
                          </Anchor>
                        ))}
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      title={localizedName(lang, provinces.find((province) => province.code === person.provinceCode) ?? { nameEn: '', nameFr: '' })}
                    >
                      {person.provinceCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stage={person.engagementStage} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{person.leaderCategory ? t(leaderKey(person.leaderCategory)) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={person.ownerId === viewer?.id ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                      {ownerLabel(t, person.ownerId, viewer?.id, owners)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DateTime value={person.updatedAt} stacked />
                  </Table.Td>
                </Table.Tr>
              );
            }}
          </ListTable>
        </Card>
      </ActionForm>

      <Pager endCursor={people.pageInfo.endCursor} hasNextPage={people.pageInfo.hasNextPage} />
    </Stack>
  );
}
