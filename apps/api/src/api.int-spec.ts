import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseConfig } from '@crm/platform';
import { createTestDatabase, type TestDatabase } from '@crm/platform/testing';
import { DataSource } from 'typeorm';
import { seedReferenceData } from '@crm/seed';
import { createApi } from './bootstrap';

describe('API over HTTP (real PostgreSQL and Redis)', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  const schemaFile = path.join(mkdtempSync(path.join(tmpdir(), 'crm-schema-')), 'schema.gql');

  const graphql = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await app.getHttpAdapter().getInstance().inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.statusCode, body: response.json(), raw: response.body };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = parseConfig({ DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    app = await createApi(config, { schemaFile, logs: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(DataSource).transaction((manager) => seedReferenceData(manager));
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

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
    const given = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'req-12345678' } });
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const made = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'bad id <script>' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('has the committed schema.gql up to date with the code', () => {
    const generated = readFileSync(schemaFile, 'utf8');
    const committed = readFileSync(path.resolve(__dirname, '../schema.gql'), 'utf8');
    expect(committed).toBe(generated);
  });
});
