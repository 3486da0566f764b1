import type { PlainMessageKey } from '@crm/i18n';
import type { Submission } from '@conform-to/react';
import { ApiError, type ApiErrorCode } from './graphql.server';
import { encodeProblem, isProblemCode } from '@crm/contracts';

// What a form says when the API refuses a submission that passed the form's
// own schema (decision 016).
const byCode: Partial<Record<ApiErrorCode, PlainMessageKey>> = {
  UNAUTHENTICATED: 'form.error.signedOut',
  FORBIDDEN: 'form.error.forbidden',
  NOT_FOUND: 'form.error.notFound',
  CONFLICT: 'form.error.conflict',
  TOO_MANY_REQUESTS: 'form.error.tooMany',
  API_UNREACHABLE: 'form.error.unreachable',
};

// ['input', 'regionIds', 0] -> 'regionIds': the form field the problem belongs to.
// A list of fieldsets the form lists as `affiliations[].organizationId` keeps its
// row: ['input', 'affiliations', 1, 'organizationId'] -> 'affiliations[1].organizationId'.
function fieldName(path: (string | number)[], fields: readonly string[]): string {
  const rest = path[0] === 'input' ? path.slice(1) : path;
  const nested = rest.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
  if (fields.includes(nested.replace(/\[\d+\]/g, '[]'))) return nested;
  const names: string[] = [];
  for (const part of rest) {
    if (typeof part === 'number') break;
    names.push(part);
  }
  return names.join('.');
}

export type FormErrors = { fieldErrors: Record<string, string[]>; formErrors: string[] };

/**
 * BAD_USER_INPUT's `extensions.fields` go beside the form's own fields (`fields`);
 * problems with anything else (a hidden token, a version) and every other code
 * become the form's message. `messages` overrides a code's message for one form.
 */
export function apiFormErrors(error: ApiError, fields: readonly string[], messages: Partial<Record<ApiErrorCode, PlainMessageKey>> = {}): FormErrors {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  const add = (list: string[], key: string) => {
    if (!list.includes(key)) list.push(key);
  };
  if (error.code === 'BAD_USER_INPUT') {
    for (const problem of error.fields) {
      const name = fieldName(problem.path, fields);
      const key = encodeProblem({ code: isProblemCode(problem.code) ? problem.code : 'invalid', params: problem.params });
      if (fields.includes(name.replace(/\[\d+\]/g, '[]'))) add((fieldErrors[name] ??= []), key);
      else add(formErrors, key);
    }
    if (!error.fields.length) add(formErrors, messages.BAD_USER_INPUT ?? 'problem.invalid');
  } else {
    add(formErrors, messages[error.code] ?? byCode[error.code] ?? 'form.error.unexpected');
  }
  return { fieldErrors, formErrors };
}

/**
 * The action's answer when the API refused: errors by field and for the form,
 * without sending back the fields named in `hideFields` (passwords).
 */
export function replyWithApiError(
  submission: Pick<Submission<unknown>, 'reply'>,
  error: unknown,
  options: { fields: readonly string[]; hideFields?: string[]; messages?: Partial<Record<ApiErrorCode, PlainMessageKey>> },
) {
  if (!(error instanceof ApiError)) throw error;
  if (!(error.code in byCode) && error.code !== 'BAD_USER_INPUT' && !(options.messages && error.code in options.messages)) {
    console.error(`[staff] the API refused a form (${error.code}): ${error.message}`);
  }
  return submission.reply({ ...apiFormErrors(error, options.fields, options.messages), hideFields: options.hideFields });
}
