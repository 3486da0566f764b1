import { BadRequestException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { BadUserInputException, NotFoundException } from './domain.exception';
import { formatGraphqlError, mercuriusErrorFormatter } from './graphql-error-formatter';

function wrap(original: Error | undefined, message = original?.message ?? 'x'): GraphQLError {
  return new GraphQLError(message, { originalError: original, path: ['field'] });
}

describe('formatGraphqlError', () => {
  it('maps a domain exception to its code and field paths', () => {
    const { error } = formatGraphqlError(wrap(new BadUserInputException([{ path: ['input', 'email'], code: 'tooLong', params: { max: 254 } }])));
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['input', 'email'], code: 'tooLong', params: { max: 254 }, message: 'Use at most 254 characters.' }],
    });
  });

  it('answers NOT_FOUND without naming the record', () => {
    expect(formatGraphqlError(wrap(new NotFoundException('Person'))).error).toMatchObject({ message: 'Person not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(formatGraphqlError(wrap(new BadRequestException('bad'))).error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('hides unexpected errors and logs them', () => {
    const logged: unknown[] = [];
    const { error, status } = formatGraphqlError(wrap(new TypeError('cannot read x of undefined at /srv/app.js:10')), {
      error: (obj) => logged.push(obj),
    });
    expect(error).toEqual({ message: 'Internal error', locations: undefined, path: ['field'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(status).toBe(500);
    expect(JSON.stringify(error)).not.toContain('app.js');
    expect(logged).toHaveLength(1);
  });

  it('answers SERVICE_UNAVAILABLE with status 503 when the database is away, logging one line without a stack', () => {
    const warned: object[] = [];
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5499'), { code: 'ECONNREFUSED' });
    const { error, status } = formatGraphqlError(wrap(refused), { error: () => undefined, warn: (obj) => warned.push(obj) });
    expect(status).toBe(503);
    expect(error).toMatchObject({ message: 'The service is temporarily unavailable; try again in a moment', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(JSON.stringify(error)).not.toMatch(/5499|127\.0\.0\.1|ECONNREFUSED/);
    expect(warned).toEqual([{ code: 'SERVICE_UNAVAILABLE', reason: 'ECONNREFUSED', path: ['field'] }]);
  });

  it('labels syntax errors as parse failures', () => {
    expect(formatGraphqlError(new GraphQLError('Syntax Error: Expected Name, found <EOF>.')).error.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('maps an oversize body to PAYLOAD_TOO_LARGE with status 413', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(formatGraphqlError(wrap(tooLarge))).toMatchObject({ status: 413, error: { extensions: { code: 'PAYLOAD_TOO_LARGE' } } });
  });
});

describe('mercuriusErrorFormatter', () => {
  it('answers 400 for a request that could not run and 200 for a partial result', () => {
    const format = mercuriusErrorFormatter();
    expect(format({ errors: [new GraphQLError('Cannot query field "x" on type "Query".')] }).statusCode).toBe(400);
    expect(format({ data: { a: null }, errors: [wrap(new NotFoundException())] }).statusCode).toBe(200);
  });

  it('brings up the errors Mercurius nests inside its validation error', () => {
    const nested = Object.assign(new Error('Graphql validation error'), {
      code: 'MER_ERR_GQL_VALIDATION',
      statusCode: 400,
      errors: [new GraphQLError('Cannot query field "a"'), new GraphQLError('Cannot query field "b"')],
    });
    const result = mercuriusErrorFormatter()({ data: null, errors: [wrap(nested)] });
    expect(result.statusCode).toBe(400);
    expect(result.response.errors?.map((e) => e.message)).toEqual(['Cannot query field "a"', 'Cannot query field "b"']);
    expect(result.response.errors?.every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
  });
});
