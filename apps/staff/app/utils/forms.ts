import { parseWithZod } from '@conform-to/zod/v4';
import { encodeProblem, problemOf } from '@crm/contracts';
import type { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';

// The one way a form is read, in the browser (conform's onValidate, for instant
// feedback) and in the action (the final word): the form's zod schema, with each
// error as its problem code and parameters (utils/messages.ts says them).
export function parseForm<Schema extends z.ZodType>(payload: FormData | URLSearchParams, schema: Schema) {
  return parseWithZod(payload, {
    schema,
    // conform turns an empty field into `undefined`: say "required", not "expected string".
    error: (issue) => (issue.input === undefined ? 'required' : undefined),
    formatError: (issues: $ZodIssue[]): string[] => [...new Set(issues.map((issue) => encodeProblem(problemOf(issue))))],
  });
}
