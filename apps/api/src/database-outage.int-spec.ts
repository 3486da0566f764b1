import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { hashPassword } from '@crm/identity';
import { createDataSource, parseConfig } from '@crm/platform';
import { createTestDatabase, privateRedis, tcpProxy, type PrivateRedis, type TcpProxy, type TestDatabase } from '@crm/platform/testing';
import { demoPassword, demoUsers, seedDemoUsers, seedReferenceData } from '@crm/seed-data';
import type { InjectOptions } from 'fastify';
import { createApi } from './bootstrap';

// PostgreSQL going away under a running API, through a proxy the test cuts:
// every kind of entry point must answer in the API's error shape with a code,
// naming nothing of the machinery behind it, and the API must come back by
// itself as soon as PostgreSQL does.

const admin = demoUsers.find((user) => user.role === 'ADMIN')!.email;
const staff = demoUsers.find((user) => user.role === 'STAFF')!.email;

describe('API while PostgreSQL is unavailable', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let pgPort: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await privateRedis();
    await redis.start();
    const url = new URL(database.url);
    pgPort = url.port || '5432';
    proxy = await tcpProxy({ host: url.hostname, port: Number(pgPort) });
    url.port = String(proxy.port);
    // Sessions are cached for a minute, so one token's session is in memory and the other's is not.
    const config = parseConfig({ DATABASE_URL: url.toString(), REDIS_URL: redis.url, NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_CACHE_SECONDS: '60' });
    app = await createApi(config, { logs: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    // The seed runs as the owner (decision 067); the API connects as the application role.
    const hash = await hashPassword(demoPassword);
    const owner = createDataSource(database.ownerUrl, [], 1);
    await owner.initialize();
    await owner.transaction(async (manager) => {
      await seedReferenceData(manager);
      await seedDemoUsers(manager, hash);
    });
    await owner.destroy();
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.close();
    await redis?.stop();
    await database?.drop();
  });

  const inject = (options: InjectOptions) => app.getHttpAdapter().getInstance().inject(options);
  const graphql = (query: string, token?: string) =>
    inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query }),
    });
  const signIn = async (email: string) => {
    const response = await graphql(`mutation { signIn(input: { email: "${email}", password: "${demoPassword}" }) { token } }`);
    return response.json().data.signIn.token as string;
  };

  it('answers every request with SERVICE_UNAVAILABLE and no internals, and serves again within a second of PostgreSQL', async () => {
    const cached = await signIn(admin);
    expect((await graphql('{ me { id } }', cached)).statusCode).toBe(200); // now in the session cache
    const uncached = await signIn(staff);

    proxy.cut();
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const answers = {
      // The session lookup in the GraphQL context (not cached): was Fastify's raw 500 naming host and port.
      'context: session lookup': await graphql('{ me { id } }', uncached),
      // A cached session: the resolver's query fails.
      'resolver: list': await graphql('{ people(first: 1) { nodes { id } } }', cached),
      // A public mutation.
      'resolver: sign-in': await graphql(`mutation { signIn(input: { email: "${admin}", password: "wrong-password-1" }) { token } }`),
      'route: CSV export': await inject({ method: 'GET', url: '/export/people.csv', headers: auth(uncached) }),
      'route: CSV upload': await inject({
        method: 'POST',
        url: '/imports?kind=people&filename=x.csv',
        headers: { ...auth(cached), 'content-type': 'text/csv' },
        payload: 'First Name,Last Name\r\nAmina,Haddad\r\n',
      }),
      'route: readiness': await inject({ method: 'GET', url: '/health/ready' }),
    };
    for (const [where, response] of Object.entries(answers)) {
      const body = response.json();
      expect({ where, status: response.statusCode, code: body.errors?.[0]?.extensions?.code }).toEqual({ where, status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      // No host, port, driver error, SQL or stack trace.
      for (const secret of [/127\.0\.0\.1|localhost/, new RegExp(`\\b(${proxy.port}|${pgPort})\\b`), /ECONN|terminated|SELECT|FROM |\bat \S+\.js/i]) {
        expect({ where, body: response.body }).not.toEqual({ where, body: expect.stringMatching(secret) });
      }
    }
    expect(answers['route: readiness'].json().details.database).toEqual({ status: 'down', message: 'not reachable' });

    proxy.restore();
    const restoredAt = Date.now();
    let back: number | undefined;
    while (Date.now() - restoredAt < 5000) {
      const response = await graphql('{ me { id } }', uncached);
      if (response.statusCode === 200 && response.json().data?.me?.id) {
        back = Date.now() - restoredAt;
        break;
      }
    }
    expect(back).toBeLessThan(1000);
  });

  it('answers an unknown path and a malformed body in the same error shape', async () => {
    const missing = await inject({ method: 'GET', url: '/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ errors: [{ message: 'Cannot GET /nope', extensions: { code: 'NOT_FOUND' } }] });
    const malformed = await inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{bad' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
