import type { PledgeKind, PledgeStatus } from '@crm/contracts';

/** A pledge as the API reads it, with the names the caller may read of its pledger and event. */
export interface PledgeRow {
  id: string;
  campaignId: string;
  personId: string | null;
  organizationId: string | null;
  kind: PledgeKind;
  policyAskId: string | null;
  dueOn: string | null;
  evidence: string | null;
  notes: string | null;
  eventId: string | null;
  outreachId: string | null;
  status: PledgeStatus;
  overdueSince: string | null;
  fulfilledAt: Date | null;
  provinceCode: string;
  ownerId: string | null;
  createdById: string | null;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The person's or organization's name, null when the caller may not read them. */
  pledgerName: string | null;
  eventTitleEn: string | null;
  eventTitleFr: string | null;
}

export const pledgeColumnOf: Record<Exclude<keyof PledgeRow, 'pledgerName' | 'eventTitleEn' | 'eventTitleFr'>, string> = {
  id: 'g.id',
  campaignId: 'g.campaign_id',
  personId: 'g.person_id',
  organizationId: 'g.organization_id',
  kind: 'g.kind',
  policyAskId: 'g.policy_ask_id',
  dueOn: `to_char(g.due_on, 'YYYY-MM-DD')`,
  evidence: 'g.evidence',
  notes: 'g.notes',
  eventId: 'g.event_id',
  outreachId: 'g.outreach_id',
  status: 'g.status',
  overdueSince: `to_char(g.overdue_since, 'YYYY-MM-DD')`,
  fulfilledAt: 'g.fulfilled_at',
  provinceCode: 'g.province_code',
  ownerId: 'g.owner_id',
  createdById: 'g.created_by_id',
  archivedAt: 'g.archived_at',
  version: 'g.version',
  createdAt: 'g.created_at',
  updatedAt: 'g.updated_at',
};

/** Rule condition fields (`conditionFields.Pledge`) → columns of alias `g`. */
export const pledgeScopeColumns = {
  provinceCode: 'g.province_code',
  createdById: 'g.created_by_id',
  ownerId: 'g.owner_id',
  organizationId: 'g.organization_id',
} as const;

export const pledgeWritableColumns = {
  campaignId: 'campaign_id',
  personId: 'person_id',
  organizationId: 'organization_id',
  kind: 'kind',
  policyAskId: 'policy_ask_id',
  dueOn: 'due_on',
  evidence: 'evidence',
  notes: 'notes',
  eventId: 'event_id',
  outreachId: 'outreach_id',
  status: 'status',
  fulfilledAt: 'fulfilled_at',
  provinceCode: 'province_code',
  ownerId: 'owner_id',
  archivedAt: 'archived_at',
} as const;
export type PledgeWritableField = keyof typeof pledgeWritableColumns;
export type PledgeValues = { [K in PledgeWritableField]?: PledgeRow[K] };
