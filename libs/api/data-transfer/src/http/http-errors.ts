import type { Logger } from '@nestjs/common';
import { errorBody, ErrorCode, toClientError, unavailableReason, type ClientError } from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { CsvFileError } from '../csv/csv-reader';

/**
 * The CSV routes answer errors in the GraphQL error shape, so the staff app reads
 * them the way it reads every other API error:
 * `{ errors: [{ message, extensions: { code, fields? } }] }`, with a matching status
 * (`toClientError` decides, as for every other entry point).
 */
export function sendError(reply: FastifyReply, error: unknown, logger: Pick<Logger, 'error' | 'warn'>): FastifyReply {
  let client: ClientError;
  if (error instanceof CsvFileError) {
    const tooLarge = error.problem === 'too_large';
    client = {
      status: tooLarge ? 413 : 400,
      code: tooLarge ? ErrorCode.PayloadTooLarge : ErrorCode.BadUserInput,
      message: error.message,
      fields: [{ path: ['file'], message: error.message }],
      kind: 'client',
    };
  } else {
    client = toClientError(error);
    if (client.kind === 'bug') logger.error({ err: error, msg: 'CSV route failed' });
    else if (client.kind === 'unavailable') logger.warn({ code: client.code, reason: unavailableReason(error), msg: 'CSV route: dependency unavailable' });
  }
  if (reply.sent) return reply;
  return reply.code(client.status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(errorBody(client));
}
