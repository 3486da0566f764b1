import { fetchApiHealth } from './api-health.server';

const incoming = () => new Request('http://staff.test/');

function answer(body: unknown, status: number) {
  jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(body), { status }));
}

describe('fetchApiHealth', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lists each component as up when the API is ready', async () => {
    answer(
      {
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      },
      200,
    );
    expect(await fetchApiHealth(incoming())).toEqual({
      reachable: true,
      ok: true,
      components: [
        { name: 'database', up: true },
        { name: 'redis', up: true },
      ],
    });
  });

  it('reads a 503 with the failing component', async () => {
    answer({ status: 'error', info: { database: { status: 'up' } }, error: { redis: { status: 'down', message: 'ECONNREFUSED' } } }, 503);
    expect(await fetchApiHealth(incoming())).toEqual({
      reachable: true,
      ok: false,
      components: [
        { name: 'database', up: true },
        { name: 'redis', up: false },
      ],
    });
  });

  it('says unreachable instead of throwing when the API is down', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    expect(await fetchApiHealth(incoming())).toEqual({ reachable: false });
  });
});
