import { AddWalkInInput, CheckInInput, eventLimits, Id, InviteToEventInput, RsvpAnswer, Version } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import {
  AddWalkInDocument,
  CheckInToEventDocument,
  InviteToEventDocument,
  RsvpToEventDocument,
  SetEventStatusDocument,
  UpdateEventDocument,
} from '@crm/staff-graphql';
import { z } from 'zod';
import { assertCsrf } from './csrf.server';
import { gql } from './graphql.server';
import { recordErrorKey } from './records.server';
import { requireUserWithPermission } from './session.server';

/** What an event page's action answered: what was done (for the notice), or the refusal in the user's words. */
export type EventActionAnswer = { done: string | null; count?: number; error: PlainMessageKey | null };

const invalid: EventActionAnswer = { done: null, error: 'problem.invalid' as PlainMessageKey };

const StatusForm = z.object({ id: Id, version: Version, status: z.enum(['confirmed', 'held', 'cancelled']) });
const HeadCountForm = z.object({ id: Id, version: Version, headCount: z.coerce.number().int().min(0).max(eventLimits.headCount) });
const RsvpForm = z.object({ eventId: Id, personId: Id, response: RsvpAnswer });

/**
 * The event page's and check-in screen's actions, one per `intent`: move the status,
 * invite, record an answer, the head count, tick an arrival, add a walk-in. Each is the
 * API's mutation with the shared input schema; the API checks access and the rules.
 */
export async function eventAction(request: Request, eventId: string | undefined): Promise<EventActionAnswer> {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'read', 'Event');
  const intent = String(formData.get('intent') ?? '');
  const field = (name: string) => formData.get(name) ?? undefined;
  try {
    switch (intent) {
      case 'status': {
        const input = StatusForm.safeParse({ id: eventId, version: Number(field('version')), status: field('status') });
        if (!input.success) return invalid;
        await gql(SetEventStatusDocument, { input: input.data }, { request });
        return { done: `status:${input.data.status}`, error: null };
      }
      case 'headCount': {
        const input = HeadCountForm.safeParse({ id: eventId, version: Number(field('version')), headCount: field('headCount') });
        if (!input.success) return invalid;
        await gql(UpdateEventDocument, { input: input.data }, { request });
        return { done: 'headCount', error: null };
      }
      case 'invite': {
        const personIds = formData.getAll('personIds').map(String).filter(Boolean);
        if (personIds.length === 0) return { done: null, error: 'event.invite.none' as PlainMessageKey };
        const input = InviteToEventInput.safeParse({ eventId, personIds });
        if (!input.success) return invalid;
        const { inviteToEvent } = await gql(InviteToEventDocument, { input: input.data }, { request });
        return { done: 'invite', count: inviteToEvent.length, error: null };
      }
      case 'rsvp': {
        const input = RsvpForm.safeParse({ eventId, personId: field('personId'), response: field('response') });
        if (!input.success) return invalid;
        const { rsvpToEvent } = await gql(RsvpToEventDocument, { input: input.data }, { request });
        return { done: `rsvp:${rsvpToEvent.response}`, error: null };
      }
      case 'checkIn': {
        const input = CheckInInput.safeParse({ eventId, personId: field('personId'), attended: field('attended') !== 'false' });
        if (!input.success) return invalid;
        await gql(CheckInToEventDocument, { input: input.data }, { request });
        return { done: 'checkIn', error: null };
      }
      case 'walkIn': {
        const input = AddWalkInInput.safeParse({
          eventId,
          firstName: field('firstName'),
          lastName: field('lastName') || undefined,
          email: field('email') || undefined,
          phone: field('phone') || undefined,
          consentEmail: formData.get('consentEmail') === 'on',
        });
        if (!input.success) return invalid;
        await gql(AddWalkInDocument, { input: input.data }, { request });
        return { done: 'walkIn', error: null };
      }
      default:
        return invalid;
    }
  } catch (error) {
    return { done: null, error: recordErrorKey(error) };
  }
}
