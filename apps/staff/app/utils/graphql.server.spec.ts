import type { IncomingMessage } from 'node:http';
import { DashboardDocument } from '@crm/staff-graphql';
import { trustedProxies, withClientAddress } from './client-address.server';
import { ApiError, gql } from './graphql.server';
import { sessionCookie } from './test-requests';

const campaign = { id: '1', slug: 'prsc', nameEn: 'A', nameFr: 'B', startsOn: null, endsOn: null, isDefault: true, policyAsks: [] };

function answer(body: unknown, status = 200) {
  return jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

const incoming = () => new Request('http://staff.test/', { headers: { 'x-request-id': 'req-1', Cookie: 'lang=fr' } });

describe('gql', () => {
  afterEach(() => jest.restoreAllMocks());

  it('posts the printed operation to the API and returns typed data', async () => {
    const fetch = answer({ data: { defaultCampaign: campaign } });
    const data = await gql(DashboardDocument, {}, { request: incoming() });
    expect(data.defaultCampaign.nameFr).toBe('B');

    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:4000/graphql');
    expect(JSON.parse(String(init.body)).query).toContain('query Dashboard');
    expect(init.headers).toMatchObject({ 'x-request-id': 'req-1', 'accept-language': 'fr' });
  });

  it('sends no credentials for someone who is not signed in', async () => {
    const fetch = answer({ data: { defaultCampaign: campaign } });
    await gql(DashboardDocument, {}, { request: incoming() });
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(init.headers).not.toHaveProperty('authorization');
  });

  it('sends the session’s token as a bearer token, and the client address server.js worked out, not the header the browser sent', async () => {
    const fetch = answer({ data: { defaultCampaign: campaign } });
    const request = new Request('http://staff.test/', { headers: { Cookie: await sessionCookie('tok-123'), 'x-forwarded-for': '203.0.113.9' } });
    const socket = { socket: { remoteAddress: '198.51.100.4' }, headers: { 'x-forwarded-for': '203.0.113.9' } } as unknown as IncomingMessage;
    await withClientAddress(socket, trustedProxies(undefined), () => gql(DashboardDocument, {}, { request }));
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(init.headers).toMatchObject({ authorization: 'Bearer tok-123', 'x-forwarded-for': '198.51.100.4' });
  });

  it('throws an ApiError carrying extensions.code', async () => {
    answer({ data: null, errors: [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }] });
    await expect(gql(DashboardDocument, {}, { request: incoming() })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Not allowed' });
  });

  it('reads the field problems of BAD_USER_INPUT', async () => {
    answer({
      data: null,
      errors: [{ message: 'Invalid', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'email'], message: 'is required' }, { bogus: true }] } }],
    });
    const error = (await gql(DashboardDocument, {}, { request: incoming() }).catch((e: unknown) => e)) as ApiError;
    expect(error.fields).toEqual([{ path: ['input', 'email'], message: 'is required' }]);
  });

  it('says API_UNREACHABLE when the API does not answer', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    const error = await gql(DashboardDocument, {}, { request: incoming() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'API_UNREACHABLE' });
  });

  it('says BAD_RESPONSE for an answer that is not GraphQL', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(gql(DashboardDocument, {}, { request: incoming() })).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
  });
});
