import type { Problem } from '@crm/contracts';
import { translate } from '@crm/i18n';
// The codes a client can act on. Mapped once to GraphQL `extensions.code`.
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  ParseFailed: 'GRAPHQL_PARSE_FAILED',
  ValidationFailed: 'GRAPHQL_VALIDATION_FAILED',
  Internal: 'INTERNAL_SERVER_ERROR',
  // PostgreSQL or Redis cannot be reached right now: try again in a moment.
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One field's problem as thrown: where, and which (a code of @crm/contracts `problemCodes`, with its parameters). */
export interface FieldProblemInput extends Problem {
  /** Path of the offending field in the input, e.g. ['input', 'email']. */
  path: (string | number)[];
}

/** As sent to clients (`extensions.fields`): the code and parameters, and the sentence in English for API users. */
export interface FieldProblem extends FieldProblemInput {
  message: string;
}

/** The English sentence of a problem (the staff app shows its own language from the code). */
export function problemMessage(problem: Problem): string {
  const say = translate as (lang: string, key: string, params?: Record<string, string | number>) => string;
  return say('en', `problem.${problem.code}`, problem.params ?? {});
}

export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export class NotFoundException extends DomainException {
  constructor(what = 'Record') {
    // Out-of-scope records answer exactly like missing ones: the message names no id.
    super(ErrorCode.NotFound, `${what} not found`);
  }
}

export class ConflictException extends DomainException {
  constructor(message = 'This record was changed by someone else since you opened it; nothing was saved. Reload it and try again.') {
    super(ErrorCode.Conflict, message);
  }
}

export class BadUserInputException extends DomainException {
  constructor(fields: FieldProblemInput[], message = 'Some fields are invalid') {
    super(
      ErrorCode.BadUserInput,
      message,
      fields.map((field) => ({ ...field, message: problemMessage(field) })),
    );
  }
}

export class ServiceUnavailableException extends DomainException {
  constructor(message = 'The service is temporarily unavailable; try again in a moment') {
    super(ErrorCode.ServiceUnavailable, message);
  }
}
