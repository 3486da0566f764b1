import { pledgeKindValues, pledgeStatusValues, type PledgeKind, type PledgeStatus } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import type { PledgeFilterInputType } from '@crm/staff-graphql';

// The pledges screens' shared pieces: catalogue keys, the list's URL filters (decision 018)
// as the API's filter, and the form's schema (the API's input, decision 016).

export const pledgeKindKey = (kind: PledgeKind) => `pledge.kind.${kind}` as PlainMessageKey;
export const pledgeStatusKey = (status: PledgeStatus) => `pledge.status.${status}` as PlainMessageKey;
export const pledgeMoveKey = (status: PledgeStatus) => `pledge.move.${status}` as PlainMessageKey;
export const pledgeStatusColor: Record<PledgeStatus, string> = { pledged: 'blue', in_progress: 'yellow', fulfilled: 'teal', lapsed: 'gray' };

export interface PledgeListFilters {
  campaign: string;
  kind: string;
  status: string;
  overdue: string;
  mine: string;
  region: string;
  person: string;
  organization: string;
  event: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOr = (value: string | null) => (value && uuid.test(value) ? value : '');
const pick = <T extends string>(value: string | null, allowed: readonly T[]): string => (value && (allowed as readonly string[]).includes(value) ? value : '');

export function pledgeFiltersFrom(params: URLSearchParams): PledgeListFilters {
  return {
    campaign: idOr(params.get('campaign')),
    kind: pick(params.get('kind'), pledgeKindValues),
    status: pick(params.get('status'), pledgeStatusValues),
    overdue: pick(params.get('overdue'), ['1', '0'] as const),
    mine: params.get('mine') === '1' ? '1' : '',
    region: idOr(params.get('region')),
    person: idOr(params.get('person')),
    organization: idOr(params.get('organization')),
    event: idOr(params.get('event')),
  };
}

/** The API's PledgeFilter for the URL's filters; "mine" is what the viewer follows up (owner, else creator). */
export function pledgeFilter(filters: PledgeListFilters, viewerId: string): PledgeFilterInputType {
  return {
    ...(filters.campaign ? { campaignId: filters.campaign } : {}),
    ...(filters.kind ? { kinds: [filters.kind as PledgeKind] } : {}),
    ...(filters.status ? { statuses: [filters.status as PledgeStatus] } : {}),
    ...(filters.overdue ? { overdue: filters.overdue === '1' } : {}),
    ...(filters.mine ? { followedBy: viewerId } : {}),
    ...(filters.region ? { regionId: filters.region } : {}),
    ...(filters.person ? { personId: filters.person } : {}),
    ...(filters.organization ? { organizationId: filters.organization } : {}),
    ...(filters.event ? { eventId: filters.event } : {}),
  };
}

/** A pledge as the shared ability checks it (`subject('Pledge', …)`), from what the API sent. */
export function pledgeRecord(pledge: { provinceCode: string; ownerId: string | null; createdById: string | null; organizationId: string | null }) {
  return { provinceCode: pledge.provinceCode, ownerId: pledge.ownerId, createdById: pledge.createdById, organizationId: pledge.organizationId };
}

/** Where a pledge's "record a pledge" link starts from: its pledger's or event's page. */
export function newPledgeHref(from: { personId?: string; organizationId?: string; eventId?: string }): string {
  const query = new URLSearchParams(Object.entries(from).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return `/pledges/new?${query}`;
}

export { CreatePledgeInput as NewPledgeForm } from '@crm/contracts';
export const pledgeFormFields = [
  'campaignId',
  'personId',
  'organizationId',
  'kind',
  'policyAskId',
  'dueOn',
  'evidence',
  'eventId',
  'outreachId',
  'notes',
] as const;
