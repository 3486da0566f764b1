import 'reflect-metadata';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiHarness } from './testing/api-harness';

// Failed sign-ins are counted per client address; the address comes from
// X-Forwarded-For only when the peer is a trusted proxy (TRUSTED_PROXIES).
// Real sockets: this host answers on all of 127.0.0.0/8, so a client can pick
// its own source address (127.0.0.2 plays the trusted staff server, 127.0.0.1 a
// stranger).
describe('client address of sign-ins (real sockets, PostgreSQL, Redis)', () => {
  let api: ApiHarness;
  let port: number;
  const SIGN_IN = 'mutation($input: SignInInputType!) { signIn(input: $input) { token } }';
  let attempt = 0;

  beforeAll(async () => {
    api = await ApiHarness.start({ TRUSTED_PROXIES: '127.0.0.2', SIGNIN_MAX_FAILURES_PER_ADDRESS: '3', SIGNIN_MAX_FAILURES_PER_ACCOUNT: '100' });
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(() => api?.close());

  /** One wrong-password sign-in (a new account each time: only the address budget counts); answers the error code. */
  function failSignIn(from: string, forwardedFor?: string): Promise<string | undefined> {
    const body = JSON.stringify({ query: SIGN_IN, variables: { input: { email: `nobody${++attempt}@example.org`, password: 'not-the-password' } } });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, localAddress: from, method: 'POST', path: '/graphql', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function failures(times: number, from: string, forwardedFor?: (i: number) => string): Promise<(string | undefined)[]> {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < times; i++) codes.push(await failSignIn(from, forwardedFor?.(i)));
    return codes;
  }

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: rotating it buys no more guesses', async () => {
    const codes = await failures(5, '127.0.0.1', (i) => `198.51.100.${i + 1}`);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });

  it('believes X-Forwarded-For from a trusted proxy: each client behind it has its own budget', async () => {
    expect(await failures(4, '127.0.0.2', () => '203.0.113.10')).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);
    // Another person behind the same proxy is not locked out by the first.
    expect(await failures(1, '127.0.0.2', () => '203.0.113.11')).toEqual(['UNAUTHENTICATED']);
    // A proxy's own chain: the right-most address it did not add is the client.
    expect(await failures(1, '127.0.0.2', () => '10.0.0.1, 203.0.113.10')).toEqual(['TOO_MANY_REQUESTS']);
  });

  it("cannot be made to spend someone else's budget by a stranger naming their address", async () => {
    await failures(5, '127.0.0.1', () => '203.0.113.20');
    expect(await failures(1, '127.0.0.2', () => '203.0.113.20')).toEqual(['UNAUTHENTICATED']);
  });

  it('counts a trusted proxy that forwards no client address under its own address', async () => {
    expect(await failures(4, '127.0.0.2')).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);
  });
});
