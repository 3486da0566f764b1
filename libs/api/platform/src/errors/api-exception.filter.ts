import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, toClientError, unavailableReason } from './client-error';

type Logger = { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/**
 * Every error that reaches Nest outside GraphQL execution — HTTP routes (health,
 * CSV), body parsing, unknown paths — answers in the API's error shape
 * (`{ errors: [{ message, extensions: { code } }] }`) with a matching status,
 * never Fastify's or Nest's default body (which names the driver's error code,
 * host and port). GraphQL errors go back to Mercurius's formatter unchanged.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest | undefined>();
    const client = toClientError(exception);
    const where = { requestId: request?.id, path: request?.url?.split('?')[0] };
    if (client.kind === 'bug') this.logger.error({ ...where, err: exception }, 'unhandled HTTP error');
    else if (client.kind === 'unavailable') this.logger.warn({ ...where, code: client.code, reason: unavailableReason(exception) }, 'dependency unavailable');
    if (reply.sent) return undefined;
    return reply.code(client.status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(errorBody(client));
  }
}
