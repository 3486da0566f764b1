import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventsWorkerModule, SendEventRemindersJob } from '@crm/events';
import { AuditModule, ConfigModule, DatabaseModule, OutboxModule, RedisModule, type AppConfig } from '@crm/platform';
import ICAL from 'ical.js';
import { ApiHarness } from './testing/api-harness';
import { errorCode, ok } from './testing/records-fixtures';
import { mailDeliveryModule, smtpCapture, waitFor } from './testing/mail-capture';

// Mail to the people on an event's list (decision 117): invitations, confirmations (with
// the event's .ics), waitlist notices and the day-before reminder go only to people who
// agreed to e-mail and are not do-not-contact, in their language, through the outbox and
// the mail worker — here to an SMTP server of the test's own.

interface Guest {
  id: string;
  code: string;
  email: string | null;
  language: 'en' | 'fr';
  consent: boolean;
  doNotContact: boolean;
  /** What the gate must answer for them. */
  reason: 'doNotContact' | 'noEmailConsent' | 'noAddress' | null;
}

interface Mail {
  id: string;
  template: string;
  to_address: string;
  language: string;
  subject: string;
  body_text: string;
  attachments: { filename: string; contentType: string; content: string }[] | null;
}

const tick = (iso: string) => ({ jobName: 'SendEventRemindersJob', scheduledAt: new Date(iso), key: `SendEventRemindersJob@${iso}`, run: 1 });

// A worker's reminders, without queues (ticks are handed over by the test): two of these are two workers.
function remindersModule(config: AppConfig) {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, OutboxModule, RedisModule, AuditModule, EventsWorkerModule] })
  class RemindersWorkerModule {}
  return RemindersWorkerModule;
}

/** The VEVENTs of a calendar file, resolved with its own VTIMEZONEs (ical.js, a standard parser). */
function parseIcs(text: string): { summary: string; zone: string; start: Date; end: Date }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { summary: event.summary, zone: event.startDate.zone.tzid, start: event.startDate.toJSDate(), end: event.endDate.toJSDate() };
  });
}

