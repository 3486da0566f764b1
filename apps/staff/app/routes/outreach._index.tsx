import { IsoDate, outreachChannelValues, outreachOutcomeValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { OutreachListDocument, type OutreachChannel, type OutreachFilterInputType, type OutreachOutcome } from '@crm/staff-graphql';
import { Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FilterBar, FilterSelect } from '../components/filter-bar';
import { OutreachItems } from '../components/outreach/outreach-item';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outreach.title');

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function filtersFrom(params: URLSearchParams) {
  const pick = <T extends string>(name: string, values: readonly T[]) =>
    (values as readonly string[]).includes(params.get(name) ?? '') ? (params.get(name) as T) : '';
  const id = (name: string) => (uuid.test(params.get(name) ?? '') ? params.get(name)! : '');
  const date = (name: string) => (IsoDate.safeParse(params.get(name)).success ? params.get(name)! : '');
  return {
    mine: params.get('mine') === '1',
    campaignId: id('campaignId'),
    regionId: id('regionId'),
    channel: pick('channel', outreachChannelValues),
    outcome: pick('outcome', outreachOutcomeValues),
    from: date('from'),
    to: date('to'),
    search: (params.get('search') ?? '').trim().slice(0, 100),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Outreach');
  const params = new URL(request.url).searchParams;
  const filters = filtersFrom(params);
  const filter: OutreachFilterInputType = {
    mine: filters.mine || undefined,
    campaignId: filters.campaignId || undefined,
    regionId: filters.regionId || undefined,
    channels: filters.channel ? [filters.channel as OutreachChannel] : undefined,
    outcomes: filters.outcome ? [filters.outcome as OutreachOutcome] : undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    search: filters.search.length >= 2 ? filters.search : undefined,
  };
  const data = await gql(OutreachListDocument, { filter, first: 50, after: params.get('after') }, { request });
  return { ...data, filters };
}

export default function OutreachList() {
  const t = useT();
  const lang = useLanguage();
  const { outreachList, campaigns, regions, filters } = useLoaderData<typeof loader>();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader
        title={t('outreach.title')}
        actions={
          <Button component={Link} to="/outreach/log" data-testid="log-contact">
            {t('nav.logContact')}
          </Button>
        }
      />
      <FilterBar testId="outreach-filters" clearTo="/outreach" filtered={filtered}>
        <TextInput name="search" label={t('outreach.filter.search')} defaultValue={filters.search} w={180} />
        <FilterSelect
          name="campaignId"
          label={t('outreach.filter.campaign')}
          value={filters.campaignId}
          any={t('outreach.filter.any')}
          options={campaigns.map((campaign) => ({ value: campaign.id, label: localizedName(lang, campaign) }))}
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
        <Checkbox name="mine" value="1" label={t('outreach.filter.mine')} defaultChecked={filters.mine} mb={8} />
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
