import { Inject, Injectable } from '@nestjs/common';
import { translator, type Language } from '@crm/i18n';
import { newSecretToken } from '@crm/identity';
import { composeMail, MailService, type MailAttachment, type MailTemplate } from '@crm/mail';
import { PersonMailRecipients, type PersonMailTarget } from '@crm/people';
import { APP_CONFIG, type AppConfig } from '@crm/platform';
import type { EntityManager } from 'typeorm';
import type { EventRow } from '../event.row';
import { eventsCalendar } from '../ics/event-ics';
import {
  eventCancellationMail,
  eventConfirmationMail,
  eventInvitationMail,
  eventMailParams,
  eventReminderMail,
  eventWaitlistMail,
  type EventMailParams,
} from './event-mail.templates';
import { EventMailRepository, type EventMailKind } from './event-mail.repository';

/**
 * Mail to the people on an event's list (decision 117): every message passes the people's
 * gate (do-not-contact, e-mail consent, an address) in the transaction of the change that
 * causes it, goes out through the outbox in the person's language, and is recorded —
 * queued or withheld with the reason — so the staff page can say what happened.
 */
@Injectable()
export class EventMailer {
  constructor(
    private readonly recipients: PersonMailRecipients,
    private readonly mail: MailService,
    private readonly log: EventMailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newly invited people: an invitation each, with the link to their own answer page. */
  async invited(manager: EntityManager, event: EventRow, personIds: readonly string[]): Promise<void> {
    const targets = await this.recipients.of(manager, personIds);
    for (const personId of personIds) {
      const target = targets.get(personId);
      if (!target) continue;
      if (target.withheld) {
        await this.log.record(manager, { eventId: event.id, personId, kind: 'invitation', reason: target.withheld, mailMessageId: null });
        continue;
      }
      const { token, hash } = newSecretToken();
      await this.log.setAnswerToken(manager, event.id, personId, hash);
      const answerLink = `${this.config.STAFF_URL.replace(/\/$/, '')}/public/rsvp/${token}?lang=${target.language}`;
      const id = await this.send(manager, eventInvitationMail, target, event, (params) => ({ ...params, answerLink }));
      await this.log.record(manager, { eventId: event.id, personId, kind: 'invitation', reason: null, mailMessageId: id });
    }
  }

  /** Answers that changed: a place taken ("yes", or promoted from the waiting list) is confirmed with the .ics; a wait is announced. */
  async answered(manager: EntityManager, event: EventRow, changes: readonly { personId: string; response: string }[]): Promise<void> {
    const mailed = changes.filter((change) => change.response === 'yes' || change.response === 'waitlisted');
    if (mailed.length === 0) return;
    const targets = await this.recipients.of(
      manager,
      mailed.map((change) => change.personId),
    );
    for (const change of mailed) {
      const target = targets.get(change.personId);
      if (!target) continue;
      const kind: EventMailKind = change.response === 'yes' ? 'confirmation' : 'waitlist';
      if (target.withheld) {
        await this.log.record(manager, { eventId: event.id, personId: change.personId, kind, reason: target.withheld, mailMessageId: null });
        continue;
      }
      const id =
        kind === 'confirmation'
          ? await this.send(manager, eventConfirmationMail, target, event, (params) => params, [calendarFile(event, target.language)])
          : await this.send(manager, eventWaitlistMail, target, event, (params) => params);
      await this.log.record(manager, { eventId: event.id, personId: change.personId, kind, reason: null, mailMessageId: id });
    }
  }

  /** The event is cancelled (in the transaction that cancels it): its guests who may be mailed are told. */
  async cancelled(manager: EntityManager, event: EventRow): Promise<void> {
    const personIds = await this.log.toTellOfCancellation(manager, event.id);
    const targets = await this.recipients.of(manager, personIds);
    for (const personId of personIds) {
      const target = targets.get(personId);
      if (!target) continue;
      if (target.withheld) {
        await this.log.record(manager, { eventId: event.id, personId, kind: 'cancellation', reason: target.withheld, mailMessageId: null });
        continue;
      }
      const id = await this.send(manager, eventCancellationMail, target, event, (params) => params);
      await this.log.record(manager, { eventId: event.id, personId, kind: 'cancellation', reason: null, mailMessageId: id });
    }
  }

  /**
   * The day-before reminder of one person, in the caller's transaction: claimed first
   * (once per person and event), then queued — or recorded as withheld. False when it
   * was claimed already.
   */
  async remind(manager: EntityManager, event: EventRow, personId: string): Promise<boolean> {
    const target = (await this.recipients.of(manager, [personId])).get(personId);
    if (!target) return false;
    const claim = await this.log.claimReminder(manager, event.id, personId, target.withheld);
    if (!claim || target.withheld) return Boolean(claim);
    const id = await this.send(manager, eventReminderMail, target, event, (params) => params, [calendarFile(event, target.language)]);
    await this.log.attachMessage(manager, claim, id);
    return true;
  }

  private send<P>(
    manager: EntityManager,
    template: MailTemplate<P>,
    target: PersonMailTarget & { address: string },
    event: EventRow,
    params: (base: EventMailParams) => P,
    attachments: MailAttachment[] = [],
  ): Promise<string> {
    const t = translator(target.language);
    const mail = composeMail(
      template,
      { address: target.address, language: target.language },
      params(eventMailParams(t, target.language, event, target.firstName)),
    );
    return this.mail.queue(manager, { ...mail, attachments }, { recordType: 'Event', recordId: event.id });
  }
}

/** The event as a calendar file in the recipient's language (the same writer as `/events/<id>.ics`). */
function calendarFile(event: EventRow, lang: Language): MailAttachment {
  const title = lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn;
  return { filename: 'event.ics', contentType: 'text/calendar; charset=utf-8', content: eventsCalendar([event], lang, title) };
}
