import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  Kind,
  parse,
  type DefinitionNode,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  visit,
} from 'graphql';
import { parseConfig } from '@crm/platform';
import { defaultPageSize } from '@crm/contracts';
import { costLimitHook, maxPageSize, queryCost } from './query-cost';

const root = join(__dirname, '../../../..');
const schema = buildSchema(readFileSync(join(root, 'apps/api/schema.gql'), 'utf8'));
const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables);

// One query (organizations, each with its people), written every way GraphQL
// allows; each must cost what it fetches, however the page sizes are written.
function variantsOf(n: number, m: number): [string, string, Record<string, unknown>?][] {
  return [
    ['literal arguments', `{ organizations(first: ${n}) { nodes { people(first: ${m}) { id firstName } } } }`],
    ['variables', 'query($n: Int, $m: Int) { organizations(first: $n) { nodes { people(first: $m) { id firstName } } } }', { n, m }],
    ['non-null variables', 'query($n: Int!, $m: Int!) { organizations(first: $n) { nodes { people(first: $m) { id firstName } } } }', { n, m }],
    ['variable defaults', `query($n: Int = ${n}, $m: Int = ${m}) { organizations(first: $n) { nodes { people(first: $m) { id firstName } } } }`],
    ['a default overridden', 'query($n: Int = 1, $m: Int = 1) { organizations(first: $n) { nodes { people(first: $m) { id firstName } } } }', { n, m }],
    ['one literal, one variable', `query($m: Int) { organizations(first: ${n}) { nodes { people(first: $m) { id firstName } } } }`, { m }],
    [
      'fragment spreads',
      `query($n: Int, $m: Int) { organizations(first: $n) { ...Page } }
       fragment Page on OrganizationConnection { nodes { ...Org } }
       fragment Org on Organization { people(first: $m) { ...Who } }
       fragment Who on Person { id firstName }`,
      { n, m },
    ],
    [
      'inline fragments',
      `query($n: Int, $m: Int) { organizations(first: $n) { ... on OrganizationConnection {
         nodes { ... { people(first: $m) { ... on Person { id firstName } } } } } } }`,
      { n, m },
    ],
    ['aliases', `query($m: Int) { orgs: organizations(first: ${n}) { items: nodes { folks: people(first: $m) { key: id name: firstName } } } }`, { m }],
    [
      'a variable inside @include',
      'query($n: Int, $m: Int, $yes: Boolean!) { organizations(first: $n) { nodes { people(first: $m) @include(if: $yes) { id firstName } } } }',
      { n, m, yes: true },
    ],
  ];
}

describe('query cost', () => {
  it.each([
    [200, 200],
    [10, 30],
    [1, 1],
  ])('is the same for every way of writing first: %i and people(first: %i)', (n, m) => {
    const costs = variantsOf(n, m).map(([name, query, variables]) => [name, cost(query, variables)]);
    const literal = costs[0][1];
    expect(costs).toEqual(costs.map(([name]) => [name, literal]));
  });

  it('grows with the page sizes the variables ask for', () => {
    const query = 'query($n: Int, $m: Int) { organizations(first: $n) { nodes { people(first: $m) { id firstName } } } }';
    expect(cost(query, { n: 200, m: 200 })).toBeGreaterThan(100 * cost(query, { n: 10, m: 10 }));
  });

  it('assumes the default page when a list is not told its size (what the resolvers then answer)', () => {
    const asked = `{ organizations(first: ${defaultPageSize}) { nodes { people(first: ${defaultPageSize}) { id } } } }`;
    expect(cost('{ organizations { nodes { people { id } } } }')).toBe(cost(asked));
    expect(cost('query($n: Int) { organizations(first: $n) { nodes { people(first: null) { id } } } }', {})).toBe(cost(asked));
    expect(maxPageSize).toBe(200);
  });

  it('counts each alias of a field', () => {
    const one = cost('{ organizations(first: 50) { nodes { id } } }');
    expect(cost('{ a: organizations(first: 50) { nodes { id } } b: organizations(first: 50) { nodes { id } } }')).toBe(2 * one);
  });

  it('leaves out what @skip or @include leave out', () => {
    const query = 'query($no: Boolean!) { provinces { code } organizations(first: 200) @skip(if: $no) { nodes { id } } }';
    expect(cost(query, { no: true })).toBe(cost('{ provinces { code } }'));
    expect(cost(query, { no: false })).toBeGreaterThan(cost('{ provinces { code } }'));
  });

  it('lets every staff screen query through at the largest page size', () => {
    const dir = join(root, 'libs/staff/graphql/src/operations');
    const definitions: DefinitionNode[] = readdirSync(dir).flatMap((file) => parse(readFileSync(join(dir, file), 'utf8')).definitions);
    const fragments = definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
    const queries = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query');
    expect(queries.length).toBeGreaterThan(10);
    const limit = parseConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/x' }).GRAPHQL_MAX_COST;
    for (const query of queries) {
      // Required variables get a stand-in; optional page sizes the largest page.
      const variables = Object.fromEntries(
        (query.variableDefinitions ?? []).flatMap((v) =>
          v.type.kind === Kind.NON_NULL_TYPE ? [[v.variable.name.value, standIn(v.type)]] : isInt(v.type) ? [[v.variable.name.value, maxPageSize]] : [],
        ),
      );
      const total = queryCost(schema, { kind: Kind.DOCUMENT, definitions: [query, ...fragments] }, variables);
      expect([query.name?.value, total <= limit / 2]).toEqual([query.name?.value, true]);
    }
  });

  it('asks no staff list for a literal page larger than the API answers (the calendar once asked for 500)', () => {
    const dir = join(root, 'libs/staff/graphql/src/operations');
    const tooLarge: string[] = [];
    for (const file of readdirSync(dir)) {
      visit(parse(readFileSync(join(dir, file), 'utf8')), {
        Argument(node) {
          if (node.name.value === 'first' && node.value.kind === Kind.INT && Number(node.value.value) > maxPageSize)
            tooLarge.push(`${file}: first: ${node.value.value}`);
        },
      });
    }
    expect(tooLarge).toEqual([]);
  });
});

