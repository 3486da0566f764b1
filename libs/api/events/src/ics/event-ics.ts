import type { Language } from '@crm/contracts';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { EventRow } from '../event.row';
import { vtimezone } from './vtimezone';

const statusOf: Record<EventRow['status'], ICalEventStatus> = {
  planned: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * Events as an iCalendar file (RFC 5545, written by ical-generator): each event at its
 * own wall-clock time with its zone (`DTSTART;TZID=America/Halifax:…`) and that zone's
 * VTIMEZONE, so every calendar app shows the same instant (decision 110). Titles and
 * descriptions in `lang`, the English ones where there is no French.
 */
export function eventsCalendar(events: readonly EventRow[], lang: Language, name: string): string {
  const years = events.flatMap((event) => [event.startsAt.getUTCFullYear(), event.endsAt.getUTCFullYear()]);
  const range = years.length ? { from: Math.min(...years) - 1, to: Math.max(...years) + 1 } : { from: 2026, to: 2027 };
  const calendar = ical({ name, prodId: { company: 'Coalition CRM', product: 'Events', language: lang.toUpperCase() } });
  // Named null: every instant outside an event (DTSTAMP) stays UTC; each event's zone gets its VTIMEZONE.
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, range) });
  for (const event of events) {
    const at = (instant: Date) => DateTime.fromJSDate(instant).setZone(event.timeZone);
    calendar.createEvent({
      id: `${event.id}@coalition-crm`,
      sequence: event.version,
      start: at(event.startsAt),
      end: at(event.endsAt),
      timezone: event.timeZone,
      summary: lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn,
      description: (lang === 'fr' ? (event.descriptionFr ?? event.descriptionEn) : event.descriptionEn) ?? undefined,
      location: event.place ?? event.onlineUrl ?? undefined,
      url: event.onlineUrl ?? undefined,
      status: statusOf[event.status],
      lastModified: event.updatedAt,
    });
  }
  return calendar.toString();
}