describe('mail to people about events: consent, do-not-contact, language, reminders once', () => {
  let api: ApiHarness;
  const smtp = smtpCapture();
  const guests: Guest[] = [];
  let filler: Guest;
  let vigil: { id: string; startsAt: string; endsAt: string; version: number };
  let forum: { id: string; version: number };

  const staff = async (query: string, variables: Record<string, unknown> = {}) => api.graphql(query, variables, await api.tokenFor('STAFF'));
  const mails = (where = 'true', params: unknown[] = []): Promise<Mail[]> =>
    api.dataSource.query(
      `SELECT id, template, to_address, language, subject, body_text, attachments
         FROM mail_message WHERE template LIKE 'event_%' AND ${where} ORDER BY created_at, id`,
      params,
    );
  const rsvp = async (eventId: string, personId: string, response: string) =>
    ok<{ rsvpToEvent: { response: string; promotedPersonIds: string[] } }>(
      await staff(`mutation($input: RsvpInputType!) { rsvpToEvent(input: $input) { response promotedPersonIds } }`, { input: { eventId, personId, response } }),
    ).rsvpToEvent;
  const createEvent = async (input: Record<string, unknown>) =>
    ok<{ createEvent: { id: string; startsAt: string; endsAt: string; version: number } }>(
      await staff(`mutation($input: CreateEventInputType!) { createEvent(input: $input) { id startsAt endsAt version } }`, {
        input: { kind: 'vigil', provinceCode: 'NS', timeZone: 'America/Halifax', ...input },
      }),
    ).createEvent;

  const addGuest = async (code: string, language: 'en' | 'fr', consent: boolean, doNotContact: boolean, hasAddress: boolean): Promise<Guest> => {
    const email = hasAddress ? `${code}@example.org` : null;
    const [row]: { id: string }[] = await api.dataSource.query(
      `INSERT INTO person (first_name, last_name, province_code, emails, consent_email, do_not_contact, preferred_language)
       VALUES ($1, $2, 'NS', $3, $4, $5, $6) RETURNING id`,
      [language === 'fr' ? 'Élodie' : 'Emma', code, email ? [email] : [], consent, doNotContact, language],
    );
    const reason = doNotContact ? 'doNotContact' : !consent ? 'noEmailConsent' : !hasAddress ? 'noAddress' : null;
    return { id: row.id, code, email, language, consent, doNotContact, reason };
  };

  beforeAll(async () => {
    const port = await smtp.listen();
    api = await ApiHarness.start({ OUTBOX_POLL_MS: '100', SMTP_URL: `smtp://127.0.0.1:${port}`, STAFF_URL: 'https://crm.example.org' });
    // Every combination of consent, do-not-contact and an address, in each language: only consent + address + not do-not-contact is mailed.
    // The do-not-contact ones come first, so they are first on the waiting list and first promoted.
    for (const doNotContact of [true, false])
      for (const consent of [true, false])
        for (const hasAddress of [true, false])
          for (const language of ['en', 'fr'] as const) {
            const code = `${language}-${consent ? 'consent' : 'noconsent'}-${doNotContact ? 'dnc' : 'ok'}-${hasAddress ? 'address' : 'noaddress'}`;
            guests.push(await addGuest(code, language, consent, doNotContact, hasAddress));
          }
    filler = await addGuest('filler', 'en', true, false, true);
    vigil = await createEvent({
      titleEn: 'Vigil for refugee rights',
      titleFr: 'Vigile pour les droits des réfugiés',
      startsAt: '2031-04-04T19:00',
      endsAt: '2031-04-04T21:00',
      place: 'Grand Parade, Halifax',
    });
    forum = await createEvent({
      kind: 'forum',
      titleEn: 'Forum on resettlement',
      titleFr: 'Forum sur la réinstallation',
      startsAt: '2031-05-02T18:30',
      endsAt: '2031-05-02T20:00',
      onlineUrl: 'https://meet.example.org/forum',
      capacity: 1,
    });
  });
  afterAll(async () => {
    await api?.close();
    await smtp.close();
  });

  const mailable = () => guests.filter((guest) => guest.reason === null);
  const addressesOf = (list: Guest[]) => list.map((guest) => guest.email).filter((email): email is string => email !== null);

  it('invites only those who may be mailed, each in their language, with the event’s local time and a link to answer', async () => {
    for (const event of [vigil, forum]) {
      ok(
        await staff(`mutation($input: InviteToEventInputType!) { inviteToEvent(input: $input) }`, {
          input: { eventId: event.id, personIds: guests.map((g) => g.id) },
        }),
      );
    }
    ok(await staff(`mutation($input: InviteToEventInputType!) { inviteToEvent(input: $input) }`, { input: { eventId: forum.id, personIds: [filler.id] } }));
    const invitations = await mails(`template = 'event_invitation'`);
    expect(invitations.map((mail) => mail.to_address).sort()).toEqual([...addressesOf(mailable()), ...addressesOf(mailable()), filler.email].sort());

    const english = invitations.find((mail) => mail.to_address === 'en-consent-ok-address@example.org' && mail.subject.includes('Vigil'))!;
    expect(english.language).toBe('en');
    expect(english.subject).toBe('Invitation: Vigil for refugee rights');
    expect(english.body_text).toContain('Hello Emma,');
    expect(english.body_text).toContain('April 4, 2031');
    expect(english.body_text).toContain('7:00 p.m.');
    expect(english.body_text).toContain('(Halifax time)');
    expect(english.body_text).toContain('Where: Grand Parade, Halifax');
    expect(english.body_text).toMatch(/Let us know whether you will come: https:\/\/crm\.example\.org\/public\/rsvp\/[A-Za-z0-9_-]{43}/);

    const french = invitations.find((mail) => mail.to_address === 'fr-consent-ok-address@example.org' && mail.subject.includes('Forum'))!;
    expect(french.language).toBe('fr');
    expect(french.subject).toBe('Invitation\u00a0: Forum sur la réinstallation');
    expect(french.body_text).toContain('Bonjour Élodie,');
    expect(french.body_text).toContain('2 mai 2031');
    expect(french.body_text).toContain('18 h 30');
    expect(french.body_text).toContain('(heure de Halifax)');
    expect(french.body_text).toContain('Participer en ligne\u00a0: https://meet.example.org/forum');
    expect(french.body_text).toContain('CRM de la coalition');
    expect(french.body_text).not.toMatch(/Hello|Invitation:/);
  });

  it('the link answers the invitation without signing in, and a "yes" is confirmed with an .ics of the same instant', async () => {
    const [invitation] = await mails(`template = 'event_invitation' AND to_address = 'en-consent-ok-address@example.org' AND subject LIKE '%Vigil%'`);
    const token = /public\/rsvp\/([A-Za-z0-9_-]{43})/.exec(invitation.body_text)![1];
    const page = ok<{ publicInvitation: { titleEn: string; response: string; language: string; startsAtLocal: string; open: boolean } }>(
      await api.graphql(`query($token: String!) { publicInvitation(token: $token) { titleEn response language startsAtLocal open } }`, { token }),
    ).publicInvitation;
    expect(page).toEqual({ titleEn: 'Vigil for refugee rights', response: 'invited', language: 'en', startsAtLocal: '2031-04-04T19:00', open: true });
    expect(ok(await api.graphql(`mutation($token: String!) { answerInvitation(token: $token, response: yes) }`, { token }))).toEqual({
      answerInvitation: 'yes',
    });
    // A guessed token opens nothing.
    const guessed = await api.graphql(`query { publicInvitation(token: "${'A'.repeat(43)}") { titleEn } }`);
    expect(errorCode(guessed)).toBe('NOT_FOUND');

    const [confirmation] = await mails(`template = 'event_confirmation' AND to_address = 'en-consent-ok-address@example.org'`);
    expect(confirmation.subject).toBe('Your place is confirmed: Vigil for refugee rights');
    expect(confirmation.attachments).toHaveLength(1);
    expect(confirmation.attachments![0]).toMatchObject({ filename: 'event.ics', contentType: 'text/calendar; charset=utf-8' });
    const [event] = parseIcs(confirmation.attachments![0].content);
    expect(event.summary).toBe('Vigil for refugee rights');
    expect(event.zone).toBe('America/Halifax');
    expect(event.start.toISOString()).toBe(vigil.startsAt);
    expect(event.end.toISOString()).toBe(vigil.endsAt);
    // The answer is audited without an actor and on the guest's timeline, as staff's would be.
    const [audit] = await api.dataSource.query(`SELECT actor_id FROM audit_entry WHERE action = 'event.rsvp' AND subject_id = $1 ORDER BY id DESC LIMIT 1`, [
      vigil.id,
    ]);
    expect(audit.actor_id).toBeNull();
  });

  it('confirms each "yes", announces each wait and confirms each promotion — to those who may be mailed only', async () => {
    for (const guest of guests) if (guest.code !== 'en-consent-ok-address') await rsvp(vigil.id, guest.id, 'yes');
    // The forum has one place: the filler takes it, everyone else waits (do-not-contact people first in line).
    expect((await rsvp(forum.id, filler.id, 'yes')).response).toBe('yes');
    for (const guest of guests) expect((await rsvp(forum.id, guest.id, 'yes')).response).toBe('waitlisted');
    // The filler cannot come: the first in line (do-not-contact) moves up — and is not mailed.
    const freed = await rsvp(forum.id, filler.id, 'no');
    expect(freed.promotedPersonIds).toEqual([guests[0].id]);
    expect(guests[0].doNotContact).toBe(true);
    // More places: everyone waiting moves up (the capacity path), each confirmed if they may be mailed.
    ok(
      await staff(`mutation($input: UpdateEventInputType!) { updateEvent(input: $input) { id } }`, {
        input: { id: forum.id, version: forum.version, capacity: 50 },
      }),
    );

    const confirmations = await mails(`template = 'event_confirmation'`);
    expect(confirmations.map((mail) => mail.to_address).sort()).toEqual([...addressesOf(mailable()), ...addressesOf(mailable()), filler.email].sort());
    const waits = await mails(`template = 'event_waitlist'`);
    expect(waits.map((mail) => mail.to_address).sort()).toEqual(addressesOf(mailable()).sort());
    const frenchWait = waits.find((mail) => mail.language === 'fr')!;
    expect(frenchWait.subject).toBe('Sur la liste d’attente\u00a0: Forum sur la réinstallation');
    // The French confirmation's .ics is in French too, at the same instant.
    const frenchConfirmation = confirmations.find((mail) => mail.to_address === 'fr-consent-ok-address@example.org' && mail.subject.includes('Vigile'))!;
    expect(frenchConfirmation.subject).toBe('Votre place est confirmée\u00a0: Vigile pour les droits des réfugiés');
    const [event] = parseIcs(frenchConfirmation.attachments![0].content);
    expect(event.summary).toBe('Vigile pour les droits des réfugiés');
    expect(event.start.toISOString()).toBe(vigil.startsAt);
  });

  it('reminds those coming the day before, from 09:00 on the event’s clock, exactly once with two workers and a second run', async () => {
    const workers: INestApplicationContext[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const worker = await NestFactory.createApplicationContext(remindersModule(api.config), { logger: false });
        await worker.init();
        workers.push(worker);
      }
      const [one, two] = workers.map((worker) => worker.get(SendEventRemindersJob));
      // 08:00 in Halifax the day before: too early.
      await one.handle(tick('2031-04-03T11:00:00Z'));
      expect(await mails(`template = 'event_reminder'`)).toEqual([]);
      // 09:00 there: both workers run the tick at once, then it runs again (a retry) and a later tick comes.
      await Promise.all([one.handle(tick('2031-04-03T12:00:00Z')), two.handle(tick('2031-04-03T12:00:00Z'))]);
      await one.handle(tick('2031-04-03T12:00:00Z'));
      await two.handle(tick('2031-04-03T15:00:00Z'));
    } finally {
      for (const worker of workers) await worker.close();
    }
    const reminders = await mails(`template = 'event_reminder'`);
    expect(reminders.map((mail) => mail.to_address).sort()).toEqual(addressesOf(mailable()).sort());
    expect(reminders.find((mail) => mail.language === 'fr')!.subject).toBe('Demain\u00a0: Vigile pour les droits des réfugiés');
    // One reminder row per guest who said yes, whatever the gate answered.
    const rows: { person_id: string; n: number }[] = await api.dataSource.query(
      `SELECT person_id, count(*)::int AS n FROM event_mail WHERE kind = 'reminder' AND event_id = $1 GROUP BY person_id`,
      [vigil.id],
    );
    expect(rows).toHaveLength(guests.length);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    // The forum is a month away: nobody is reminded of it.
    const [forumReminders] = await api.dataSource.query(`SELECT count(*)::int AS n FROM event_mail WHERE kind = 'reminder' AND event_id = $1`, [forum.id]);
    expect(forumReminders.n).toBe(0);
  });

  it('tells the guests of a cancelled event, those who may be mailed only, in their language', async () => {
    const { event } = ok<{ event: { version: number } }>(await staff(`query($id: ID!) { event(id: $id) { version } }`, { id: forum.id }));
    ok(
      await staff(`mutation($input: SetEventStatusInputType!) { setEventStatus(input: $input) { status } }`, {
        input: { id: forum.id, version: event.version, status: 'cancelled' },
      }),
    );
    const notices = await mails(`template = 'event_cancellation'`);
    // The filler said no: not told. Everyone else on the list is, if they may be mailed.
    expect(notices.map((mail) => mail.to_address).sort()).toEqual(addressesOf(mailable()).sort());
    expect(notices.find((mail) => mail.language === 'fr')!.subject).toBe('Annulé\u00a0: Forum sur la réinstallation');
    expect(notices.find((mail) => mail.language === 'en')!.body_text).toContain('“Forum on resettlement” will not take place');
  });

  it('no mail to a do-not-contact person, or one without e-mail consent or an address, from any path: nothing queued, nothing sent', async () => {
    // Every path that mails a person has run above: invitation, confirmation (staff, public page,
    // promotion one by one and by capacity), waitlist notice, reminder, cancellation. Toolkit notices and the
    // digest go to users and to the public form's own address, never to a person record.
    const withheld = guests.filter((guest) => guest.reason !== null);
    expect(withheld).toHaveLength(14);
    const everyAddress = addressesOf(withheld);
    const queued = await api.dataSource.query(`SELECT count(*)::int AS n FROM mail_message WHERE lower(to_address) = ANY($1::text[])`, [everyAddress]);
    expect(queued[0].n).toBe(0);
    for (const guest of withheld) {
      const kinds: { kind: string; outcome: string; reason: string }[] = await api.dataSource.query(
        `SELECT kind, outcome, reason FROM event_mail WHERE person_id = $1 ORDER BY kind`,
        [guest.id],
      );
      expect(new Set(kinds.map((row) => row.kind))).toEqual(new Set(['invitation', 'confirmation', 'waitlist', 'reminder', 'cancellation']));
      expect(kinds.every((row) => row.outcome === 'withheld' && row.reason === guest.reason)).toBe(true);
    }
    // Those who may be mailed got each kind, all in their own language.
    for (const guest of mailable()) {
      const theirs = await mails(`to_address = $1`, [guest.email]);
      expect(theirs.map((mail) => mail.template).sort()).toEqual(
        ['event_cancellation', 'event_confirmation', 'event_confirmation', 'event_invitation', 'event_invitation', 'event_reminder', 'event_waitlist'].sort(),
      );
      expect(theirs.every((mail) => mail.language === guest.language)).toBe(true);
    }
    // Each message went through the outbox (decision 003) with an ids-only payload.
    const [outbox] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox o JOIN mail_message m ON m.id = (o.payload->>'mailMessageId')::uuid
        WHERE o.job_name = 'SendMailJob' AND m.template LIKE 'event_%' AND o.payload::text NOT LIKE '%@%'`,
    );
    expect(outbox.n).toBe((await mails()).length);

    // Delivered by the mail worker over SMTP: only to the allowed addresses, the .ics as a calendar part.
    const worker = await NestFactory.createApplicationContext(mailDeliveryModule(api.config), { logger: false });
    await worker.init();
    try {
      const total = (await mails()).length;
      await waitFor(async () => {
        const [row] = await api.dataSource.query(`SELECT count(*)::int AS n FROM mail_message WHERE template LIKE 'event_%' AND status = 'sent'`);
        return row.n === total ? true : undefined;
      });
    } finally {
      await worker.close();
    }
    const recipients = new Set(smtp.accepted.flatMap((mail) => mail.to));
    expect([...recipients].sort()).toEqual([...addressesOf(mailable()), filler.email].sort());
    const delivered = smtp.accepted.find((mail) => mail.to.includes('fr-consent-ok-address@example.org') && /Content-Type: text\/calendar/i.test(mail.data));
    expect(delivered).toBeDefined();
    expect(delivered!.data).toContain('filename=event.ics');
  });

  it('tells staff, per guest, what was sent and what was withheld and why', async () => {
    const { event } = ok<{ event: { mailNotices: { personId: string; kind: string; outcome: string; reason: string | null }[] } }>(
      await staff(`query($id: ID!) { event(id: $id) { mailNotices { personId kind outcome reason } } }`, { id: vigil.id }),
    );
    const invitation = (guest: Guest) => event.mailNotices.find((notice) => notice.personId === guest.id && notice.kind === 'invitation');
    for (const guest of guests) {
      expect(invitation(guest)).toEqual({ personId: guest.id, kind: 'invitation', outcome: guest.reason ? 'withheld' : 'sent', reason: guest.reason });
    }
  });
});
