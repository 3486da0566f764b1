import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { AppAbility } from '@crm/authz';
import { SessionService } from '@crm/identity';
import { TransferRegistry } from '@crm/records';
import { ApiHarness } from './testing/api-harness';
import { callers, httpMatrix, permissionMatrix, type Caller, type HttpRequestCase } from './testing/permission-matrix';

const refusedCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** Every HTTP route Nest serves from a controller, as `METHOD /path` (GraphQL's own route is Mercurius's, not a controller's). */
function httpRoutes(api: ApiHarness): string[] {
  const routes: string[] = [];
  const join = (...parts: string[]) =>
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/');
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as { prototype: Record<string, unknown> } | null;
      if (!type) continue;
      const bases = [Reflect.getMetadata(PATH_METADATA, type) ?? ''].flat() as string[];
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const base of bases) for (const path of [paths].flat()) routes.push(`${method} ${join(base, path)}`);
      }
    }
  }
  return [...new Set(routes)].sort();
}

describe('permission matrix: every operation and HTTP route x anonymous and the five roles', () => {
  let api: ApiHarness;
  let operations: string[];

  beforeAll(async () => {
    api = await ApiHarness.start({ SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const { schema } = api.app.get(GraphQLSchemaHost);
    operations = [...Object.keys(schema.getQueryType()?.getFields() ?? {}), ...Object.keys(schema.getMutationType()?.getFields() ?? {})].sort();
  });
  afterAll(() => api?.close());

  it('has a row for every operation in the schema, and no row for one that is gone', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual(operations);
  });

  const cases: [string, Caller][] = Object.keys(permissionMatrix).flatMap((op) => callers.map((caller) => [op, caller] as [string, Caller]));

  it.each(cases)('%s as %s', async (operation, caller) => {
    const row = permissionMatrix[operation];
    const token = caller === 'ANONYMOUS' ? undefined : await api.tokenFor(caller, row.freshSession);
    const result = await api.graphql(row.document, row.variables, token);
    const code = result.errors?.[0]?.extensions?.code;
    const refused = code !== undefined && refusedCodes.has(code) && result.errors?.[0]?.message !== 'E-mail or password is incorrect';
    const expected = row.allowed.includes(caller) ? 'allowed' : 'refused';
    expect({ operation, caller, outcome: refused ? 'refused' : 'allowed', code }).toEqual({
      operation,
      caller,
      outcome: expected,
      code: expected === 'refused' ? code : expect.not.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/),
    });
  });

  it('has a row for every HTTP route, and no row for one that is gone', () => {
    expect(Object.keys(httpMatrix).sort()).toEqual(httpRoutes(api));
  });

  const routeCases: [string, Caller][] = Object.keys(httpMatrix).flatMap((route) => callers.map((caller) => [route, caller] as [string, Caller]));

  it.each(routeCases)('%s as %s', async (route, caller) => {
    const token = caller === 'ANONYMOUS' ? undefined : await api.tokenFor(caller);
    // The shared ability of this caller, as the API builds it for a request.
    const ability: AppAbility | null = token ? (await api.app.get(SessionService).contextFor({ headers: { authorization: `Bearer ${token}` } })).ability : null;
    const requests: HttpRequestCase[] = httpMatrix[route](api.app.get(TransferRegistry));
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      const response = await api.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: request.method,
          url: request.url,
          headers: { ...(request.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(request.body === undefined ? {} : { payload: request.body }),
        });
      const code = response.headers['content-type']?.toString().includes('json') ? response.json()?.errors?.[0]?.extensions?.code : undefined;
      const refused = response.statusCode === 401 || response.statusCode === 403;
      const expected = request.allowed(ability) ? 'allowed' : 'refused';
      expect({ case: request.label, caller, outcome: refused ? 'refused' : 'allowed', status: response.statusCode < 500 }).toEqual({
        case: request.label,
        caller,
        outcome: expected,
        status: true,
      });
      if (refused) expect(refusedCodes.has(code)).toBe(true);
    }
  });
});
