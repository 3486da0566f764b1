import type { Language, Translate } from '@crm/i18n';
import { defineMailTemplate, type MailContent } from '@crm/mail';
import type { EventRow } from '../event.row';

/** What every message about an event says of it, already in the recipient's language. */
export interface EventMailParams {
  name: string;
  title: string;
  /** "Saturday, April 4, 2026, 7:00 p.m. to 9:00 p.m. (Halifax time)". */
  when: string;
  place: string | null;
  onlineUrl: string | null;
}

const details = (t: Translate, p: EventMailParams): Pick<MailContent, 'paragraphs' | 'items'> => ({
  paragraphs: [t('mail.event.when', { when: p.when }), ...(p.place ? [t('mail.event.where', { place: p.place })] : [])],
  ...(p.onlineUrl ? { items: [{ text: t('mail.event.online'), link: p.onlineUrl }] } : {}),
});

const withDetails = (t: Translate, p: EventMailParams, lead: string): Pick<MailContent, 'paragraphs' | 'items'> => {
  const parts = details(t, p);
  return { ...parts, paragraphs: [lead, ...parts.paragraphs] };
};

/** An invitation, with the link to the person's answer page when there is one. */
export const eventInvitationMail = defineMailTemplate<EventMailParams & { answerLink: string | null }>('event_invitation', (t, p) => ({
  subject: t('mail.event.invitation.subject', { title: p.title }),
  greeting: t('mail.greeting', { name: p.name }),
  ...withDetails(t, p, t('mail.event.invitation.body', { title: p.title })),
  ...(p.answerLink ? { action: { label: t('mail.event.invitation.answer'), link: p.answerLink } } : {}),
}));

/** A "yes" taken (or a place given from the waiting list): the event's .ics is attached. */
export const eventConfirmationMail = defineMailTemplate<EventMailParams>('event_confirmation', (t, p) => ({
  subject: t('mail.event.confirmation.subject', { title: p.title }),
  greeting: t('mail.greeting', { name: p.name }),
  ...withDetails(t, p, t('mail.event.confirmation.body', { title: p.title })),
}));

export const eventWaitlistMail = defineMailTemplate<EventMailParams>('event_waitlist', (t, p) => ({
  subject: t('mail.event.waitlist.subject', { title: p.title }),
  greeting: t('mail.greeting', { name: p.name }),
  ...withDetails(t, p, t('mail.event.waitlist.body', { title: p.title })),
}));

export const eventReminderMail = defineMailTemplate<EventMailParams>('event_reminder', (t, p) => ({
  subject: t('mail.event.reminder.subject', { title: p.title }),
  greeting: t('mail.greeting', { name: p.name }),
  ...withDetails(t, p, t('mail.event.reminder.body', { title: p.title })),
}));

const locales: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

/** "St. John’s" from America/St_Johns: the city that names a zone (as the staff screens say it). */
export function zoneCity(timeZone: string): string {
  if (timeZone === 'America/St_Johns') return 'St. John’s';
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** When an event happens, at its own place and in its own zone, in `lang`. */
export function eventWhen(t: Translate, lang: Language, event: Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const dateOf = new Intl.DateTimeFormat(locales[lang], { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: event.timeZone });
  const timeOf = new Intl.DateTimeFormat(locales[lang], { hour: 'numeric', minute: '2-digit', timeZone: event.timeZone });
  const date = dateOf.format(event.startsAt);
  const endDate = dateOf.format(event.endsAt);
  const end = endDate === date ? timeOf.format(event.endsAt) : `${endDate}, ${timeOf.format(event.endsAt)}`;
  return t('mail.event.whenValue', { date, start: timeOf.format(event.startsAt), end, zone: zoneCity(event.timeZone) });
}

/** The event's words in `lang` (the English ones where there is no French). */
export function eventMailParams(t: Translate, lang: Language, event: EventRow, name: string): EventMailParams {
  return {
    name,
    title: lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn,
    when: eventWhen(t, lang, event),
    place: event.place,
    onlineUrl: event.onlineUrl,
  };
}

/** The event is called off: those who were coming, might come, waited or had not answered are told. */
export const eventCancellationMail = defineMailTemplate<EventMailParams>('event_cancellation', (t, p) => ({
  subject: t('mail.event.cancellation.subject', { title: p.title }),
  greeting: t('mail.greeting', { name: p.name }),
  paragraphs: [t('mail.event.cancellation.body', { title: p.title }), t('mail.event.when', { when: p.when })],
}));
