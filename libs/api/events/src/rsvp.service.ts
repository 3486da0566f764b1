import { Injectable } from '@nestjs/common';
import type { AddWalkInInput, CheckInInput, InviteToEventInput, ProvinceCode, RsvpInput, RsvpListFilter, RsvpResponse } from '@crm/contracts';
import { EngagementService } from '@crm/engagement';
import { PeopleService } from '@crm/people';
import { hashToken } from '@crm/identity';
import { AuditService, BadUserInputException, NotFoundException, type FieldProblemInput, type RequestContext } from '@crm/platform';
import { RecordWriter } from '@crm/records';
import { ActivityRecorder, type ActivityEntry } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { EventRepository } from './event.repository';
import type { EventRow } from './event.row';
import { EventMailer } from './mail/event-mailer';
import { EventMailRepository } from './mail/event-mail.repository';
import { RsvpRepository, type RsvpState } from './rsvp.repository';

/** What an RSVP answered: where the person stands now. */
export interface RsvpOutcome {
  eventId: string;
  personId: string;
  response: RsvpResponse;
  attended: boolean;
  /** People moved off the waitlist by this change (ids). */
  promotedPersonIds: string[];
}

/**
 * Invitations, answers, the waitlist and attendance. Every change locks the event
 * row first (FOR UPDATE), so answers to one event are taken one at a time: places
 * are counted and given under that lock, and parallel "yes" answers never exceed
 * the capacity; the rest wait in order and move up when a place frees.
 * Who may: anyone who may read the event and the person (the people workers).
 */
@Injectable()
export class RsvpService {
  constructor(
    private readonly events: EventRepository,
    private readonly rsvps: RsvpRepository,
    private readonly people: PeopleService,
    private readonly writer: RecordWriter,
    private readonly audit: AuditService,
    private readonly activity: ActivityRecorder,
    private readonly engagement: EngagementService,
    private readonly mailer: EventMailer,
    private readonly mailLog: EventMailRepository,
  ) {}

  /** Answers across the events the caller may read, of the people they may read. */
  list(ctx: RequestContext, filter: RsvpListFilter, first: number, after: string | null | undefined) {
    return this.rsvps.list(ctx.ability, filter, first, after);
  }

  count(ctx: RequestContext, filter: RsvpListFilter): Promise<number> {
    return this.rsvps.count(ctx.ability, filter);
  }

  async invite(ctx: RequestContext, input: InviteToEventInput): Promise<string[]> {
    return this.writer.transaction(async (manager) => {
      const event = await this.openEvent(manager, ctx, input.eventId);
      const visible = await this.events.visiblePeople(manager, ctx.ability, input.personIds);
      const problems: FieldProblemInput[] = input.personIds.flatMap((id, index) =>
        visible.has(id) ? [] : [{ path: ['input', 'personIds', index], code: 'personUnknown' }],
      );
      if (problems.length) throw new BadUserInputException(problems);
      const invited = await this.rsvps.invite(manager, event.id, input.personIds, ctx.actor?.id ?? null);
      await this.record(
        manager,
        ctx,
        event.id,
        invited.map((id) => answerChange(id, null, 'invited')),
        invited.map((id) => entry(event.id, id, 'event.invited')),
      );
      // Each newly invited person who may be mailed gets an invitation (the others are recorded as withheld).
      await this.mailer.invited(manager, event, invited);
      return invited;
    });
  }

  async respond(ctx: RequestContext, input: RsvpInput): Promise<RsvpOutcome> {
    return this.writer.transaction(async (manager) => {
      const event = await this.openEvent(manager, ctx, input.eventId);
      await this.assertPersonVisible(manager, ctx, input.personId);
      return this.answer(manager, ctx, event, input.personId, input.response);
    });
  }

