import { IsoDate, outreachChannelValues, outreachOutcomeValues } from '@crm/contracts';
import type { OutreachChannel, OutreachFilterInputType, OutreachOutcome } from '@crm/staff-graphql';

// The outreach list's filters as the URL carries them (decision 018: filters live in the URL),
// shared by the list and its CSV export.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function outreachFiltersFrom(params: URLSearchParams) {
  const pick = <T extends string>(name: string, values: readonly T[]) =>
    (values as readonly string[]).includes(params.get(name) ?? '') ? (params.get(name) as T) : '';
  const id = (name: string) => (uuid.test(params.get(name) ?? '') ? params.get(name)! : '');
  const date = (name: string) => (IsoDate.safeParse(params.get(name)).success ? params.get(name)! : '');
  return {
    mine: params.get('mine') === '1',
    personId: id('personId'),
    campaignId: id('campaignId'),
    regionId: id('regionId'),
    channel: pick('channel', outreachChannelValues),
    outcome: pick('outcome', outreachOutcomeValues),
    from: date('from'),
    to: date('to'),
    search: (params.get('search') ?? '').trim().slice(0, 100),
  };
}

export type OutreachFilters = ReturnType<typeof outreachFiltersFrom>;

export function outreachFilter(filters: OutreachFilters): OutreachFilterInputType {
  return {
    mine: filters.mine || undefined,
    personId: filters.personId || undefined,
    campaignId: filters.campaignId || undefined,
    regionId: filters.regionId || undefined,
    channels: filters.channel ? [filters.channel as OutreachChannel] : undefined,
    outcomes: filters.outcome ? [filters.outcome as OutreachOutcome] : undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    search: filters.search.length >= 2 ? filters.search : undefined,
  };
}
