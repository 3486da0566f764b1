import { pledgeKindValues, pledgeStatusValues } from '@crm/contracts';
import { formatDate, localized, localizedName } from '@crm/i18n';
import { PledgesDocument } from '@crm/staff-graphql';
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { campaignOptions } from '../utils/campaigns';
import { DateTime } from '../components/date-time';
import { ExportButtons } from '../components/export-buttons';
import { FilterBar } from '../components/filter-bar';
import { EmptyRow, ListTable, type ListColumn } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { OverdueBadge, PledgeStatusBadge } from '../components/pledges/pledge-badges';
import { RecordPicker } from '../components/records/record-picker';
import { gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { pledgeFilter, pledgeFiltersFrom, pledgeKindKey, pledgeStatusKey } from '../utils/pledges';
import { filtersQuery } from '../utils/records';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'pledges.title');

const pageSize = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Pledge');
  const params = new URL(request.url).searchParams;
  const filters = pledgeFiltersFrom(params);
  const data = await loadListPage('/pledges', params, (after) =>
    gql(PledgesDocument, { filter: pledgeFilter(filters, viewer.id), first: pageSize, after }, { request }),
  );
  // The export link reads the same URL filters as this page.
  return { ...data, filters, exportQuery: filtersQuery({ ...filters }).toString() };
}

export default function Pledges() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { pledges, campaigns, regions, filters, exportQuery } = useLoaderData<typeof loader>();
  const applied = Object.values(filters).filter(Boolean).length;
  const asks = campaigns.flatMap((campaign) => campaign.policyAsks);
  const first = pledges.nodes[0];
  const columns: ListColumn[] = [
    { key: 'pledge', label: t('pledges.column.pledge'), fixed: true, card: 'title' },
    { key: 'pledger', label: t('pledges.column.pledger') },
    { key: 'status', label: t('pledges.column.status') },
    { key: 'due', label: t('pledges.column.due') },
    { key: 'event', label: t('pledges.column.event') },
    { key: 'province', label: t('pledges.column.province') },
    { key: 'created', label: t('pledges.column.created') },
  ];

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('pledges.title')}
        description={t('pledges.intro')}
        actions={
          <>
            {ability.can('export', 'Pledge') ? <ExportButtons href={`/pledges/export?${exportQuery}`} testId="export-pledges" /> : null}
            {ability.can('create', 'Pledge') ? (
              <Button component={Link} to="/pledges/new" data-testid="new-pledge">
                {t('pledges.record')}
              </Button>
            ) : null}
          </>
        }
      />

      <FilterBar
        testId="pledges-filters"
        clearTo="/pledges"
        filtered={applied > 0}
        count={applied}
        fields={[
          {
            kind: 'select',
            name: 'campaign',
            label: t('pledges.filter.campaign'),
            value: filters.campaign,
            options: campaignOptions(lang, campaigns),
            width: 200,
          },
          {
            kind: 'select',
            name: 'kind',
            label: t('pledges.filter.kind'),
            value: filters.kind,
            options: pledgeKindValues.map((value) => ({ value, label: t(pledgeKindKey(value)) })),
            width: 200,
          },
          {
            kind: 'select',
            name: 'status',
            label: t('pledges.filter.status'),
            value: filters.status,
            options: pledgeStatusValues.map((value) => ({ value, label: t(pledgeStatusKey(value)) })),
            width: 150,
          },
          {
            kind: 'select',
            name: 'overdue',
            label: t('pledges.filter.overdue'),
            value: filters.overdue,
            options: [
              { value: '1', label: t('records.yes') },
              { value: '0', label: t('records.no') },
            ],
            width: 120,
          },
          {
            kind: 'select',
            name: 'mine',
            label: t('pledges.filter.mine'),
            value: filters.mine,
            any: t('pledges.filter.mine.everyone'),
            options: [{ value: '1', label: t('pledges.filter.mine.mine') }],
            width: 170,
          },
          regions.length > 1 && {
            kind: 'select',
            name: 'region',
            label: t('pledges.filter.region'),
            value: filters.region,
            options: regions.map((region) => ({ value: region.id, label: localizedName(lang, region) })),
            width: 180,
          },
        ]}
      >
        {ability.can('read', 'Person') ? (
          <div style={{ minWidth: 220 }}>
            <RecordPicker
              kind="person"
              name="person"
              label={t('pledges.filter.person')}
              initial={
                filters.person ? [{ id: filters.person, name: (first?.personId === filters.person && first.pledgerName) || t('pledges.filter.chosen') }] : []
              }
              testId="filter-person"
            />
          </div>
        ) : null}
        {ability.can('read', 'Organization') ? (
          <div style={{ minWidth: 220 }}>
            <RecordPicker
              kind="organization"
              name="organization"
              label={t('pledges.filter.organization')}
              initial={
                filters.organization
                  ? [{ id: filters.organization, name: (first?.organizationId === filters.organization && first.pledgerName) || t('pledges.filter.chosen') }]
                  : []
              }
              testId="filter-organization"
            />
          </div>
        ) : null}
        {filters.event ? <input type="hidden" name="event" value={filters.event} /> : null}
      </FilterBar>

      <Text size="sm" c="dimmed" data-testid="pledges-count">
        {(pledges.totalCount ?? pledges.nodes.length) === 1
          ? t('pledges.count.one')
          : t('pledges.count', { count: formatCount(lang, pledges.totalCount ?? pledges.nodes.length) })}
      </Text>

      <Card withBorder padding={0}>
        <ListTable
          minWidth={900}
          highlightOnHover
          data-testid="pledges-table"
          items={pledges.nodes}
          columns={columns}
          empty={
            <EmptyRow columns={columns.length} testId="pledges-empty">
              {t('pledges.empty')}
            </EmptyRow>
          }
        >
          {(pledge) => {
            const ask = pledge.policyAskId ? asks.find((entry) => entry.id === pledge.policyAskId) : undefined;
            const pledgerHref = pledge.personId ? `/people/${pledge.personId}` : `/organizations/${pledge.organizationId}`;
            return (
              <Table.Tr key={pledge.id} data-testid="pledge-row" data-id={pledge.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/pledges/${pledge.id}`} fw={600} size="sm" data-testid="pledge-link">
                    {t(pledgeKindKey(pledge.kind))}
                  </Anchor>
                  {ask ? (
                    <Text size="xs" c="dimmed">
                      {localized(lang, ask, 'title')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {pledge.pledgerName ? (
                    <Anchor component={Link} to={pledgerHref} size="sm" data-testid="pledge-pledger">
                      {pledge.pledgerName}
                    </Anchor>
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </Table.Td>
                <Table.Td style={{ minWidth: 160 }}>
                  <Group gap={4} wrap="wrap">
                    <PledgeStatusBadge status={pledge.status} />
                    <OverdueBadge since={pledge.overdueSince} status={pledge.status} />
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{pledge.dueOn ? formatDate(lang, pledge.dueOn) : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {pledge.eventId && pledge.eventTitleEn ? (
                    <Anchor component={Link} to={`/events/${pledge.eventId}`} size="sm">
                      {localized(lang, { titleEn: pledge.eventTitleEn, titleFr: pledge.eventTitleFr ?? pledge.eventTitleEn }, 'title')}
                    </Anchor>
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{pledge.provinceCode}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <DateTime value={pledge.createdAt} stacked />
                </Table.Td>
              </Table.Tr>
            );
          }}
        </ListTable>
      </Card>

      <Pager endCursor={pledges.pageInfo.endCursor} hasNextPage={pledges.pageInfo.hasNextPage} />
    </Stack>
  );
}
