import { z } from 'zod';
import { Id, lineOfText, Version } from './common';
import { OptionalEmail, OptionalPhone, optionalText, ProvinceCode, SearchText, Website } from './records';
import { LeaderCategory } from './person';

// Events (issue 12, decision 110): the campaign's actions, each at its own place and time zone.
export const eventKindValues = [
  'forum',
  'vigil',
  'webinar',
  'workshop',
  'screening',
  'mp_meeting',
  'refugee_rights_day',
  'world_refugee_day',
  'other',
] as const;
export const EventKind = z.enum(eventKindValues);
export type EventKind = z.infer<typeof EventKind>;

export const eventStatusValues = ['planned', 'confirmed', 'held', 'cancelled'] as const;
export const EventStatus = z.enum(eventStatusValues);
export type EventStatus = z.infer<typeof EventStatus>;

/** The only moves an event's status may make (anything else is BAD_USER_INPUT naming these). */
export const eventTransitions: Record<EventStatus, readonly EventStatus[]> = {
  planned: ['confirmed', 'cancelled'],
  confirmed: ['held', 'cancelled'],
  held: [],
  cancelled: [],
};

// An RSVP: invited (no answer yet), an answer, a "yes" past capacity (waitlisted), or a walk-in checked in at the door.
export const rsvpResponseValues = ['invited', 'yes', 'maybe', 'no', 'waitlisted', 'walk_in'] as const;
export type RsvpResponse = (typeof rsvpResponseValues)[number];
export const RsvpAnswer = z.enum(['yes', 'maybe', 'no']);
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;

// Canada's zones, west to east: what the form offers (any IANA zone is accepted).
export const canadianTimeZones = [
  'America/Vancouver',
  'America/Whitehorse',
  'America/Edmonton',
  'America/Yellowknife',
  'America/Regina',
  'America/Winnipeg',
  'America/Toronto',
  'America/Iqaluit',
  'America/Halifax',
  'America/Moncton',
  'America/St_Johns',
] as const;

/** Whether the runtime's time zone database knows `zone` (an IANA name). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
export const TimeZone = z.string().trim().max(64).refine(isTimeZone, { error: 'timeZone' });

/** A wall-clock time in the event's zone, to the minute: `2026-04-04T19:00`. */
export const LocalDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'dateTime' })
  .refine(
    (value) => {
      const [date, time] = value.split('T');
      const [y, m, d] = date.split('-').map(Number);
      const [h, min] = time.split(':').map(Number);
      const day = new Date(Date.UTC(y, m - 1, d));
      return y >= 2000 && y <= 2100 && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && h < 24 && min < 60;
    },
    { error: 'dateTime' },
  );

export const eventLimits = { title: 200, description: 5000, place: 300, capacity: 100_000, hosts: 10, invite: 200, headCount: 100_000 } as const;

const Capacity = z.number().int().min(1).max(eventLimits.capacity);
const HostPersonIds = z
  .array(Id)
  .max(eventLimits.hosts)
  .transform((ids) => [...new Set(ids)]);

const eventFields = {
  campaignId: Id.optional(),
  titleEn: lineOfText(eventLimits.title),
  titleFr: optionalText(eventLimits.title).optional(),
  descriptionEn: optionalText(eventLimits.description, { lines: 'many' }).optional(),
  descriptionFr: optionalText(eventLimits.description, { lines: 'many' }).optional(),
  kind: EventKind,
  organizationId: Id.nullable().optional(),
  hostPersonIds: HostPersonIds.default([]),
  provinceCode: ProvinceCode,
  timeZone: TimeZone,
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  place: optionalText(eventLimits.place).optional(),
  onlineUrl: Website.optional(),
  capacity: Capacity.nullable().optional(),
  ownerId: Id.nullable().optional(),
};

