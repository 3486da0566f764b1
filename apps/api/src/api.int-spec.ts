import 'reflect-metadata';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GraphQLObjectType } from 'graphql';
import { ApiHarness } from './testing/api-harness';

describe('API over HTTP (real PostgreSQL and Redis)', () => {
  let api: ApiHarness;
  let app: NestFastifyApplication;
  let token: string;
  const schemaFile = path.join(mkdtempSync(path.join(tmpdir(), 'crm-schema-')), 'schema.gql');

  const graphql = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
    return { status: response.statusCode, body: response.json(), raw: response.body };
  };

  beforeAll(async () => {
    api = await ApiHarness.start({ GRAPHQL_MAX_COST: '20' }, { schemaFile });
    app = api.app;
    token = await api.tokenFor('STAFF');
  });

  afterAll(() => api?.close());

  it('serves the default campaign with its three policy asks in both languages', async () => {
    const { status, body } = await graphql({ query: '{ defaultCampaign { nameEn nameFr policyAsks { position titleEn titleFr } } }' });
    expect(status).toBe(200);
    expect(body.data.defaultCampaign.nameEn).toBe('Protecting Refugees = Stronger Communities');
    expect(body.data.defaultCampaign.nameFr).toBe('Protéger les réfugiés = des communautés plus fortes');
    expect(body.data.defaultCampaign.policyAsks.map((ask: { position: number }) => ask.position)).toEqual([1, 2, 3]);
  });

  it('lists the 13 provinces and territories with French names', async () => {
    const { body } = await graphql({ query: '{ provinces { code nameFr } }' });
    expect(body.data.provinces).toHaveLength(13);
    expect(body.data.provinces).toContainEqual({ code: 'QC', nameFr: 'Québec' });
  });

  it('answers a malformed query with a parse error and no stack trace', async () => {
    const { status, body, raw } = await graphql({ query: '{ defaultCampaign { nameEn ' });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(raw).not.toMatch(/stack|at .*\.js/);
  });

  it('answers a body that is not JSON with a parse error', async () => {
    const { status, body } = await graphql('{"query":');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a body over 1 MiB with PAYLOAD_TOO_LARGE', async () => {
    const { status, body } = await graphql({ query: `{ provinces { code } } # ${'x'.repeat(1024 * 1024)}` });
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a query nested deeper than the limit', async () => {
    const deep = '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }';
    const { status, body } = await graphql({ query: deep });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/depth/);
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: provinces { code }`).join(' ');
    const { body } = await graphql({ query: `{ ${aliases} }` });
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/alias/i);
  });

  it('refuses a query whose cost is over the limit', async () => {
    // The limit is configurable; this app runs with GRAPHQL_MAX_COST=20 so a small query shows it.
    const { body } = await graphql({
      query: `{ a: regions { id code nameEn nameFr provinces { code nameEn nameFr } } b: regions { id code nameEn nameFr provinces { code nameEn nameFr } } }`,
    });
    expect(body.errors?.[0]?.message).toMatch(/cost/i);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const cheap = await graphql({ query: '{ provinces { code } }' });
    expect(cheap.body.errors).toBeUndefined();
  });

  it('prices page sizes given as variables, on every run of a cached and compiled query', async () => {
    // Costs 8 with pages of one, 24 with pages of two (limit 20). Mercurius caches the
    // validated document and compiles it after its first run: the check must hold on each.
    const query = 'query($n: Int, $m: Int) { organizations(first: $n) { nodes { people(first: $m) { id firstName } } } }';
    const spread = `query($n: Int, $m: Int) { organizations(first: $n) { ...Page } }
      fragment Page on OrganizationConnection { nodes { people(first: $m) { id firstName } } }`;
    for (const document of [query, spread]) {
      for (let run = 0; run < 3; run++) {
        const cheap = await graphql({ query: document, variables: { n: 1, m: 1 } });
        expect([cheap.status, cheap.body.errors]).toEqual([200, undefined]);
        const dear = await graphql({ query: document, variables: { n: 2, m: 2 } });
        expect(dear.status).toBe(400);
        expect(dear.body.errors[0]).toMatchObject({ message: 'Query cost limit of 20 exceeded, found 24.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
        expect(dear.body.data).toBeNull();
      }
    }
    const defaults = await graphql({ query: 'query($n: Int = 2, $m: Int = 2) { organizations(first: $n) { nodes { people(first: $m) { id firstName } } } }' });
    expect(defaults.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('asks an anonymous caller to sign in', async () => {
    const { body } = await graphql({ query: '{ defaultCampaign { id } }' }, { authorization: '' });
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('names unknown fields as validation errors', async () => {
    const { status, body } = await graphql({ query: '{ nope }' });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('reports ready when PostgreSQL and Redis answer', async () => {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json().info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('echoes a safe request id and makes one up otherwise', async () => {
    const given = await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'req-12345678' } });
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const made = await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'bad id <script>' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads plain fields inline, and keeps every field resolver and its guard (decision 114)', async () => {
    const { schema } = app.get(GraphQLSchemaHost);
    const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
    expect(fields('Person').firstName.resolve).toBeUndefined();
    expect(fields('PageInfo').endCursor.resolve).toBeUndefined();
    expect(fields('Organization').notes.resolve).toBeDefined();
    expect(fields('Organization').people.resolve).toBeDefined();
    expect(fields('Query').people.resolve).toBeDefined();
    // Inline fields and a field resolver side by side, compiled (from the second run on) as first run.
    const created = await graphql({
      query: 'mutation($input: CreateOrganizationInputType!) { createOrganization(input: $input) { id } }',
      variables: { input: { kind: 'settlement_agency', nameEn: 'Inline Fields Hall', provinceCode: 'ON', notes: 'Internal note' } },
    });
    const { id } = created.body.data.createOrganization;
    const body = { query: 'query($id: ID!) { organization(id: $id) { id nameEn notes people(first: 1) { id } } }', variables: { id } };
    const first = await graphql(body);
    expect(first.body).toEqual({ data: { organization: { id, nameEn: 'Inline Fields Hall', notes: 'Internal note', people: [] } } });
    for (let run = 0; run < 3; run++) expect((await graphql(body)).raw).toBe(first.raw);
  });

  it('has the committed schema.gql up to date with the code', () => {
    const generated = readFileSync(schemaFile, 'utf8');
    const committed = readFileSync(path.resolve(__dirname, '../schema.gql'), 'utf8');
    expect(committed).toBe(generated);
  });
});
