import { ToolkitCatalogueListDocument } from '@crm/staff-graphql';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BackLink } from '../components/back-link';
import { ExportButtons } from '../components/export-buttons';
import { EmptyRow, ListTable } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { StockOnHand } from '../components/toolkit/toolkit-badges';
import { Pager } from '../components/pager';
import { gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';
import { itemTitle, toolkitEditionKey, toolkitKindKey } from '../utils/toolkit';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'toolkit.catalogue.title');

// GET /toolkit/catalogue (?archived=1: the archived materials). The catalogue editor's list:
// every material with its kind, edition, stock on hand and low-stock threshold, each opening
// its edit page. Only those who may change the catalogue (ADMIN, STAFF) reach it.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'update', 'ToolkitItem');
  const params = new URL(request.url).searchParams;
  const archived = params.get('archived') === '1';
  const { toolkitItems } = await loadListPage('/toolkit/catalogue', params, (after) => gql(ToolkitCatalogueListDocument, { archived, after }, { request }));
  return { items: toolkitItems, archived };
}

export default function ToolkitCatalogue() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { items, archived } = useLoaderData<typeof loader>();

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={<BackLink to="/toolkit">{t('toolkit.back')}</BackLink>}
        title={t('toolkit.catalogue.title')}
        description={t('toolkit.catalogue.intro')}
        actions={
          <>
            {ability.can('create', 'ToolkitItem') ? (
              <Button component={Link} to="/toolkit/catalogue/new" data-testid="catalogue-new">
                {t('toolkit.catalogue.new')}
              </Button>
            ) : null}
            <Button component={Link} to="/toolkit/inventory" variant="default" data-testid="catalogue-inventory">
              {t('toolkit.inventory')}
            </Button>
            <ExportButtons href="/toolkit/export?list=items" testId="export-items" />
          </>
        }
      />

      <Group gap={6} component="nav" aria-label={t('toolkit.catalogue.show')} data-testid="catalogue-tabs">
        {[false, true].map((tab) => (
          <Button
            key={String(tab)}
            component={Link}
            to={tab ? '/toolkit/catalogue?archived=1' : '/toolkit/catalogue'}
            size="compact-sm"
            variant={tab === archived ? 'filled' : 'default'}
            aria-current={tab === archived ? 'page' : undefined}
          >
            {t(tab ? 'toolkit.catalogue.archived' : 'toolkit.catalogue.current')}
          </Button>
        ))}
      </Group>

      <Card withBorder padding={0}>
        <ListTable
          minWidth={0}
          data-testid="catalogue-table"
          items={items.nodes}
          head={
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('toolkit.inventory.column.item')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('toolkit.inventory.column.kind')}</Table.Th>
                <Table.Th visibleFrom="md">{t('toolkit.inventory.column.edition')}</Table.Th>
                <Table.Th ta="right">{t('toolkit.inventory.column.onHand')}</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">
                  {t('toolkit.inventory.column.threshold')}
                </Table.Th>
                <Table.Th visibleFrom="md">{t('toolkit.catalogue.column.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
          }
          empty={<EmptyRow columns={6}>{t(archived ? 'toolkit.catalogue.emptyArchived' : 'toolkit.catalogue.empty')}</EmptyRow>}
        >
          {(row) => {
            const title = itemTitle(lang, row);
            const description = lang === 'fr' ? row.descriptionFr : row.descriptionEn;
            const stocked = row.kind !== 'digital_file';
            return (
              <Table.Tr key={row.id} data-testid="catalogue-row" data-id={row.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Anchor
                    component={Link}
                    to={`/toolkit/catalogue/${row.id}`}
                    size="sm"
                    fw={600}
                    aria-label={t('toolkit.catalogue.edit', { name: title })}
                    data-testid="catalogue-edit"
                  >
                    {title}
                  </Anchor>
                  {/* On a phone the kind and edition columns are folded under the name. */}
                  <Text size="xs" c="dimmed" hiddenFrom="md">
                    <Text span size="xs" hiddenFrom="sm">
                      {t(toolkitKindKey(row.kind))} ·{' '}
                    </Text>
                    {t(toolkitEditionKey(row.language))}
                  </Text>
                  {description ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {description}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{t(toolkitKindKey(row.kind))}</Text>
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Text size="sm">{t(toolkitEditionKey(row.language))}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <StockOnHand item={row} />
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  <Text size="sm">{stocked ? formatCount(lang, row.lowStockThreshold) : '—'}</Text>
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Badge
                    color={row.archivedAt ? 'gray' : 'teal'}
                    variant="light"
                    size="sm"
                    styles={{ label: { overflow: 'visible' } }}
                    data-testid="catalogue-status"
                  >
                    {t(row.archivedAt ? 'toolkit.catalogue.status.archived' : 'toolkit.catalogue.status.active')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          }}
        </ListTable>
      </Card>
      <Pager endCursor={items.pageInfo.endCursor} hasNextPage={items.pageInfo.hasNextPage} />
    </Stack>
  );
}