/** The end comes after the start (both wall-clock times in the same zone, so text order is time order). */
function endAfterStart(value: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx): void {
  if (value.startsAt && value.endsAt && value.endsAt <= value.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endBeforeStart' });
}

export const CreateEventInput = z.object(eventFields).superRefine(endAfterStart);
export type CreateEventInput = z.infer<typeof CreateEventInput>;

/**
 * Partial update. The time zone and both times travel together (a time means
 * nothing without its zone): give all three or none.
 */
export const UpdateEventInput = z
  .object({
    id: Id,
    version: Version,
    campaignId: eventFields.campaignId,
    titleEn: eventFields.titleEn.optional(),
    titleFr: eventFields.titleFr,
    descriptionEn: eventFields.descriptionEn,
    descriptionFr: eventFields.descriptionFr,
    kind: EventKind.optional(),
    organizationId: eventFields.organizationId,
    hostPersonIds: HostPersonIds.optional(),
    provinceCode: ProvinceCode.optional(),
    timeZone: TimeZone.optional(),
    startsAt: LocalDateTime.optional(),
    endsAt: LocalDateTime.optional(),
    place: eventFields.place,
    onlineUrl: eventFields.onlineUrl,
    capacity: eventFields.capacity,
    ownerId: eventFields.ownerId,
    /** Attendees who are not in the CRM. */
    headCount: z.number().int().min(0).max(eventLimits.headCount).optional(),
  })
  .superRefine((value, ctx) => {
    const moments = ['timeZone', 'startsAt', 'endsAt'] as const;
    if (moments.some((key) => value[key] !== undefined)) {
      for (const key of moments) if (value[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required' });
    }
    endAfterStart(value, ctx);
  });
export type UpdateEventInput = z.infer<typeof UpdateEventInput>;

export const SetEventStatusInput = z.object({ id: Id, version: Version, status: EventStatus });
export type SetEventStatusInput = z.infer<typeof SetEventStatusInput>;

export const EventFilter = z.object({
  campaignId: Id.optional(),
  provinceCodes: z.array(ProvinceCode).max(13).optional(),
  regionId: Id.optional(),
  organizationId: Id.optional(),
  statuses: z.array(EventStatus).max(eventStatusValues.length).optional(),
  kinds: z.array(EventKind).max(eventKindValues.length).optional(),
  /** Events that end at or after this instant (ISO with offset). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Events that start before this instant. */
  to: z.iso.datetime({ offset: true }).optional(),
  search: SearchText.optional(),
  /** Latest start first (the most recent past events); default: earliest first. */
  newestFirst: z.boolean().optional(),
});
export type EventFilter = z.infer<typeof EventFilter>;

export const InviteToEventInput = z.object({
  eventId: Id,
  personIds: z
    .array(Id)
    .min(1)
    .max(eventLimits.invite)
    .transform((ids) => [...new Set(ids)]),
});
export type InviteToEventInput = z.infer<typeof InviteToEventInput>;

export const RsvpInput = z.object({ eventId: Id, personId: Id, response: RsvpAnswer });
export type RsvpInput = z.infer<typeof RsvpInput>;

export const CheckInInput = z.object({ eventId: Id, personId: Id, attended: z.boolean().default(true) });
export type CheckInInput = z.infer<typeof CheckInInput>;

/** A walk-in at the door: a new person in a few fields, checked in at once. */
export const AddWalkInInput = z.object({
  eventId: Id,
  firstName: lineOfText(100),
  lastName: z.string().trim().max(100).default(''),
  email: OptionalEmail.optional(),
  phone: OptionalPhone.optional(),
  leaderCategory: LeaderCategory.nullable().optional(),
  consentEmail: z.boolean().default(false),
});
export type AddWalkInInput = z.infer<typeof AddWalkInInput>;

/** The answers and attendance across the events one may read (a list, and its CSV export). */
export const RsvpListFilter = z.object({
  eventId: Id.optional(),
  campaignId: Id.optional(),
  /** The events' provinces. */
  provinceCodes: z.array(ProvinceCode).max(13).optional(),
  responses: z.array(z.enum(rsvpResponseValues)).max(rsvpResponseValues.length).optional(),
  /** Checked in (true) or not (false). */
  attended: z.boolean().optional(),
});
export type RsvpListFilter = z.infer<typeof RsvpListFilter>;
