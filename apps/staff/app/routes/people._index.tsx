import { engagementStageValues, leaderCategoryValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { PeopleDocument, PersonDocument, UpdatePersonDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { ActionForm } from '../components/action-form';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ArchivedBadge, StageBadge } from '../components/records/record-badges';
import { assertCsrf } from '../utils/csrf.server';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { exportQuery, leaderKey, organizationName, ownerLabel, peopleFiltersFrom, personFilter, personName, stageKey } from '../utils/records';
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
  try {
    const [data, owners] = await Promise.all([
      gql(PeopleDocument, { filter: personFilter(filters, viewer.id), first: pageSize, after: params.get('after') || undefined }, { request }),
      ownerOptions(request, viewer),
    ]);
    return { ...data, owners, filters, exportQuery: exportQuery(personFilter(filters, viewer.id)).toString() };
  } catch (error) {
    // A cursor from an old link: start again from the first page.
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && params.has('after')) {
      params.delete('after');
      throw redirect(`/people?${params}`);
    }
    throw error;
  }
}

// Bulk actions on the selected rows: one updatePerson each, at the version read
// just before (a tag is added to the tags the person has now). Rows the API
// refuses (someone else's record, a concurrent edit) are counted, not fatal.
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const viewer = await requireUserWithPermission(request, 'read', 'Person');
  const intent = formData.get('intent');
  const ids = formData.getAll('ids').filter((id): id is string => typeof id === 'string').slice(0, pageSize);
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
  const { people, provinces, regions, tags, owners, filters, exportQuery: query } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [selected, setSelected] = useState<string[]>([]);
  const filtered = Boolean(filters.search || filters.province || filters.region || filters.stage || filters.category || filters.tag || filters.mine || filters.archived);
  const allSelected = people.nodes.length > 0 && selected.length === people.nodes.length;
  const tagLabel = (slug: string) => {
    const tag = tags.find((entry) => entry.slug === slug);
    return tag ? (lang === 'fr' ? tag.labelFr : tag.labelEn) : slug;
  };
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...new Set([...current, id])] : current.filter((other) => other !== id)));

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('people.title')}
        description={t('people.intro')}
        actions={
          <>
            {ability.can('export', 'Person') ? (
              <Button component="a" href={`/people/export?${query}`} variant="default" data-testid="export-people" download>
                {t('records.export')}
              </Button>
            ) : null}
            {ability.can('create', 'Person') ? (
              <Button component={Link} to="/people/new" data-testid="new-person">
                {t('people.new')}
              </Button>
            ) : null}
          </>
        }
      />

      <Card withBorder padding="md">
        <Form method="get" role="search" data-testid="people-filters">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              name="search"
              type="search"
              label={t('records.filter.search')}
              placeholder={t('people.filter.search.placeholder')}
              defaultValue={filters.search}
              w={{ base: '100%', sm: 220 }}
              data-testid="filter-search"
            />
            <NativeSelect
              name="province"
              label={t('records.filter.province')}
              defaultValue={filters.province}
              data={[{ value: '', label: t('records.any') }, ...provinces.map((province) => ({ value: province.code, label: localizedName(lang, province) }))]}
              w={{ base: '100%', sm: 170 }}
              data-testid="filter-province"
            />
            <NativeSelect
              name="region"
              label={t('records.filter.region')}
              defaultValue={filters.region}
              data={[{ value: '', label: t('records.any') }, ...regions.map((region) => ({ value: region.id, label: localizedName(lang, region) }))]}
              w={{ base: '100%', sm: 170 }}
              data-testid="filter-region"
            />
            <NativeSelect
              name="stage"
              label={t('people.filter.stage')}
              defaultValue={filters.stage}
              data={[{ value: '', label: t('records.any') }, ...engagementStageValues.map((value) => ({ value, label: t(stageKey(value)) }))]}
              w={{ base: '100%', sm: 150 }}
              data-testid="filter-stage"
            />
            <NativeSelect
              name="category"
              label={t('people.filter.category')}
              defaultValue={filters.category}
              data={[{ value: '', label: t('records.any') }, ...leaderCategoryValues.map((value) => ({ value, label: t(leaderKey(value)) }))]}
              w={{ base: '100%', sm: 170 }}
              data-testid="filter-category"
            />
            <NativeSelect
              name="tag"
              label={t('records.filter.tag')}
              defaultValue={filters.tag}
              data={[{ value: '', label: t('records.any') }, ...tags.map((tag) => ({ value: tag.slug, label: tagLabel(tag.slug) }))]}
              w={{ base: '100%', sm: 170 }}
              data-testid="filter-tag"
            />
            <Stack gap={6} pb={4}>
              <Checkbox name="mine" value="1" defaultChecked={filters.mine} label={t('records.filter.owner.mine')} data-testid="filter-mine" />
              <Checkbox name="archived" value="1" defaultChecked={filters.archived} label={t('records.filter.archived')} data-testid="filter-archived" />
            </Stack>
            <Button type="submit" variant="default" data-testid="apply-filters">
              {t('filter.apply')}
            </Button>
            {filtered ? (
              <Button component={Link} to="/people" variant="subtle">
                {t('filter.clear')}
              </Button>
            ) : null}
          </Group>
        </Form>
      </Card>

      {answer ? (
        <Alert color={answer.empty ? 'yellow' : answer.failed ? 'orange' : 'teal'} variant="light" data-testid="bulk-result">
          {answer.empty
            ? t('records.bulk.noneSelected')
            : answer.failed
              ? t('records.bulk.partial', { done: String(answer.done), failed: String(answer.failed) })
              : t('records.bulk.done', { count: String(answer.done) })}
        </Alert>
      ) : null}

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
              <Button type="submit" name="intent" value="tag" size="xs" variant="default" disabled={!selected.length} loading={navigation.formData?.get('intent') === 'tag'} data-testid="bulk-add-tag">
                {t('records.bulk.tag')}
              </Button>
              <Button type="submit" name="intent" value="assign" size="xs" variant="default" disabled={!selected.length} loading={navigation.formData?.get('intent') === 'assign'} data-testid="bulk-assign">
                {t('records.bulk.assignMe')}
              </Button>
              {owners?.length ? (
                <>
                  <NativeSelect
                    name="ownerId"
                    aria-label={t('records.bulk.owner.choose')}
                    size="xs"
                    data={[{ value: '', label: t('records.bulk.owner.choose') }, ...owners.map((owner) => ({ value: owner.id, label: `${owner.name} (${t(`role.${owner.role}`)})` }))]}
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
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="people-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('records.selectAll')}
                      checked={allSelected}
                      indeterminate={selected.length > 0 && !allSelected}
                      onChange={(event) => setSelected(event.currentTarget.checked ? people.nodes.map((person) => person.id) : [])}
                    />
                  </Table.Th>
                  <Table.Th>{t('people.column.name')}</Table.Th>
                  <Table.Th>{t('people.column.organizations')}</Table.Th>
                  <Table.Th>{t('people.column.province')}</Table.Th>
                  <Table.Th>{t('people.column.stage')}</Table.Th>
                  <Table.Th>{t('people.column.category')}</Table.Th>
                  <Table.Th>{t('people.column.owner')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('people.column.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.nodes.map((person) => {
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
                          <Stack gap={2} maw={240}>
                            {person.affiliations.slice(0, 3).map((affiliation) => (
                              <Anchor key={affiliation.organization.id} component={Link} to={`/organizations/${affiliation.organization.id}`} size="xs" c="dark" lineClamp={1}>
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
                        <Text size="sm" title={localizedName(lang, provinces.find((province) => province.code === person.provinceCode) ?? { nameEn: '', nameFr: '' })}>
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
                })}
                {people.nodes.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={8}>
                      <Text c="dimmed" ta="center" py="lg" data-testid="people-empty">
                        {t('people.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </ActionForm>

      <Pager endCursor={people.pageInfo.endCursor} hasNextPage={people.pageInfo.hasNextPage} />
    </Stack>
  );
}
