import { outreachChannelValues, outreachOutcomeValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { OutreachListDocument } from '@crm/staff-graphql';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { campaignOptions } from '../utils/campaigns';
import { ExportButtons } from '../components/export-buttons';
import { FilterBar, FilterSelect } from '../components/filter-bar';
import { ListViews } from '../components/list-views';
import { OutreachItems } from '../components/outreach/outreach-item';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { listViews } from '../utils/saved-views.server';
import { outreachFilter, outreachFiltersFrom } from '../utils/outreach';
import { exportQuery } from '../utils/records';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outreach.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Outreach');
  const params = new URL(request.url).searchParams;
  const filters = outreachFiltersFrom(params);
  const [data, { savedViews, currentView }] = await Promise.all([
    gql(OutreachListDocument, { filter: outreachFilter(filters), first: 50, after: params.get('after') }, { request }),
    listViews(request, viewer, 'outreach', params),
  ]);
  // "Only mine" is the viewer's own: the CSV export takes every other filter, so it is offered without it.
  const exportHref = filters.mine ? null : `/outreach/export?${exportQuery(outreachFilter(filters) as Record<string, unknown>)}`;
  return { ...data, filters, exportHref, savedViews, currentView };
}

export default function OutreachList() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { outreachList, campaigns, regions, filters, exportHref, savedViews, currentView } = useLoaderData<typeof loader>();
  // "Mine" is a view (ListViews), not a filter: it stays when the filters change or clear.
  const applied = Object.entries(filters).filter(([name, value]) => name !== 'mine' && Boolean(value)).length;

  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader
        title={t('outreach.title')}
        actions={
          <>
            {exportHref && ability.can('export', 'Outreach') ? <ExportButtons href={exportHref} testId="export-outreach" /> : null}
            {ability.can('import', 'Outreach') ? (
              <Button component={Link} to="/imports/new?kind=outreach" variant="default" data-testid="import-outreach">
                {t('outreach.import')}
              </Button>
            ) : null}
            <Button component={Link} to="/outreach/log" data-testid="log-contact">
              {t('nav.logContact')}
            </Button>
          </>
        }
      />
      <ListViews mine={filters.mine} testId="outreach-views" saved={{ list: 'outreach', views: savedViews, current: currentView, hidden: [] }} />
      <FilterBar
        testId="outreach-filters"
        clearTo={filters.mine ? '/outreach?mine=1' : '/outreach'}
        filtered={applied > 0}
        count={applied}
        keep={filters.mine ? { mine: '1' } : undefined}
      >
        <TextInput name="search" label={t('outreach.filter.search')} defaultValue={filters.search} w={180} />
        <FilterSelect
          name="campaignId"
          label={t('outreach.filter.campaign')}
          value={filters.campaignId}
          any={t('outreach.filter.any')}
          options={campaignOptions(lang, campaigns)}
          width={220}
          testId="filter-campaign"
        />
        <FilterSelect
          name="regionId"
          label={t('outreach.filter.region')}
          value={filters.regionId}
          any={t('outreach.filter.any')}
          options={regions.map((region) => ({ value: region.id, label: localizedName(lang, region) }))}
          width={180}
          testId="filter-region"
        />
        <FilterSelect
          name="channel"
          label={t('outreach.filter.channel')}
          value={filters.channel}
          any={t('outreach.filter.any')}
          options={outreachChannelValues.map((value) => ({ value, label: t(`outreach.channel.${value}`) }))}
          width={150}
          testId="filter-channel"
        />
        <FilterSelect
          name="outcome"
          label={t('outreach.filter.outcome')}
          value={filters.outcome}
          any={t('outreach.filter.any')}
          options={outreachOutcomeValues.map((value) => ({ value, label: t(`outreach.outcome.${value}`) }))}
          width={170}
          testId="filter-outcome"
        />
        <TextInput type="date" name="from" label={t('outreach.filter.from')} defaultValue={filters.from} w={160} />
        <TextInput type="date" name="to" label={t('outreach.filter.to')} defaultValue={filters.to} w={160} />
      </FilterBar>
      {outreachList.nodes.length ? (
        <OutreachItems items={outreachList.nodes} testId="outreach-list" />
      ) : (
        <Text c="dimmed" data-testid="outreach-empty">
          {t('outreach.empty')}
        </Text>
      )}
      <Pager endCursor={outreachList.pageInfo.endCursor ?? null} hasNextPage={outreachList.pageInfo.hasNextPage} />
    </Stack>
  );
}
