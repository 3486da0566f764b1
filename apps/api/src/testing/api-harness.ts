import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { hashPassword } from '@crm/identity';
import { createDataSource, parseConfig, type AppConfig } from '@crm/platform';
import { createTestDatabase, privateRedis, type PrivateRedis, type TestDatabase } from '@crm/platform/testing';
import { demoPassword, demoUsers, seedDemoUsers, seedReferenceData } from '@crm/seed-data';
import { DataSource } from 'typeorm';
import { createApi } from '../bootstrap';

export type DemoRole = (typeof demoUsers)[number]['role'] | 'COORDINATOR_QC';

export interface GraphqlResult {
  status: number;
  data: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions?: { code?: string; fields?: { path: (string | number)[]; code: string; params?: Record<string, unknown>; message: string }[] };
  }[];
}

/**
 * The real API on a fresh, migrated, seeded database and a Redis of its own:
 * what integration tests talk to. Requests go through Fastify's inject (no port).
 * The API connects as the application role (crm_app), as in production, so a
 * missing grant fails the tests that need it; the seed runs as the owner.
 */
export class ApiHarness {
  private tokens = new Map<string, string>();
  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: TestDatabase,
    readonly redis: PrivateRedis,
    readonly config: AppConfig,
    /** As the owner (crm_owner): for setup the application may not do (the seed, checks that even the owner is refused). */
    readonly ownerDataSource: DataSource,
  ) {}

  static async start(overrides: Record<string, string> = {}, options: { schemaFile?: string } = {}): Promise<ApiHarness> {
    const database = await createTestDatabase();
    const redis = await privateRedis();
    await redis.start();
    const config = parseConfig({ DATABASE_URL: database.url, REDIS_URL: redis.url, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
    const app = await createApi(config, { logs: false, schemaFile: options.schemaFile });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const hash = await hashPassword(demoPassword);
    const ownerDataSource = createDataSource(database.ownerUrl, [], 2);
    await ownerDataSource.initialize();
    await ownerDataSource.transaction(async (manager) => {
      await seedReferenceData(manager);
      await seedDemoUsers(manager, hash);
    });
    return new ApiHarness(app, database, redis, config, ownerDataSource);
  }

  /** The API's own connection pool, as the application role. */
  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  async graphql(query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<GraphqlResult> {
    const response = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        payload: JSON.stringify({ query, variables }),
      });
    const body = response.json();
    return { status: response.statusCode, data: body.data ?? null, errors: body.errors };
  }

  static emailFor(role: DemoRole): string {
    if (role === 'COORDINATOR') return 'ontario@demo.coalition.invalid';
    if (role === 'COORDINATOR_QC') return 'quebec@demo.coalition.invalid';
    return demoUsers.find((u) => u.role === role)!.email;
  }

  /** Signs in as a demo user (cached token unless fresh). */
  async tokenFor(role: DemoRole, fresh = false): Promise<string> {
    if (!fresh && this.tokens.has(role)) return this.tokens.get(role)!;
    const token = await this.signIn(ApiHarness.emailFor(role), demoPassword);
    if (!fresh) this.tokens.set(role, token);
    return token;
  }

  async signIn(email: string, password: string): Promise<string> {
    const result = await this.graphql(`mutation($input: SignInInputType!) { signIn(input: $input) { token } }`, { input: { email, password } });
    if (result.errors) throw new Error(`sign-in as ${email} failed: ${result.errors[0].message}`);
    return (result.data!.signIn as { token: string }).token;
  }

  async close(): Promise<void> {
    await this.app?.close();
    await this.ownerDataSource?.destroy();
    await this.redis?.stop();
    await this.database?.drop();
  }
}
