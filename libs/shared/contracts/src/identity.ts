import { z } from 'zod';
import { Email, Id, Language, lineOfText, NewPassword, PersonName, Role, Version } from './common';
import { TimeZone } from './event';

export const SignInInput = z.object({
  email: Email,
  // Not the new-password rules: an old password that no longer fits them still signs in.
  password: z.string().min(1).max(1024),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: NewPassword,
  })
  .refine((value) => value.currentPassword !== value.newPassword, { path: ['newPassword'], error: 'passwordSameAsCurrent' });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const RequestPasswordResetInput = z.object({ email: Email });
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

const OneTimeToken = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, { error: 'link' });

export const ResetPasswordInput = z.object({ token: OneTimeToken, newPassword: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const AcceptInvitationInput = z.object({ token: OneTimeToken, name: PersonName.optional(), newPassword: NewPassword });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

/**
 * The signed-in user's own settings; what is not given stays. `timeZone` (an IANA
 * zone) is where their "today" is — follow-ups due, the hour of their daily digest,
 * the times shown to them; null returns them to the office's (DIGEST_TIME_ZONE).
 */
export const UpdateMyPreferencesInput = z
  .object({ preferredLanguage: Language.optional(), timeZone: TimeZone.nullable().optional() })
  .refine((value) => value.preferredLanguage !== undefined || value.timeZone !== undefined, { error: 'required', path: ['preferredLanguage'] });
export type UpdateMyPreferencesInput = z.infer<typeof UpdateMyPreferencesInput>;

// Who may be given which scope: regions for coordinators, an organization for members.
function checkScope(value: { role?: string; regionIds?: string[]; organizationId?: string | null }, ctx: z.RefinementCtx) {
  if (value.role === 'COORDINATOR' && (!value.regionIds || value.regionIds.length === 0)) {
    ctx.addIssue({ code: 'custom', path: ['regionIds'], message: 'regionsRequired' });
  }
  if (value.role === 'MEMBER' && !value.organizationId) {
    ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'organizationRequired' });
  }
}

export const InviteUserInput = z
  .object({
    email: Email,
    name: PersonName,
    role: Role,
    regionIds: z.array(Id).max(20).default([]),
    organizationId: Id.nullable().optional(),
    preferredLanguage: Language.default('en'),
  })
  .superRefine(checkScope);
export type InviteUserInput = z.infer<typeof InviteUserInput>;

export const UpdateUserInput = z
  .object({
    id: Id,
    version: Version,
    name: PersonName,
    role: Role,
    regionIds: z.array(Id).max(20).default([]),
    organizationId: Id.nullable().optional(),
  })
  .superRefine(checkScope);
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const SetUserActiveInput = z.object({ id: Id, version: Version, active: z.boolean() });
export type SetUserActiveInput = z.infer<typeof SetUserActiveInput>;

export const UserFilter = z.object({
  search: z
    .string()
    .trim()
    .max(100)
    .refine((v) => v === '' || lineOfText(100).safeParse(v).success, { error: 'controlCharacters' })
    .optional(),
  role: Role.optional(),
  active: z.boolean().optional(),
});
export type UserFilter = z.infer<typeof UserFilter>;

export const AuditFilter = z.object({
  actorId: Id.optional(),
  subjectType: lineOfText(40).optional(),
  subjectId: lineOfText(80).optional(),
  action: lineOfText(60).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;
