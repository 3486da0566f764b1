import { ApiError } from './graphql.server';
import { goalProblemsToCells } from './campaigns';

/** The API's refusal with each goal problem moved to the table cell its goal came from. */
export function withGoalCells(error: unknown, cellOf: readonly number[]): unknown {
  if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') return error;
  const errors = error.errors.map((entry) => {
    const fields = entry.extensions?.fields;
    if (!Array.isArray(fields)) return entry;
    return { ...entry, extensions: { ...entry.extensions, fields: goalProblemsToCells(fields as { path: (string | number)[] }[], cellOf) } };
  });
  return new ApiError(error.code, error.message, errors, error.status);
}
