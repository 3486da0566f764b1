import { membershipValues, organizationKindValues } from '@crm/contracts';
import { OrganizationsDocument } from '@crm/staff-graphql';
import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ColumnChooser } from '../components/column-chooser';
import { DateTime } from '../components/date-time';
import { FilterSelect } from '../components/filter-bar';
import { EmptyRow, ListTable, ListTotal, type ListColumn } from '../components/list-table';
import { ListViews } from '../components/list-views';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ArchivedBadge } from '../components/records/record-badges';
import { RecordFilterBar, RecordListActions } from '../components/records/record-list';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { listViews } from '../utils/saved-views.server';
import { filtersQuery, kindKey, membershipKey, organizationFilter, organizationFiltersFrom, organizationName, tagLabels } from '../utils/records';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organizations.title');

const pageSize = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Organization');
  const params = new URL(request.url).searchParams;
  const filters = organizationFiltersFrom(params);
  const filter = organizationFilter(filters, viewer.id);
  const [data, { savedViews, currentView, hidden }] = await Promise.all([
    loadListPage('/organizations', params, (after) => gql(OrganizationsDocument, { filter, first: pageSize, after }, { request })),
    listViews(request, viewer, 'organizations', params),
  ]);
  // The export route reads the same URL filters as this page (and builds the same API filter).
  return { ...data, filters, hidden, savedViews, currentView, exportQuery: filtersQuery(filters).toString() };
}

const membershipColor: Record<string, string> = { member: 'teal', associate: 'blue', ally: 'grape', lapsed: 'gray' };

export default function Organizations() {
  const t = useT();
  const lang = useLanguage();
  const { organizations, provinces, regions, tags, filters, hidden, savedViews, currentView, exportQuery: query } = useLoaderData<typeof loader>();
  const tagLabel = tagLabels(lang, tags);
  const columns: ListColumn[] = [
    { key: 'name', label: t('organizations.column.name'), fixed: true, card: 'title', sort: { value: 'NAME', direction: 'ascending' } },
    { key: 'kind', label: t('organizations.column.kind') },
    { key: 'membership', label: t('organizations.column.membership') },
    { key: 'place', label: t('organizations.column.place') },
    { key: 'tags', label: t('records.tags') },
    { key: 'updated', label: t('records.updated'), sort: { value: 'UPDATED', direction: 'descending' } },
  ];

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.intro')}
        actions={
          <RecordListActions
            subject="Organization"
            exportHref={`/organizations/export?${query}`}
            exportTestId="export-organizations"
            newTo="/organizations/new"
            newLabel={t('organizations.new')}
            newTestId="new-organization"
          />
        }
      />

      <ListViews mine={filters.mine} testId="organization-views" saved={{ list: 'organizations', views: savedViews, current: currentView, hidden }} />
      <RecordFilterBar
        testId="organization-filters"
        path="/organizations"
        filters={filters}
        searchPlaceholder={t('organizations.filter.search.placeholder')}
        provinces={provinces}
        regions={regions}
        tags={tags}
        tagLabel={tagLabel}
      >
        <FilterSelect
          name="kind"
          label={t('organizations.filter.kind')}
          value={filters.kind}
          any={t('records.any')}
          options={organizationKindValues.map((value) => ({ value, label: t(kindKey(value)) }))}
          width={200}
          testId="filter-kind"
        />
        <FilterSelect
          name="membership"
          label={t('organizations.filter.membership')}
          value={filters.membership}
          any={t('records.any')}
          options={membershipValues.map((value) => ({ value, label: t(membershipKey(value)) }))}
          width={150}
          testId="filter-membership"
        />
      </RecordFilterBar>

      <Group justify="space-between" align="center">
        <ListTotal count={organizations.totalCount} kind="organizations" />
        <ColumnChooser list="organizations" columns={columns} hidden={hidden} />
      </Group>
      <Card withBorder padding={0}>
        <ListTable
          minWidth={900}
          highlightOnHover
          data-testid="organizations-table"
          items={organizations.nodes}
          columns={columns}
          hiddenColumns={hidden}
          sort={{ current: filters.sort, byDefault: 'NAME' }}
          empty={
            <EmptyRow columns={6} testId="organizations-empty">
              {t('organizations.empty')}
            </EmptyRow>
          }
        >
          {(organization) => (
            <Table.Tr key={organization.id} data-testid="organization-row" data-province={organization.provinceCode}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/organizations/${organization.id}`} fw={600} size="sm">
                    {organizationName(lang, organization)}
                  </Anchor>
                  {organization.archivedAt ? <ArchivedBadge /> : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(kindKey(organization.kind))}</Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={membershipColor[organization.membership] ?? 'gray'}>
                  {t(membershipKey(organization.membership))}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[organization.city, organization.provinceCode].filter(Boolean).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {organization.tags.slice(0, 3).map((tag) => (
                    <Badge key={tag} variant="outline" color="indigo" size="sm">
                      {tagLabel(tag)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <DateTime value={organization.updatedAt} stacked />
              </Table.Td>
            </Table.Tr>
          )}
        </ListTable>
      </Card>

      <Pager endCursor={organizations.pageInfo.endCursor} hasNextPage={organizations.pageInfo.hasNextPage} />
    </Stack>
  );
}
