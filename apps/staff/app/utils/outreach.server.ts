import { encodeProblem, LogOutreachInput, isProblemCode } from '@crm/contracts';
import { LogOutreachDocument } from '@crm/staff-graphql';
import { parseForm } from './forms';
import { ApiError, gql } from './graphql.server';

export type LogResult =
  | { status: 'saved'; outreachId: string; personId: string }
  | { status: 'refused'; problems: string[]; fieldErrors: Record<string, string[]> }
  | { status: 'invalid'; reply: ReturnType<ReturnType<typeof parseForm>['reply']> };

/**
 * One contact from the quick log, with or without JavaScript (the page's action and
 * the offline queue's /outreach/sync): the shared schema checks it, the API records
 * it once per client id.
 */
export async function logOutreachFrom(request: Request, formData: FormData): Promise<LogResult> {
  const submission = parseForm(formData, LogOutreachInput);
  if (submission.status !== 'success') return { status: 'invalid', reply: submission.reply() };
  try {
    const { logOutreach } = await gql(LogOutreachDocument, { input: submission.value }, { request });
    return { status: 'saved', outreachId: logOutreach.id, personId: logOutreach.personId };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') throw error;
    const fieldErrors: Record<string, string[]> = {};
    const problems = error.fields.map((field) => {
      const text = encodeProblem({ code: field.code && isProblemCode(field.code) ? field.code : 'invalid', params: field.params });
      const name = String(field.path[1] ?? '');
      (fieldErrors[name] ??= []).push(text);
      return text;
    });
    return { status: 'refused', problems, fieldErrors };
  }
}
