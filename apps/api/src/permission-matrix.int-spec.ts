import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ApiHarness } from './testing/api-harness';
import { callers, permissionMatrix, type Caller } from './testing/permission-matrix';

const refusedCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

describe('permission matrix: every operation x anonymous and the five roles', () => {
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
});
