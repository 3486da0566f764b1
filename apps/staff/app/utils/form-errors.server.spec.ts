import { ChangePasswordForm, InviteUserForm, SignInForm } from '../forms/identity-forms';
import { apiFormErrors, replyWithApiError } from './form-errors.server';
import { problemCodes } from '@crm/contracts';
import { translate, translator } from '@crm/i18n';
import { messageText } from './messages';
import { parseForm } from './forms';
import { ApiError } from './graphql.server';

const badInput = (fields: { path: (string | number)[]; code: string; params?: Record<string, string | number>; message?: string }[]) =>
  new ApiError('BAD_USER_INPUT', 'Invalid input', [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }]);

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};

describe('messages: keys and problem codes in the viewer’s language', () => {
  const en = translator('en');
  const fr = translator('fr');
  it('says a problem with its parameters, in English and French', () => {
    expect(messageText(en, 'tooLong|{"max":100}')).toBe('Use at most 100 characters.');
    expect(messageText(fr, 'tooLong|{"max":100}')).toBe('Utilisez au plus 100 caractères.');
    expect(messageText(fr, 'required')).toBe('Ce champ est obligatoire.');
  });

  it('says a plain catalogue key as itself', () => {
    expect(messageText(fr, 'form.error.conflict')).toBe(translate('fr', 'form.error.conflict'));
  });

  it('never shows an English sentence: anything else is "not valid"', () => {
    expect(messageText(fr, 'must be at most 30 characters')).toBe('Cette valeur n’est pas valide.');
  });

  it('has its own sentence for every problem the shared schemas can raise', () => {
    const sentences = problemCodes.map((code) => messageText(fr, code));
    expect(new Set(sentences).size).toBe(problemCodes.length);
  });
});

// The errors of a submission that failed (null when it passed).
const errorsOf = (submission: ReturnType<typeof parseForm>) => (submission.status === 'success' ? null : submission.error);

describe('parseForm (browser and action alike)', () => {
  it('says "required" for empty fields, not zod’s "expected string"', () => {
    const submission = parseForm(form({ email: '', password: '' }), SignInForm);
    expect(submission.status).toBe('error');
    expect(errorsOf(submission)).toEqual({ email: ['required'], password: ['required'] });
  });

  it('turns the shared schema’s issues into problem codes', () => {
    const submission = parseForm(form({ email: 'not-an-address', password: 'x' }), SignInForm);
    expect(errorsOf(submission)).toEqual({ email: ['email'] });
  });

  it('checks that the new password was typed twice the same', () => {
    const submission = parseForm(
      form({ currentPassword: 'old-password', newPassword: 'a-long-new-passphrase', confirmPassword: 'a-long-new-passphrase!' }),
      ChangePasswordForm,
    );
    expect(errorsOf(submission)).toEqual({ confirmPassword: ['passwordMismatch'] });
  });

  it('asks a coordinator’s invitation for a region (the contract’s scope rule)', () => {
    const submission = parseForm(form({ email: 'new@example.org', name: 'New', role: 'COORDINATOR' }), InviteUserForm);
    expect(errorsOf(submission)).toEqual({ regionIds: ['regionsRequired'] });
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
      { path: ['input', 'email'], code: 'emailTaken' },
      { path: ['input', 'regionIds', 0], code: 'regionsUnknown' },
    ]);
    expect(apiFormErrors(error, ['email', 'regionIds'])).toEqual({
      fieldErrors: { email: ['emailTaken'], regionIds: ['regionsUnknown'] },
      formErrors: [],
    });
  });

  it('keeps the row of a problem in a list of fieldsets the form names with []', () => {
    const error = badInput([
      { path: ['input', 'affiliations', 1, 'organizationId'], code: 'organizationUnknown' },
      { path: ['input', 'emails', 0], code: 'email' },
      { path: ['input', 'notes'], code: 'tooLong', params: { max: 10000 } },
    ]);
    expect(apiFormErrors(error, ['emails', 'notes', 'affiliations', 'affiliations[].organizationId'])).toEqual({
      fieldErrors: { 'affiliations[1].organizationId': ['organizationUnknown'], emails: ['email'], notes: ['tooLong|{"max":10000}'] },
      formErrors: [],
    });
  });

  it('makes a problem with a field the form does not show (a hidden token) the form’s message', () => {
    const error = badInput([{ path: ['input', 'token'], code: 'tokenExpired' }]);
    expect(apiFormErrors(error, ['newPassword'])).toEqual({ fieldErrors: {}, formErrors: ['tokenExpired'] });
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
