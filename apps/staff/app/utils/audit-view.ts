import { officeTimeZone, type PlainMessageKey, type Translate } from '@crm/i18n';
import { isPlainMessageKey } from './messages';

// Reading the audit log: its date filters and its `changes` JSON.

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

// How far `timeZone` is ahead of UTC at `instant` (ms; negative west of Greenwich).
function zoneOffset(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant;
}

/**
 * "2026-03-08" -> the instant that day starts in the national office's zone,
 * as the API's ISO date-time; `dayAfter` moves to the next day's start (an
 * inclusive "to" date becomes the API's exclusive bound). Undefined if not a date.
 */
export function startOfDay(day: string | null | undefined, { dayAfter = false, timeZone = officeTimeZone } = {}): string | undefined {
  const match = day ? isoDay.exec(day) : null;
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, date));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== date) return undefined;
  const midnightUtc = Date.UTC(year, month - 1, date + (dayAfter ? 1 : 0));
  // Twice: the offset at the local midnight can differ from the one at UTC midnight (DST days).
  let instant = midnightUtc - zoneOffset(timeZone, midnightUtc);
  instant = midnightUtc - zoneOffset(timeZone, instant);
  return new Date(instant).toISOString();
}

export type FieldChange = { field: string; from: unknown; to: unknown };

/** `{ name: { from, to } }` -> a list, in the order recorded; anything else -> none. */
export function changeList(changes: unknown): FieldChange[] {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).flatMap(([field, value]) => {
    if (typeof value !== 'object' || value === null) return [];
    const { from = null, to = null } = value as { from?: unknown; to?: unknown };
    return [{ field, from, to }];
  });
}

// A record's fields by the labels its screens use (not consentEmail, provinceCode).
const recordFieldKeys: Record<string, string> = {
  firstName: 'person.firstName',
  lastName: 'person.lastName',
  emails: 'person.emails',
  phones: 'person.phones',
  leaderCategory: 'person.leaderCategory',
  engagementStage: 'person.stage',
  consentEmail: 'person.consentEmail',
  consentPhone: 'person.consentPhone',
  doNotContact: 'person.doNotContact',
  livedExperience: 'person.livedExperience',
  affiliations: 'person.affiliations',
  provinceCode: 'records.province',
  city: 'records.city',
  ownerId: 'records.owner',
  tags: 'records.tags',
  notes: 'records.notes',
  nameEn: 'organization.nameEn',
  nameFr: 'organization.nameFr',
  kind: 'organization.kind',
  membership: 'organization.membership',
  membershipSince: 'organization.membershipSince',
  postalCode: 'organization.postalCode',
  phone: 'organization.phone',
  website: 'organization.website',
  // An event's fields, by the event form's labels (they showed as titleEn, startsAt, headCount…).
  titleEn: 'event.titleEn',
  titleFr: 'event.titleFr',
  descriptionEn: 'event.descriptionEn',
  descriptionFr: 'event.descriptionFr',
  campaignId: 'event.campaignId',
  organizationId: 'event.organizationId',
  hostLeaders: 'event.hostPersonIds',
  hostPersonIds: 'event.hostPersonIds',
  timeZone: 'event.timeZone',
  startsAt: 'event.startsAt',
  endsAt: 'event.endsAt',
  place: 'event.place',
  onlineUrl: 'event.onlineUrl',
  capacity: 'event.capacity',
  headCount: 'event.headCount',
};

// Coded values by the names the record screens give them ("yes" → "Yes" / "Oui", "vigil" →
// "Vigil" / "Veille"): the catalogue prefix per record type and field, then for any type.
const valuePrefixes: Record<string, Record<string, string>> = {
  Event: { kind: 'event.kind.', status: 'event.status.' },
  Organization: { kind: 'orgKind.' },
  Outreach: { channel: 'outreach.channel.', outcome: 'outreach.outcome.' },
  Pledge: { kind: 'pledge.kind.', status: 'pledge.status.' },
  Story: { kind: 'story.kind.', status: 'story.status.' },
  ToolkitItem: { kind: 'toolkit.kind.', language: 'toolkit.edition.' },
  ToolkitRequest: { status: 'toolkit.status.', source: 'toolkit.source.' },
  Campaign: { status: 'campaigns.status.' },
  // An import's kind is the list it fills ("people" → "People" / "Personnes").
  ImportBatch: { kind: 'nav.' },
  any: {
    response: 'event.rsvp.',
    engagementStage: 'stage.',
    leaderCategory: 'leader.',
    membership: 'membership.',
    preferredLanguage: 'languageName.',
    language: 'languageName.',
  },
};

// An RSVP entry keys each person's answer by their id ("<id>": "yes", "attended:<id>": true).
const rsvpKey = /^(attended:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The field a stored key stands for: an RSVP's answer or attendance, else the key itself. */
export function changedField(key: string): string {
  const match = rsvpKey.exec(key);
  if (!match) return key;
  return match[1] ? 'attended' : 'response';
}

/** The catalogue key that names a coded value of `field`, or null when the value is not a known code. */
export function valueKey(subjectType: string, field: string, value: unknown): PlainMessageKey | null {
  if (typeof value !== 'string') return null;
  const prefix = valuePrefixes[subjectType]?.[field] ?? valuePrefixes.any[field];
  const key = prefix ? `${prefix}${value}` : null;
  return isPlainMessageKey(key) ? key : null;
}

/** A field by its label in the viewer's language: the audit's own names, then the record screens'; never a code when one is known. */
export function fieldLabel(t: Translate, field: string): string {
  const key = `audit.field.${field}`;
  if (isPlainMessageKey(key)) return t(key);
  const recordKey = recordFieldKeys[field];
  return recordKey && isPlainMessageKey(recordKey) ? t(recordKey) : field;
}