function isInt(type: { kind: string; name?: { value: string } }): boolean {
  return type.kind === Kind.NAMED_TYPE && type.name?.value === 'Int';
}

function standIn(type: { kind: string; type?: unknown; name?: { value: string } }): unknown {
  const named = (type.kind === Kind.NON_NULL_TYPE ? (type.type as { name?: { value: string } }) : type).name?.value;
  return standInFor(named ? schema.getType(named) : undefined);
}

// A value of a named type: an input object gets its required fields (a duplicates check's name), an enum its first value.
function standInFor(type: GraphQLNamedType | null | undefined): unknown {
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, standInFor(getNamedType(field.type))]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  return type?.name === 'Boolean' ? true : type?.name === 'Int' ? 1 : 'x';
}

describe('costLimitHook', () => {
  const query = parse('query($n: Int, $m: Int) { organizations(first: $n) { nodes { people(first: $m) { id firstName } } } }');
  const hook = costLimitHook(20000);

  it('refuses a query whose variables make it cost more than the limit, as a validation error', async () => {
    const refusal = await hook(schema, query, {}, { n: 200, m: 200 }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'MER_ERR_GQL_VALIDATION', statusCode: 400 });
    expect((refusal as { errors: Error[] }).errors[0].message).toMatch(/^Query cost limit of 20000 exceeded, found \d+\.$/);
  });

  it('lets the same query through with small pages', async () => {
    await expect(hook(schema, query, {}, { n: 20, m: 10 })).resolves.toBeUndefined();
  });

  it('judges each request by its own variables when the same parsed document comes back', async () => {
    const reused = parse(
      'query($n: Int = 200, $m: Int, $q: String) { organizations(first: $n, filter: { search: $q }) { nodes { people(first: $m) { id } } } }',
    );
    const limited = costLimitHook(cost('{ organizations(first: 10) { nodes { people(first: 10) { id } } } }'));
    for (let round = 0; round < 3; round++) {
      await expect(limited(schema, reused, {}, { n: 10, m: 10, q: `round ${round}` })).resolves.toBeUndefined();
      // Unset takes the default (200); an explicit null means "the resolver's default", priced as the largest page.
      await expect(limited(schema, reused, {}, { m: 10 })).rejects.toMatchObject({ statusCode: 400 });
      await expect(limited(schema, reused, {}, { n: null, m: 10 })).rejects.toMatchObject({ statusCode: 400 });
      await expect(limited(schema, reused, {}, { n: 10, m: 11 })).rejects.toMatchObject({ statusCode: 400 });
    }
    // Many different page sizes in a row: still each one judged.
    for (let m = 1; m <= 150; m++) {
      const outcome = limited(schema, reused, {}, { n: 10, m });
      await (m <= 10 ? expect(outcome).resolves.toBeUndefined() : expect(outcome).rejects.toMatchObject({ statusCode: 400 }));
    }
  });

  it('refuses variables it cannot read rather than guessing', async () => {
    const refusal = await hook(schema, query, {}, { n: 'many' }).catch((error: unknown) => error);
    expect((refusal as { errors: Error[] }).errors[0].message).toMatch(/\$n/);
  });
});
