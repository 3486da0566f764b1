import type { OutreachChannel, OutreachOutcome } from '@crm/contracts';

/** One outreach as the API reads it (with its person's name and province, which decide its scope). */
export interface OutreachRow {
  id: string;
  version: number;
  archivedAt: Date | null;
  clientId: string | null;
  personId: string;
  personName: string;
  /** The person's province: where the outreach is, for access rules. */
  provinceCode: string;
  /** The person's organizations (their timelines tell of the outreach too). */
  organizationIds: string[];
  campaignId: string;
  channel: OutreachChannel;
  occurredOn: string;
  outcome: OutreachOutcome;
  notes: string | null;
  policyAskId: string | null;
  followUpOn: string | null;
  /** Who owns the follow-up: the outreach's owner for access rules. */
  ownerId: string | null;
  ownerName: string | null;
  followUpDoneAt: Date | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OutreachValues {
  channel?: OutreachChannel;
  outcome?: OutreachOutcome;
  occurredOn?: string;
  notes?: string | null;
  policyAskId?: string | null;
  followUpOn?: string | null;
  ownerId?: string | null;
  followUpDoneAt?: Date | null;
}

export const outreachWritableColumns: Record<keyof OutreachValues | 'archivedAt', string> = {
  channel: 'channel',
  outcome: 'outcome',
  occurredOn: 'occurred_on',
  notes: 'notes',
  policyAskId: 'policy_ask_id',
  followUpOn: 'follow_up_on',
  ownerId: 'follow_up_owner_id',
  followUpDoneAt: 'follow_up_done_at',
  archivedAt: 'archived_at',
};

// Access rules read these (the person's province; who recorded it; who owns the follow-up).
export const outreachScopeColumns = {
  provinceCode: 'p.province_code',
  createdById: 'o.created_by_id',
  ownerId: 'o.follow_up_owner_id',
  organizationId: 'NULL::uuid',
} as const;

export const outreachFrom = `outreach o JOIN person p ON p.id = o.person_id`;

/** `outreachFrom` with the follow-up owner (`ow`) and the recorder (`cr`): one join each, not a look-up per row. */
export const outreachRowFrom = `${outreachFrom} LEFT JOIN app_user ow ON ow.id = o.follow_up_owner_id LEFT JOIN app_user cr ON cr.id = o.created_by_id`;

/** A row of a list: everything but the person's organizations (only writes need them, for the timelines). */
export type OutreachListRow = Omit<OutreachRow, 'organizationIds'>;

/** The columns of an `OutreachListRow`, from `outreachRowFrom`. */
export const outreachListColumns = `o.id, o.version, o.archived_at AS "archivedAt", o.client_id AS "clientId", o.person_id AS "personId",
  trim(p.first_name || ' ' || p.last_name) AS "personName", p.province_code AS "provinceCode",
  o.campaign_id AS "campaignId", o.channel, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn", o.outcome, o.notes,
  o.policy_ask_id AS "policyAskId", to_char(o.follow_up_on, 'YYYY-MM-DD') AS "followUpOn", o.follow_up_owner_id AS "ownerId",
  ow.name AS "ownerName", o.follow_up_done_at AS "followUpDoneAt", o.created_by_id AS "createdById", cr.name AS "createdByName",
  o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/** The columns of an `OutreachRow`, from `outreachRowFrom`. */
export const outreachColumns = `${outreachListColumns},
  ARRAY(SELECT a.organization_id FROM affiliation a WHERE a.person_id = o.person_id ORDER BY a.organization_id) AS "organizationIds"`;