  /**
   * The public answer page (no sign-in): the secret token of an invitation opens its
   * event and person, nothing else. An unknown token, a person archived since, an event
   * held, cancelled or over reads as NOT_FOUND / closed; the answer is taken exactly as
   * staff would record it (same lock, capacity and waitlist, audit without an actor).
   */
  async invitationByToken(token: string): Promise<{ event: EventRow; response: RsvpResponse; language: 'en' | 'fr' } | null> {
    return this.writer.transaction(async (manager) => {
      const found = answerTokenShape.test(token) ? await this.mailLog.byAnswerToken(manager, hashToken(token)) : null;
      const event = found ? await this.mailLog.event(manager, found.eventId, false) : null;
      if (!found || !event || event.endsAt.getTime() < Date.now()) return null;
      return { event, response: found.response as RsvpResponse, language: found.language };
    });
  }

  async answerByToken(ctx: RequestContext, token: string, response: RsvpInput['response']): Promise<RsvpOutcome> {
    return this.writer.transaction(async (manager) => {
      const found = answerTokenShape.test(token) ? await this.mailLog.byAnswerToken(manager, hashToken(token)) : null;
      const event = found ? await this.mailLog.event(manager, found.eventId, true) : null;
      if (!found || !event || event.endsAt.getTime() < Date.now()) throw new NotFoundException('Invitation');
      if (event.status === 'cancelled' || event.status === 'held') throw closed();
      return this.answer(manager, ctx, event, found.personId, response);
    });
  }

  /** One answer under the event's lock: places counted, the waitlist moved, audited, and mailed. */
  private async answer(manager: EntityManager, ctx: RequestContext, event: EventRow, personId: string, given: RsvpInput['response']): Promise<RsvpOutcome> {
    const before = await this.rsvps.state(manager, event.id, personId);
    let response: RsvpResponse = given;
    if (given === 'yes') {
      // Already holding a place or waiting for one: the answer stands as it is.
      if (before?.response === 'yes' || before?.response === 'waitlisted') response = before.response;
      else if (event.capacity !== null && (await this.rsvps.confirmedCount(manager, event.id)) >= event.capacity) response = 'waitlisted';
    }
    if (before?.response !== response) await this.rsvps.setResponse(manager, event.id, personId, response, ctx.actor?.id ?? null);
    const promoted = before?.response === 'yes' && response !== 'yes' ? await this.rsvps.promote(manager, event.id, event.capacity) : [];
    if (before?.response !== response) {
      await this.record(
        manager,
        ctx,
        event.id,
        [answerChange(personId, before?.response ?? null, response), ...promoted.map((id) => answerChange(id, 'waitlisted', 'yes'))],
        [entry(event.id, personId, 'event.rsvp', { response }), ...promoted.map((id) => entry(event.id, id, 'event.rsvp', { response: 'yes' }))],
      );
      // A place taken is confirmed (with the .ics), a wait announced; those promoted get their confirmation.
      await this.mailer.answered(manager, event, [{ personId, response }, ...promoted.map((id) => ({ personId: id, response: 'yes' }))]);
    }
    return { eventId: event.id, personId, response, attended: Boolean(before?.checkedInAt), promotedPersonIds: promoted };
  }

  async checkIn(ctx: RequestContext, input: CheckInInput, outer?: EntityManager): Promise<RsvpOutcome> {
    return this.writer.transaction(async (manager) => {
      const event = await this.openEvent(manager, ctx, input.eventId);
      await this.assertPersonVisible(manager, ctx, input.personId);
      const before = await this.rsvps.state(manager, event.id, input.personId);
      const was = Boolean(before?.checkedInAt);
      if (was !== input.attended) {
        await this.rsvps.setAttendance(manager, event.id, input.personId, input.attended, ctx.actor?.id ?? null);
        await this.record(
          manager,
          ctx,
          event.id,
          [{ personId: input.personId, field: 'attended', from: was, to: input.attended }],
          [entry(event.id, input.personId, input.attended ? 'event.attended' : 'event.attendanceRemoved')],
        );
        // Attending moves a person up the ladder (engaged); un-ticking takes the fact away again.
        await this.engagement.recompute(manager, ctx, [input.personId]);
      }
      const after: RsvpState | null = await this.rsvps.state(manager, event.id, input.personId);
      return {
        eventId: event.id,
        personId: input.personId,
        response: after?.response ?? 'walk_in',
        attended: input.attended && after !== null,
        promotedPersonIds: [],
      };
    }, outer);
  }

