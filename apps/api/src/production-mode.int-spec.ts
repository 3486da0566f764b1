import { ApiHarness } from './testing/api-harness';

describe('API in production mode', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start({ NODE_ENV: 'production' });
  });
  afterAll(() => api?.close());

  it('refuses introspection', async () => {
    const token = await api.tokenFor('ADMIN');
    const result = await api.graphql('{ __schema { queryType { name } } }', {}, token);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/introspection/i);
  });

  it('serves no GraphiQL page', async () => {
    const response = await api.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/graphiql' });
    expect(response.statusCode).toBe(404);
  });

  // Hiding internal errors is covered by graphql-error-formatter.spec.ts; here, a refusal.
  it('answers a forged token with UNAUTHENTICATED and no stack trace', async () => {
    const result = await api.graphql('{ me { id } }', {}, 'x'.repeat(43));
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(result)).not.toMatch(/\bat \S+\.(js|ts):\d+/);
  });
});
