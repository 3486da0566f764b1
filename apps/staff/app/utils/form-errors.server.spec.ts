import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '@crm/i18n';
import { ChangePasswordForm, InviteUserForm, SignInForm } from '../forms/identity-forms';
import { apiFormErrors, replyWithApiError } from './form-errors.server';
import { fieldMessageKey, knownFieldMessages } from './field-messages';
import { parseForm } from './forms';
import { ApiError } from './graphql.server';

const badInput = (fields: { path: (string | number)[]; message: string }[]) =>
  new ApiError('BAD_USER_INPUT', 'Invalid input', [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }]);

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};

describe('field messages', () => {
  it('has a catalogue key for every message the shared schemas write', () => {
    const dir = join(__dirname, '../../../../libs/shared/contracts/src');
    const source = ['common.ts', 'identity.ts', 'records.ts', 'person.ts', 'organization.ts'].map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    const messages = [...source.matchAll(/(?:error|message): '([^']+)'/g)].map((match) => match[1]);
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((message) => !knownFieldMessages.includes(message))).toEqual([]);
  });

  it('maps only to keys the catalogue has', () => {
    for (const message of knownFieldMessages) expect(Object.keys(en)).toContain(fieldMessageKey(message));
  });

  it('reads the API’s own messages, patterns included', () => {
    expect(fieldMessageKey('already has an account')).toBe('validation.email.taken');
    expect(fieldMessageKey('unknown region(s): 7f0c…')).toBe('validation.regions.unknown');
  });

  it('falls back to a generic message, or one by zod issue code', () => {
    expect(fieldMessageKey('Too big: expected string to have <=1024 characters', 'too_big')).toBe('validation.tooLong');
    expect(fieldMessageKey('something new')).toBe('validation.invalid');
  });
});

// The errors of a submission that failed (null when it passed).
const errorsOf = (submission: ReturnType<typeof parseForm>) => (submission.status === 'success' ? null : submission.error);

describe('parseForm (browser and action alike)', () => {
  it('says "required" for empty fields, not zod’s "expected string"', () => {
    const submission = parseForm(form({ email: '', password: '' }), SignInForm);
    expect(submission.status).toBe('error');
    expect(errorsOf(submission)).toEqual({ email: ['validation.required'], password: ['validation.required'] });
  });

  it('turns the shared schema’s messages into catalogue keys', () => {
    const submission = parseForm(form({ email: 'not-an-address', password: 'x' }), SignInForm);
    expect(errorsOf(submission)).toEqual({ email: ['validation.email'] });
  });

  it('checks that the new password was typed twice the same', () => {
    const submission = parseForm(
      form({ currentPassword: 'old-password', newPassword: 'a-long-new-passphrase', confirmPassword: 'a-long-new-passphrase!' }),
      ChangePasswordForm,
    );
    expect(errorsOf(submission)).toEqual({ confirmPassword: ['validation.password.mismatch'] });
  });

  it('asks a coordinator’s invitation for a region (the contract’s scope rule)', () => {
    const submission = parseForm(form({ email: 'new@example.org', name: 'New', role: 'COORDINATOR' }), InviteUserForm);
    expect(errorsOf(submission)).toEqual({ regionIds: ['validation.regions.required'] });
  });

  it('reads several checkboxes of one name as a list', () => {
    const ids = ['5f0b9b5e-54a8-4c68-9b8c-0d6f6e8a1c01', '5f0b9b5e-54a8-4c68-9b8c-0d6f6e8a1c02'];
    const submission = parseForm(form({ email: 'New@Example.org ', name: 'New', role: 'COORDINATOR', regionIds: ids }), InviteUserForm);
    expect(submission.status).toBe('success');
    expect(submission.status === 'success' && submission.value).toMatchObject({ email: 'new@example.org', regionIds: ids, preferredLanguage: 'en' });
  });
});

describe('apiFormErrors (the API refused a valid-looking form)', () => {
  it('puts BAD_USER_INPUT problems beside their fields by path', () => {
    const error = badInput([
      { path: ['input', 'email'], message: 'already has an account' },
      { path: ['input', 'regionIds', 0], message: 'unknown region(s): x' },
    ]);
    expect(apiFormErrors(error, ['email', 'regionIds'])).toEqual({
      fieldErrors: { email: ['validation.email.taken'], regionIds: ['validation.regions.unknown'] },
      formErrors: [],
    });
  });

  it('keeps the row of a problem in a list of fieldsets the form names with []', () => {
    const error = badInput([
      { path: ['input', 'affiliations', 1, 'organizationId'], message: 'is not an organization you can see' },
      { path: ['input', 'emails', 0], message: 'must be a valid e-mail address' },
    ]);
    expect(apiFormErrors(error, ['emails', 'affiliations', 'affiliations[].organizationId'])).toEqual({
      fieldErrors: { 'affiliations[1].organizationId': ['validation.organization.unknown'], emails: ['validation.email'] },
      formErrors: [],
    });
  });

  it('makes a problem with a field the form does not show (a hidden token) the form’s message', () => {
    const error = badInput([{ path: ['input', 'token'], message: 'this link has expired or was already used' }]);
    expect(apiFormErrors(error, ['newPassword'])).toEqual({ fieldErrors: {}, formErrors: ['validation.token.expired'] });
  });

  it('says what each other code means, or what this form says for it', () => {
    expect(apiFormErrors(new ApiError('CONFLICT', 'changed'), []).formErrors).toEqual(['form.error.conflict']);
    expect(apiFormErrors(new ApiError('CONFLICT', 'changed'), [], { CONFLICT: 'userEdit.conflict' }).formErrors).toEqual(['userEdit.conflict']);
    expect(apiFormErrors(new ApiError('TOO_MANY_REQUESTS', 'slow down'), []).formErrors).toEqual(['form.error.tooMany']);
    expect(apiFormErrors(new ApiError('UNAUTHENTICATED', 'no'), [], { UNAUTHENTICATED: 'signIn.failed' }).formErrors).toEqual(['signIn.failed']);
    expect(apiFormErrors(new ApiError('API_UNREACHABLE', 'down'), []).formErrors).toEqual(['form.error.unreachable']);
  });

  it('replies without sending passwords back, and rethrows what is not an API error', () => {
    const submission = parseForm(form({ email: 'a@example.org', password: 'secret-typed' }), SignInForm);
    const reply = replyWithApiError(submission, new ApiError('UNAUTHENTICATED', 'bad'), {
      fields: ['email', 'password'],
      hideFields: ['password'],
      messages: { UNAUTHENTICATED: 'signIn.failed' },
    });
    expect(reply.error).toMatchObject({ '': ['signIn.failed'] });
    expect(JSON.stringify(reply)).not.toContain('secret-typed');
    expect(() => replyWithApiError(submission, new TypeError('bug'), { fields: [] })).toThrow(TypeError);
  });
});
