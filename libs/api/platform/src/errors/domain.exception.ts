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

export interface FieldProblem {
  /** Path of the offending field in the input, e.g. ['input', 'email']. */
  path: (string | number)[];
  message: string;
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
  constructor(message = 'This record was changed by someone else; reload it and try again') {
    super(ErrorCode.Conflict, message);
  }
}

export class BadUserInputException extends DomainException {
  constructor(fields: FieldProblem[], message = 'Some fields are invalid') {
    super(ErrorCode.BadUserInput, message, fields);
  }
}

export class ServiceUnavailableException extends DomainException {
  constructor(message = 'The service is temporarily unavailable; try again in a moment') {
    super(ErrorCode.ServiceUnavailable, message);
  }
}