  /** A walk-in at the door: a new person in the event's province (the caller owns them as usual), checked in. */
  async addWalkIn(ctx: RequestContext, input: AddWalkInInput): Promise<RsvpOutcome> {
    const event = await this.events.findVisible(ctx.ability, input.eventId);
    if (!event) throw new NotFoundException('Event');
    if (event.status === 'cancelled') throw closed();
    const person = await this.people.create(ctx, {
      firstName: input.firstName,
      lastName: input.lastName,
      preferredLanguage: ctx.language,
      emails: input.email ? [input.email] : [],
      phones: input.phone ? [input.phone] : [],
      leaderCategory: input.leaderCategory ?? null,
      provinceCode: event.provinceCode as ProvinceCode,
      consentEmail: input.consentEmail,
      consentPhone: false,
      doNotContact: false,
      tags: [],
      affiliations: [],
    });
    return this.checkIn(ctx, { eventId: event.id, personId: person.id, attended: true });
  }

  /** Capacity changed (or a place freed elsewhere): the waitlist moves up, under the event's lock. */
  async promoteWaitlist(ctx: RequestContext, eventId: string): Promise<string[]> {
    return this.writer.transaction(async (manager) => {
      const event = await this.events.findVisible(ctx.ability, eventId, manager, true);
      if (!event) return [];
      const promoted = await this.rsvps.promote(manager, event.id, event.capacity);
      await this.record(
        manager,
        ctx,
        event.id,
        promoted.map((id) => answerChange(id, 'waitlisted', 'yes')),
        promoted.map((id) => entry(event.id, id, 'event.rsvp', { response: 'yes' })),
      );
      await this.mailer.answered(
        manager,
        event,
        promoted.map((id) => ({ personId: id, response: 'yes' })),
      );
      return promoted;
    });
  }

  /** The event, visible and locked (answers to it are taken one at a time), not cancelled. */
  private async openEvent(manager: EntityManager, ctx: RequestContext, eventId: string): Promise<EventRow> {
    const event = await this.events.findVisible(ctx.ability, eventId, manager, true);
    if (!event) throw new NotFoundException('Event');
    if (event.status === 'cancelled') throw closed();
    return event;
  }

  private async assertPersonVisible(manager: EntityManager, ctx: RequestContext, personId: string): Promise<void> {
    if (!(await this.events.visiblePeople(manager, ctx.ability, [personId])).has(personId)) {
      throw new BadUserInputException([{ path: ['input', 'personId'], code: 'personUnknown' }]);
    }
  }

  /**
   * Audit and timeline entries, in the change's transaction: one audit entry per person whose
   * answer or attendance changed, naming the person as its context (ids and answers only).
   */
  private async record(manager: EntityManager, ctx: RequestContext, eventId: string, changes: RsvpChange[], entries: ActivityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.audit.recordMany(
      manager,
      ctx,
      changes.map(({ personId, field, from, to }) => ({
        action: 'event.rsvp',
        subjectType: 'Event',
        subjectId: eventId,
        context: { personId },
        before: { [field]: from },
        after: { [field]: to },
      })),
    );
    await this.activity.append(manager, ctx, entries);
  }
}

// The secret of an answer page: 32 random bytes, base64url.
const answerTokenShape = /^[A-Za-z0-9_-]{43}$/;

function closed(): BadUserInputException {
  return new BadUserInputException([{ path: ['input', 'eventId'], code: 'eventClosed' }]);
}

function entry(eventId: string, personId: string, kind: string, summary: Record<string, unknown> = {}): ActivityEntry {
  return { subjectType: 'Person', subjectId: personId, kind, recordType: 'Event', recordId: eventId, summary: { eventId, ...summary } };
}

/** One person's answer or attendance as it changed: one audit entry each. */
interface RsvpChange {
  personId: string;
  field: 'response' | 'attended';
  from: unknown;
  to: unknown;
}

function answerChange(personId: string, from: RsvpResponse | 'invited' | null, to: RsvpResponse | 'invited'): RsvpChange {
  return { personId, field: 'response', from, to };
}
