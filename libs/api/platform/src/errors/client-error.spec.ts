import { BadRequestException, NotFoundException as NestNotFound } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { errorBody, isUnavailableError, toClientError } from './client-error';
import { ConflictException, ErrorCode, ServiceUnavailableException } from './domain.exception';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5499'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 5499 });

describe('toClientError', () => {
  it('answers SERVICE_UNAVAILABLE (503) for a database that refuses connections, naming no host or port', () => {
    const client = toClientError(refused());
    expect(client).toMatchObject({ status: 503, code: ErrorCode.ServiceUnavailable, kind: 'unavailable' });
    expect(JSON.stringify(errorBody(client))).not.toMatch(/5499|127\.0\.0\.1|ECONNREFUSED/);
  });

  it('sees through TypeORM and pg wrappers: a query failing on a terminated connection or a shutting-down server', () => {
    const terminated = new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'));
    const shutdown = new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    expect(toClientError(terminated).code).toBe(ErrorCode.ServiceUnavailable);
    expect(toClientError(shutdown).code).toBe(ErrorCode.ServiceUnavailable);
    expect(toClientError(Object.assign(new Error('x'), { cause: refused() })).code).toBe(ErrorCode.ServiceUnavailable);
    expect(toClientError(new AggregateError([refused()], '')).code).toBe(ErrorCode.ServiceUnavailable);
  });

  it('answers SERVICE_UNAVAILABLE for Redis errors without a code', () => {
    expect(isUnavailableError(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
    expect(isUnavailableError(Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }))).toBe(
      true,
    );
  });

  it('keeps a query error that is our bug an internal error, without its SQL', () => {
    const bug = new QueryFailedError('SELECT nope FROM person', [], Object.assign(new Error('column "nope" does not exist'), { code: '42703' }));
    const client = toClientError(bug);
    expect(client).toEqual({ status: 500, code: ErrorCode.Internal, message: 'Internal error', kind: 'bug' });
  });

  it('maps domain exceptions, Nest HTTP exceptions and Fastify request errors to their codes and statuses', () => {
    expect(toClientError(new ConflictException())).toMatchObject({ status: 409, code: ErrorCode.Conflict, kind: 'client' });
    expect(toClientError(new ServiceUnavailableException())).toMatchObject({ status: 503, kind: 'unavailable' });
    expect(toClientError(new BadRequestException('bad'))).toMatchObject({ status: 400, code: ErrorCode.BadUserInput });
    expect(toClientError(new NestNotFound('Cannot GET /nope'))).toMatchObject({ status: 404, code: ErrorCode.NotFound, message: 'Cannot GET /nope' });
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toClientError(tooLarge)).toMatchObject({ status: 413, code: ErrorCode.PayloadTooLarge });
  });
});
