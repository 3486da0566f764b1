import { HttpException } from '@nestjs/common';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { toClientError, unavailableReason } from './client-error';
import { DomainException, ErrorCode } from './domain.exception';

type Logger = { error(obj: object, msg: string): void; warn?(obj: object, msg: string): void };

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

  // GraphQL's own errors (syntax, validation) have no original error.
  if (!original || original instanceof GraphQLError) {
    const ownCode = error.extensions?.code;
    if (typeof ownCode === 'string') return { error: { ...base, extensions: { code: ownCode } }, status: 400 };
    const code = /^Syntax Error/.test(error.message) ? ErrorCode.ParseFailed : ErrorCode.ValidationFailed;
    return { error: { ...base, extensions: { code } }, status: 400 };
  }
  const client = toClientError(original);
  if (client.kind === 'bug') {
    // Our bug: log it whole, tell the client nothing about it.
    logger?.error({ err: original, path: error.path }, 'unhandled GraphQL error');
  } else if (client.kind === 'unavailable') {
    // PostgreSQL or Redis away: one line, no stack (the driver's message names hosts and ports).
    (logger?.warn ?? logger?.error)?.call(logger, { code: client.code, reason: unavailableReason(original), path: error.path }, 'dependency unavailable');
  }
  const extensions: Record<string, unknown> = { code: client.code };
  if (client.fields) extensions.fields = client.fields;
  // Domain errors (NOT_FOUND, CONFLICT…) are answers, not failed requests: 200 (a request that could not run takes its status).
  const answered = client.kind === 'client' && (original instanceof DomainException || original instanceof HttpException);
  return { error: { ...base, message: client.message, extensions }, status: answered ? 200 : client.status };
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
