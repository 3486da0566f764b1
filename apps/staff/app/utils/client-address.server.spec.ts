import type { IncomingMessage } from 'node:http';
import { apiHeaders } from './api.server';
import { clientAddressOf, currentClientAddress, trustedProxies, withClientAddress } from './client-address.server';

function incoming(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  return { socket: { remoteAddress }, connection: { remoteAddress }, headers } as unknown as IncomingMessage;
}

describe('the client address the staff server works out', () => {
  it('is the socket peer when no proxy is trusted (the default), whatever X-Forwarded-For says', () => {
    const none = trustedProxies(undefined);
    expect(clientAddressOf(incoming('198.51.100.7'), none)).toBe('198.51.100.7');
    expect(clientAddressOf(incoming('198.51.100.7', '203.0.113.1'), none)).toBe('198.51.100.7');
    expect(clientAddressOf(incoming('127.0.0.1', '203.0.113.1'), trustedProxies(''))).toBe('127.0.0.1');
  });

  it('takes X-Forwarded-For from trusted proxies only, right to left, stopping at the first address they did not add', () => {
    const trust = trustedProxies('10.0.0.0/8, 192.0.2.10');
    expect(clientAddressOf(incoming('10.1.2.3', '203.0.113.5'), trust)).toBe('203.0.113.5');
    // A client-written entry to the left of the real one is not believed.
    expect(clientAddressOf(incoming('10.1.2.3', '1.1.1.1, 203.0.113.5'), trust)).toBe('203.0.113.5');
    // Two trusted hops.
    expect(clientAddressOf(incoming('10.1.2.3', '203.0.113.5, 192.0.2.10'), trust)).toBe('203.0.113.5');
    // Not from a trusted proxy: the header is ignored.
    expect(clientAddressOf(incoming('198.51.100.7', '203.0.113.5'), trust)).toBe('198.51.100.7');
  });

  it('gives IPv4 clients of an IPv6 socket their IPv4 address, and no address for garbage', () => {
    expect(clientAddressOf(incoming('::ffff:198.51.100.7'), trustedProxies(undefined))).toBe('198.51.100.7');
    expect(clientAddressOf(incoming('10.0.0.1', 'not-an-address'), trustedProxies('10.0.0.1'))).toBeUndefined();
  });

  it('refuses a bad STAFF_TRUSTED_PROXIES entry by its position', () => {
    expect(() => trustedProxies('10.0.0.1, proxy.internal')).toThrow('STAFF_TRUSTED_PROXIES: entry 2 is not an IP address');
  });
});

describe('apiHeaders', () => {
  const request = () => new Request('http://staff.test/sign-in', { method: 'POST', headers: { 'x-forwarded-for': '6.6.6.6' } });

  it("sends the API the client address of the request being handled, never the browser's X-Forwarded-For", async () => {
    const trust = trustedProxies(undefined);
    const [first, second] = await Promise.all([
      withClientAddress(incoming('198.51.100.1', '6.6.6.6'), trust, () => apiHeaders(request())),
      withClientAddress(incoming('198.51.100.2'), trust, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return apiHeaders(request());
      }),
    ]);
    expect(first['x-forwarded-for']).toBe('198.51.100.1');
    expect(second['x-forwarded-for']).toBe('198.51.100.2');
  });

  it('sends no address outside server.js (vite dev, tests): the API then counts the staff server itself', async () => {
    expect(currentClientAddress()).toBeUndefined();
    expect((await apiHeaders(request()))['x-forwarded-for']).toBeUndefined();
  });
});
