import {
  AcceptInvitationInput,
  ChangePasswordInput,
  InviteUserInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInInput,
  TimeZone,
  UpdateUserInput,
} from '@crm/contracts';
import { z } from 'zod';

// One schema per form, used by the browser (instant feedback) and by the action
// (the final word). Each is the API's own input schema from @crm/contracts, plus
// what only the screen asks for (typing a new password twice).

const confirmation = { confirmPassword: z.string() };
const samePasswords = (value: { newPassword: string; confirmPassword: string }) => value.newPassword === value.confirmPassword;
const mismatch = { path: ['confirmPassword'], error: 'passwordMismatch' };

export const SignInForm = SignInInput;

export const ForgotPasswordForm = RequestPasswordResetInput;

// The token travels as a hidden field, so a link that cannot be valid says so at once.
export const ResetPasswordForm = ResetPasswordInput.safeExtend(confirmation).refine(samePasswords, mismatch);

export const AcceptInvitationForm = AcceptInvitationInput.safeExtend(confirmation).refine(samePasswords, mismatch);

export const ChangePasswordForm = ChangePasswordInput.safeExtend(confirmation).refine(samePasswords, mismatch);

export const InviteUserForm = InviteUserInput;

// id and version are hidden fields: the version makes a stale edit a CONFLICT.
export const UpdateUserForm = UpdateUserInput;

// "My time zone" on the account page: a zone, or none for the office's.
export const TimeZoneForm = z.object({ intent: z.literal('timeZone'), timeZone: TimeZone.optional() });
