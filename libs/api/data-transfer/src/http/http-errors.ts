import type { Logger } from '@nestjs/common';
import { DomainException, ErrorCode } from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { CsvFileError } from '../csv/csv-reader';

const statusOf: Record<string, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyRequests]: 429,
};

/**
 * The CSV routes answer errors in the GraphQL error shape, so the staff app reads
 * them the way it reads every other API error:
 * `{ errors: [{ message, extensions: { code, fields? } }] }`, with a matching status.
 */
export function sendError(reply: FastifyReply, error: unknown, logger: Pick<Logger, 'error'>): FastifyReply {
  let status = 500;
  let body: { message: string; extensions: Record<string, unknown> };
  if (error instanceof DomainException) {
    status = statusOf[error.code] ?? 500;
    body = { message: error.message, extensions: { code: error.code, ...(error.fields.length ? { fields: error.fields } : {}) } };
  } else if (error instanceof CsvFileError) {
    const tooLarge = error.problem === 'too_large';
    status = tooLarge ? 413 : 400;
    body = {
      message: error.message,
      extensions: { code: tooLarge ? ErrorCode.PayloadTooLarge : ErrorCode.BadUserInput, fields: [{ path: ['file'], message: error.message }] },
    };
  } else {
    logger.error({ err: error, msg: 'CSV route failed' });
    body = { message: 'Internal error', extensions: { code: ErrorCode.Internal } };
  }
  if (reply.sent) return reply;
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({ errors: [body] });
}
