import { consentLevelValues, storyKindValues, storyStatusValues } from '@crm/contracts';
import { StoriesDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { campaignOptions } from '../utils/campaigns';
import { ColumnChooser } from '../components/column-chooser';
import { DateTime } from '../components/date-time';
import { FilterBar } from '../components/filter-bar';
import { ExportButtons } from '../components/export-buttons';
import { EmptyRow, ListTable, type ListColumn } from '../components/list-table';
import { ListViews } from '../components/list-views';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ConsentBadge, StoryStatusBadge, WithdrawnBadge } from '../components/stories/story-badges';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { listViews } from '../utils/saved-views.server';
import { ownerOptions } from '../utils/owners.server';
import { filtersQuery, ownerLabel } from '../utils/records';
import { useAbility, useViewer } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';
import { consentLevelKey, storyFilter, storyFiltersFrom, storyKindKey, storyStatusKey } from '../utils/stories';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'stories.title');

const pageSize = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Story');
  const params = new URL(request.url).searchParams;
  const filters = storyFiltersFrom(params);
  const [[data, owners], { savedViews, currentView, hidden }] = await Promise.all([
    loadListPage('/stories', params, (after) =>
      Promise.all([gql(StoriesDocument, { filter: storyFilter(filters), first: pageSize, after }, { request }), ownerOptions(request, viewer)]),
    ),
    listViews(request, viewer, 'stories', params),
  ]);
  // The export links read the same URL filters as this page.
  return { ...data, owners, filters, hidden, savedViews, currentView, exportQuery: filtersQuery({ ...filters }).toString() };
}

export default function Stories() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const ability = useAbility();
  const { stories, campaigns, owners, filters, hidden, savedViews, currentView, exportQuery } = useLoaderData<typeof loader>();
  const applied = Object.values(filters).filter(Boolean).length;
  // Back from a withdrawal or erasure (the story may no longer be the viewer's to open).
  const done = useSearchParams()[0].get('done');
  // Withdrawn stories are ADMIN's alone to read (the API hides them from everyone else).
  const seesWithdrawn = viewer?.role === 'ADMIN';
  const columns: ListColumn[] = [
    { key: 'title', label: t('stories.column.title'), fixed: true, card: 'title' },
    { key: 'kind', label: t('stories.column.kind') },
    { key: 'status', label: t('stories.column.status') },
    { key: 'consent', label: t('stories.column.consent') },
    { key: 'province', label: t('stories.column.province') },
    { key: 'gatheredBy', label: t('stories.column.gatheredBy') },
    { key: 'updated', label: t('stories.column.updated') },
  ];

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('stories.title')}
        description={t('stories.intro')}
        actions={
          <>
            {ability.can('export', 'Story') ? <ExportButtons href={`/stories/export?${exportQuery}`} testId="export-stories" /> : null}
            {ability.can('create', 'Story') ? (
              <Button component={Link} to="/stories/new" data-testid="new-story">
                {t('stories.new')}
              </Button>
            ) : null}
          </>
        }
      />

      {done === 'withdraw' || done === 'erase' ? (
        <Alert color="teal" variant="light" data-testid="stories-notice">
          {t(done === 'withdraw' ? 'story.withdraw.done' : 'story.erase.done')}
        </Alert>
      ) : null}

      <ListViews testId="story-views" saved={{ list: 'stories', views: savedViews, current: currentView, hidden }} />
      <FilterBar
        testId="stories-filters"
        clearTo="/stories"
        filtered={applied > 0}
        count={applied}
        fields={[
          { kind: 'search', name: 'q', label: t('stories.filter.search'), placeholder: t('stories.filter.search.placeholder'), value: filters.q, width: 220 },
          {
            kind: 'select',
            name: 'campaign',
            label: t('stories.filter.campaign'),
            value: filters.campaign,
            options: campaignOptions(lang, campaigns),
            width: 200,
          },
          {
            kind: 'select',
            name: 'status',
            label: t('stories.filter.status'),
            value: filters.status,
            options: storyStatusValues.map((value) => ({ value, label: t(storyStatusKey(value)) })),
            width: 140,
          },
          {
            kind: 'select',
            name: 'consent',
            label: t('stories.filter.consent'),
            value: filters.consent,
            options: consentLevelValues.map((value) => ({ value, label: t(consentLevelKey(value)) })),
            width: 190,
          },
          {
            kind: 'select',
            name: 'kind',
            label: t('stories.filter.kind'),
            value: filters.kind,
            options: storyKindValues.map((value) => ({ value, label: t(storyKindKey(value)) })),
            width: 190,
          },
          seesWithdrawn && {
            kind: 'select',
            name: 'withdrawn',
            label: t('stories.filter.withdrawn'),
            value: filters.withdrawn,
            any: t('records.no'),
            options: [{ value: '1', label: t('records.yes') }],
            width: 160,
          },
        ]}
      />

      <Group justify="flex-end">
        <ColumnChooser list="stories" columns={columns} hidden={hidden} />
      </Group>
      <Card withBorder padding={0}>
        <ListTable
          minWidth={900}
          highlightOnHover
          data-testid="stories-table"
          items={stories.nodes}
          columns={columns}
          hiddenColumns={hidden}
          empty={
            <EmptyRow columns={7} testId="stories-empty">
              {t('stories.empty')}
            </EmptyRow>
          }
        >
          {(story) => (
            <Table.Tr key={story.id} data-testid="story-row" data-id={story.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/stories/${story.id}`} fw={600} size="sm" lang={story.language} data-testid="story-link">
                    {story.title ?? t('story.erased.title')}
                  </Anchor>
                  {story.withdrawn ? <WithdrawnBadge erased={Boolean(story.erasedAt)} /> : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(storyKindKey(story.kind))}</Text>
              </Table.Td>
              <Table.Td style={{ minWidth: 120 }}>
                <StoryStatusBadge status={story.status} />
              </Table.Td>
              <Table.Td style={{ minWidth: 210 }}>
                <ConsentBadge level={story.consentLevel} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{story.provinceCode}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {ownerLabel(t, story.ownerId, viewer?.id, owners)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DateTime value={story.updatedAt} stacked />
              </Table.Td>
            </Table.Tr>
          )}
        </ListTable>
      </Card>

      <Pager endCursor={stories.pageInfo.endCursor} hasNextPage={stories.pageInfo.hasNextPage} />
    </Stack>
  );
}
