import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';

// Who is on the other end of a request, for the API's per-address sign-in
// budget (decision 065). Only the server (server.js) knows the socket, and only
// X-Forwarded-For entries added by proxies we trust can be believed; Remix's
// Request carries neither, so server.js runs each request inside
// withClientAddress and apiHeaders() reads it back.

type Trust = (address: string, hop: number) => boolean;

/**
 * STAFF_TRUSTED_PROXIES: the proxies in front of this server, as addresses,
 * CIDR ranges or loopback/linklocal/uniquelocal, comma-separated. Unset, none:
 * browsers talk to us directly and the socket's peer is the client.
 */
export function trustedProxies(setting: string | undefined): Trust {
  const entries = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  entries.forEach((entry, index) => {
    try {
      proxyAddr.compile(entry);
    } catch {
      throw new Error(`STAFF_TRUSTED_PROXIES: entry ${index + 1} is not an IP address, a CIDR range or loopback/linklocal/uniquelocal`);
    }
  });
  return proxyAddr.compile(entries);
}

/** The client: the socket's peer, or the nearest address in X-Forwarded-For that a trusted proxy did not add. */
export function clientAddressOf(request: IncomingMessage, trust: Trust): string | undefined {
  if (!request.socket.remoteAddress) return undefined;
  const address = proxyAddr(request, trust);
  // A trusted proxy that wrote garbage: better no address than a made-up one.
  return isIP(address) ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') : undefined;
}

const current = new AsyncLocalStorage<string | undefined>();

/** server.js: runs the app's handling of `request` knowing its client's address. */
export function withClientAddress<T>(request: IncomingMessage, trust: Trust, handle: () => T): T {
  return current.run(clientAddressOf(request, trust), handle);
}

/** The address of the client whose request is being handled, if server.js said so. */
export function currentClientAddress(): string | undefined {
  return current.getStore();
}
