import { z } from 'zod';
import { RsvpAnswer } from './event';

/** The secret of an invitation's public answer page: 32 random bytes, base64url. */
export const AnswerToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'invalid' });

/** An answer given on the public page of an invitation (no sign-in: the token is the access). */
export const PublicRsvpInput = z.object({ token: AnswerToken, response: RsvpAnswer });
export type PublicRsvpInput = z.infer<typeof PublicRsvpInput>;

/** What the staff page says about mail to an event's guests (decision 117). */
export const eventMailKindValues = ['invitation', 'confirmation', 'waitlist', 'reminder', 'cancellation'] as const;
export type EventMailKind = (typeof eventMailKindValues)[number];
export const eventMailOutcomeValues = ['queued', 'sent', 'failed', 'withheld'] as const;
export type EventMailOutcome = (typeof eventMailOutcomeValues)[number];
export const eventMailReasonValues = ['doNotContact', 'noEmailConsent', 'noAddress'] as const;
export type EventMailReason = (typeof eventMailReasonValues)[number];
