import { HttpException } from '@nestjs/common';
import { DomainException, ErrorCode, ServiceUnavailableException, type FieldProblem } from './domain.exception';

/** What a client is told about a failure: a status, a code, a message it may show. Never a stack, SQL, host or port. */
export interface ClientError {
  status: number;
  code: ErrorCode;
  message: string;
  /** Field problems (BAD_USER_INPUT): domain exceptions carry codes; a file's problem (CSV upload) a message only. */
  fields?: (FieldProblem | Pick<FieldProblem, 'path' | 'message'>)[];
  /**
   * How the server should log it: `bug` (ours: log it whole), `unavailable`
   * (PostgreSQL or Redis away: one line, no stack) or `client` (not logged).
   */
  kind: 'client' | 'unavailable' | 'bug';
}

export const statusOfCode: Record<ErrorCode, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.ParseFailed]: 400,
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Internal]: 500,
  [ErrorCode.ServiceUnavailable]: 503,
};

const httpStatusToCode: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.BadUserInput,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.BadUserInput,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

// Errors Fastify and Mercurius raise before any handler runs. Their messages are
// safe to show; each gets a code and an HTTP status.
const requestErrors: Record<string, { code: ErrorCode; status: number; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ErrorCode.PayloadTooLarge, status: 413, message: 'Request body is too large (limit 1 MiB)' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: ErrorCode.ParseFailed, status: 400, message: 'Request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ErrorCode.ParseFailed, status: 400, message: 'Request body is empty' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: ErrorCode.BadUserInput, status: 415, message: 'Unsupported content type: send application/json' },
  MER_ERR_GQL_QUERY_DEPTH: { code: ErrorCode.ValidationFailed, status: 400 },
  MER_ERR_GQL_VALIDATION: { code: ErrorCode.ValidationFailed, status: 400 },
  MER_ERR_GQL_CSRF_PREVENTION: { code: ErrorCode.BadUserInput, status: 400 },
  MER_ERR_METHOD_NOT_ALLOWED: { code: ErrorCode.BadUserInput, status: 405 },
  MER_ERR_INVALID_METHOD: { code: ErrorCode.BadUserInput, status: 400 },
};

// Socket errors: the database or Redis is not there (or went away mid-request).
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
// PostgreSQL: class 08 (connection exception), server shutting down or starting, too many connections.
const postgresUnavailable = /^(08...|57P0[123]|53300)$/;
// The same, as pg, pg-pool, TypeORM and ioredis word it without a code.
const unavailableMessages = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /^Connection is closed\.?$/,
  /Stream isn't writeable and enableOfflineQueue options is false/,
  /Reached the max retries per request limit/,
  /^Driver not Connected$/,
];

type Described = Error & { code?: unknown; statusCode?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown; originalError?: unknown };

/** True when the error (or what it wraps) says PostgreSQL or Redis cannot be reached: a client should try again later. */
export function isUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as Described;
  if (e instanceof DomainException) return e.code === ErrorCode.ServiceUnavailable;
  if (typeof e.code === 'string' && (socketCodes.has(e.code) || postgresUnavailable.test(e.code))) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && unavailableMessages.some((pattern) => pattern.test(e.message))) return true;
  const inner = [e.driverError, e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((wrapped) => isUnavailableError(wrapped, depth + 1));
}

/**
 * Any error, wherever it was thrown (GraphQL context, guard, resolver, HTTP
 * route, health), as the client may see it. The one place that decides codes
 * and statuses, so every entry point answers alike.
 */
export function toClientError(error: unknown): ClientError {
  if (error instanceof DomainException) {
    return {
      status: statusOfCode[error.code] ?? 500,
      code: error.code,
      message: error.message,
      ...(error.fields.length ? { fields: error.fields } : {}),
      kind: error.code === ErrorCode.ServiceUnavailable ? 'unavailable' : 'client',
    };
  }
  if (isUnavailableError(error)) return unavailable();
  if (error instanceof HttpException) {
    const code = httpStatusToCode[error.getStatus()];
    if (!code) return internal();
    return { status: error.getStatus(), code, message: error.message, kind: 'client' };
  }
  const e = error as Described | undefined;
  const known = typeof e?.code === 'string' ? requestErrors[e.code] : undefined;
  if (known) return { status: known.status, code: known.code, message: known.message ?? e!.message, kind: 'client' };
  // Any other Fastify/Mercurius client error (e.g. a body that is not a GraphQL request).
  if (typeof e?.code === 'string' && /^(FST|MER)_/.test(e.code) && typeof e.statusCode === 'number' && e.statusCode < 500) {
    return { status: e.statusCode, code: httpStatusToCode[e.statusCode] ?? ErrorCode.BadUserInput, message: `Invalid request: ${e.message}`, kind: 'client' };
  }
  return internal();
}

function unavailable(): ClientError {
  const { message } = new ServiceUnavailableException();
  return { status: 503, code: ErrorCode.ServiceUnavailable, message, kind: 'unavailable' };
}

function internal(): ClientError {
  return { status: 500, code: ErrorCode.Internal, message: 'Internal error', kind: 'bug' };
}

/** The API's error body (GraphQL's error shape), for answers that are not GraphQL responses. */
export function errorBody(error: ClientError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message: error.message, extensions: { code: error.code, ...(error.fields ? { fields: error.fields } : {}) } }] };
}

/** What the log gets about an unavailable dependency: the error's code or name, never its message (it names hosts and ports). */
export function unavailableReason(error: unknown): string {
  const e = error as Described | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const driver = e?.driverError as Described | undefined;
  return code ?? (typeof driver?.code === 'string' ? driver.code : undefined) ?? e?.name ?? 'unknown';
}
