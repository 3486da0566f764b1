import type { EventKind, EventStatus } from '@crm/contracts';

/** An event as the API reads it. */
export interface EventRow {
  id: string;
  campaignId: string;
  titleEn: string;
  titleFr: string | null;
  descriptionEn: string | null;
  descriptionFr: string | null;
  kind: EventKind;
  organizationId: string | null;
  provinceCode: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  headCount: number;
  status: EventStatus;
  ownerId: string | null;
  createdById: string | null;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  hostPersonIds: string[];
}

const eventColumnOf: Record<Exclude<keyof EventRow, 'hostPersonIds'>, string> = {
  id: 'e.id',
  campaignId: 'e.campaign_id',
  titleEn: 'e.title_en',
  titleFr: 'e.title_fr',
  descriptionEn: 'e.description_en',
  descriptionFr: 'e.description_fr',
  kind: 'e.kind',
  organizationId: 'e.organization_id',
  provinceCode: 'e.province_code',
  startsAt: 'e.starts_at',
  endsAt: 'e.ends_at',
  timeZone: 'e.time_zone',
  place: 'e.place',
  onlineUrl: 'e.online_url',
  capacity: 'e.capacity',
  headCount: 'e.head_count',
  status: 'e.status',
  ownerId: 'e.owner_id',
  createdById: 'e.created_by_id',
  archivedAt: 'e.archived_at',
  version: 'e.version',
  createdAt: 'e.created_at',
  updatedAt: 'e.updated_at',
};

/** Every column of an EventRow, its hosts (person ids) as one array column. */
export const eventColumns = [
  ...Object.entries(eventColumnOf).map(([field, column]) => `${column} AS "${field}"`),
  `ARRAY(SELECT h.person_id FROM event_host h WHERE h.event_id = e.id ORDER BY h.person_id) AS "hostPersonIds"`,
].join(', ');

/** Rule condition fields (`conditionFields.Event`) → columns of alias `e` (the host organization is `organizationId`). */
export const eventScopeColumns = {
  provinceCode: 'e.province_code',
  createdById: 'e.created_by_id',
  ownerId: 'e.owner_id',
  organizationId: 'e.organization_id',
} as const;

export const eventWritableColumns = {
  campaignId: 'campaign_id',
  titleEn: 'title_en',
  titleFr: 'title_fr',
  descriptionEn: 'description_en',
  descriptionFr: 'description_fr',
  kind: 'kind',
  organizationId: 'organization_id',
  provinceCode: 'province_code',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  timeZone: 'time_zone',
  place: 'place',
  onlineUrl: 'online_url',
  capacity: 'capacity',
  headCount: 'head_count',
  status: 'status',
  ownerId: 'owner_id',
  archivedAt: 'archived_at',
} as const;
export type EventWritableField = keyof typeof eventWritableColumns;
export type EventValues = { [K in EventWritableField]?: EventRow[K] };
