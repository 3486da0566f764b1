import { canadianTimeZones, eventKindValues, eventStatusValues, type EventKind, type EventStatus, type RsvpResponse } from '@crm/contracts';
import type { Language, PlainMessageKey } from '@crm/i18n';
import type { EventFilterInputType } from '@crm/staff-graphql';
import { wallClock } from './zone-table';

// The events screens' shared pieces: catalogue keys, the list's URL filters (decision 018),
// and times shown in the event's own zone with the viewer's beside them (decision 110).

export const eventKindKey = (kind: EventKind) => `event.kind.${kind}` as PlainMessageKey;
export const eventStatusKey = (status: EventStatus) => `event.status.${status}` as PlainMessageKey;
export const eventMoveKey = (status: EventStatus) => `event.move.${status}` as PlainMessageKey;
export const rsvpKey = (response: RsvpResponse) => `event.rsvp.${response}` as PlainMessageKey;
export const eventStatusColor: Record<EventStatus, string> = { planned: 'gray', confirmed: 'blue', held: 'teal', cancelled: 'red' };

export interface EventListFilters {
  q: string;
  campaign: string;
  region: string;
  kind: string;
  status: string;
  from: string;
  to: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): string => (value && (allowed as readonly string[]).includes(value) ? value : '');
const idOr = (value: string | null) => (value && uuid.test(value) ? value : '');
const dayOr = (value: string | null) => (value && day.test(value) && !Number.isNaN(Date.parse(value)) ? value : '');

export function eventFiltersFrom(params: URLSearchParams): EventListFilters {
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    campaign: idOr(params.get('campaign')),
    region: idOr(params.get('region')),
    kind: pick(params.get('kind'), eventKindValues),
    status: pick(params.get('status'), eventStatusValues),
    from: dayOr(params.get('from')),
    to: dayOr(params.get('to')),
  };
}

/** The API's EventFilter for the URL's filters; dates are whole days, read from the start of the first to the end of the last. */
export function eventFilter(filters: EventListFilters): EventFilterInputType {
  return {
    ...(filters.q.length >= 2 ? { search: filters.q } : {}),
    ...(filters.campaign ? { campaignId: filters.campaign } : {}),
    ...(filters.region ? { regionId: filters.region } : {}),
    ...(filters.kind ? { kinds: [filters.kind as EventKind] } : {}),
    ...(filters.status ? { statuses: [filters.status as EventStatus] } : {}),
    // A day's events anywhere in Canada: from 00:00 in St. John's (UTC−2:30) to 24:00 in Vancouver (UTC−8).
    ...(filters.from ? { from: `${filters.from}T00:00:00-02:30` } : {}),
    ...(filters.to ? { to: `${addDays(filters.to, 1)}T00:00:00-08:00` } : {}),
  };
}

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const locales: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

/** "St. John's" from America/St_Johns: the city that names a zone. */
export function zoneCity(timeZone: string): string {
  if (timeZone === 'America/St_Johns') return 'St. John’s';
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** The zones the form offers, Canada's, west to east, each named by its city and its offset now ("Halifax (UTC−3)"). */
export function timeZoneOptions(current?: string): { value: string; label: string }[] {
  const zones: string[] = [...canadianTimeZones];
  if (current && !zones.includes(current)) zones.push(current);
  return zones.map((zone) => ({ value: zone, label: `${zoneCity(zone)} (${zoneOffsetName(zone)})` }));
}

function zoneOffsetName(timeZone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat('en-CA', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return (part?.value ?? 'GMT').replace('GMT', 'UTC').replace('-', '−');
}

/** The day and time of an instant in a zone: "Sat., Apr. 4, 2026" and "19:00" (24-hour, as both languages read it here). */
// By the server's zone rules on both sides (zone-table.ts): the browser's may differ.
export function dayIn(lang: Language, iso: string, timeZone: string): string {
  return wallClock(locales[lang], iso, timeZone, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
}
export function timeIn(lang: Language, iso: string, timeZone: string): string {
  return wallClock(locales[lang], iso, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** Whether two zones show an instant at different wall-clock times. */
export function zonesDiffer(iso: string, a: string, b: string): boolean {
  return timeIn('en', iso, a) !== timeIn('en', iso, b) || dayIn('en', iso, a) !== dayIn('en', iso, b);
}

export { browserTimeZone } from './browser-zone';

// One schema per form (decision 016): the API's inputs.
export { CreateEventInput as NewEventForm, UpdateEventInput as EventForm, AddWalkInInput as WalkInForm } from '@crm/contracts';
export const eventTextFields = ['titleFr', 'descriptionEn', 'descriptionFr', 'place', 'onlineUrl', 'capacity', 'organizationId'] as const;
export const eventFormFields = [
  'campaignId',
  'titleEn',
  'titleFr',
  'descriptionEn',
  'descriptionFr',
  'kind',
  'organizationId',
  'hostPersonIds',
  'provinceCode',
  'timeZone',
  'startsAt',
  'endsAt',
  'place',
  'onlineUrl',
  'capacity',
  'ownerId',
] as const;
