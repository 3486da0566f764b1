import { encodeProblem, isProblemCode } from '@crm/contracts';
import { apiFormErrors } from './form-errors.server';
import { ApiError } from './graphql.server';

/**
 * What a refused step says. A CONFLICT may be short stock (`toolkitStock`, naming the item
 * and what is left) rather than a stale version: its field problem is shown, not "reload".
 */
export function stepRefusal(error: unknown, fields: readonly string[] = []): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  if (!(error instanceof ApiError)) throw error;
  const problems = error.code === 'CONFLICT' ? error.fields.filter((problem) => isProblemCode(problem.code)) : [];
  if (problems.length)
    return { fieldErrors: {}, formErrors: problems.map((problem) => encodeProblem({ code: problem.code as never, params: problem.params })) };
  return apiFormErrors(error, fields, { CONFLICT: 'records.conflict' });
}
