import { HttpException } from '@nestjs/common';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { DomainException, ErrorCode } from './domain.exception';

type Logger = { error(obj: object, msg: string): void };

const httpStatusToCode: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.TooManyRequests,
};

// Errors Fastify and Mercurius raise before any resolver runs. Their messages are
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

export interface FormattedError {
  error: GraphQLFormattedError;
  /** HTTP status this error calls for when the request could not run at all. */
  status: number;
}

type ErrorWithCode = Error & { code?: string; statusCode?: number; errors?: unknown[]; extensions?: Record<string, unknown> };

/** One GraphQL error -> the shape clients see: a message, a code, never a stack trace. */
export function formatGraphqlError(error: GraphQLError, logger?: Logger): FormattedError {
  const original = error.originalError as ErrorWithCode | undefined;
  const base = { message: error.message, locations: error.locations, path: error.path };

  if (original instanceof DomainException) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.fields.length) extensions.fields = original.fields;
    return { error: { ...base, message: original.message, extensions }, status: 200 };
  }
  if (original instanceof HttpException) {
    const code = httpStatusToCode[original.getStatus()] ?? ErrorCode.Internal;
    const message = code === ErrorCode.Internal ? 'Internal error' : original.message;
    return { error: { ...base, message, extensions: { code } }, status: 200 };
  }
  const known = original?.code ? requestErrors[original.code] : undefined;
  if (known) {
    return { error: { ...base, message: known.message ?? original?.message ?? error.message, extensions: { code: known.code } }, status: known.status };
  }
  // Any other Fastify/Mercurius client error (e.g. a body that is not a GraphQL request).
  if (original?.code && /^(FST|MER)_/.test(original.code) && original.statusCode && original.statusCode < 500) {
    return {
      error: { ...base, message: `Invalid GraphQL request: ${original.message}`, extensions: { code: ErrorCode.BadUserInput } },
      status: original.statusCode,
    };
  }
  // GraphQL's own errors (syntax, validation) have no original error.
  if (!original || original instanceof GraphQLError) {
    const ownCode = error.extensions?.code;
    if (typeof ownCode === 'string') return { error: { ...base, extensions: { code: ownCode } }, status: 400 };
    const code = /^Syntax Error/.test(error.message) ? ErrorCode.ParseFailed : ErrorCode.ValidationFailed;
    return { error: { ...base, extensions: { code } }, status: 400 };
  }
  // Anything else is our bug: log it whole, tell the client nothing about it.
  logger?.error({ err: original, path: error.path }, 'unhandled GraphQL error');
  return { error: { message: 'Internal error', locations: error.locations, path: error.path, extensions: { code: ErrorCode.Internal } }, status: 500 };
}

/** Mercurius nests the real errors inside a validation error: bring them up. */
function flatten(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((error) => {
    const inner = (error.originalError as ErrorWithCode | undefined)?.errors;
    if (!Array.isArray(inner) || inner.length === 0) return [error];
    const parent = error.originalError as ErrorWithCode;
    return inner.map((child) => {
      if (child instanceof GraphQLError) return child;
      const err = child as ErrorWithCode;
      // Depth errors and the like: keep their code so they map to a known status.
      const wrapped = Object.assign(new Error(err.message), {
        code: err.code ?? parent.code,
        statusCode: err.statusCode ?? parent.statusCode,
      }) as ErrorWithCode;
      return new GraphQLError(err.message, { originalError: wrapped });
    });
  });
}

/** Mercurius `errorFormatter`: formats each error and picks the HTTP status. */
export function mercuriusErrorFormatter(logger?: Logger) {
  return (execution: ExecutionResult & { errors: readonly GraphQLError[] }): { statusCode: number; response: FormattedExecutionResult } => {
    const formatted = flatten(execution.errors).map((error) => formatGraphqlError(error, logger));
    const hasData = execution.data !== undefined && execution.data !== null;
    // A partial result is 200 (GraphQL over HTTP); a request that never ran takes its error's status.
    const statusCode = hasData ? 200 : Math.max(...formatted.map((f) => f.status));
    return { statusCode, response: { data: execution.data ?? null, errors: formatted.map((f) => f.error) } };
  };
}
