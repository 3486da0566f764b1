import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable, type EntryContext, type HandleErrorFunction } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { requestIdFor } from './utils/api.server';
// server.js wraps each request with these (the client's address for the API calls).
export { trustedProxies, withClientAddress } from './utils/client-address.server';
import { contentSecurityPolicy, newNonce } from './utils/content-security-policy.server';
import { NonceContext } from './utils/nonce';

// Remix's default Node entry, kept here so the app owns it (Remix would otherwise
// look for its runtime in this app's package.json), plus the request id and the
// Content-Security-Policy with this response's nonce.

// Deferred data must settle within this time (single fetch reads this export).
export const streamTimeout = 5_000;

export default function handleRequest(request: Request, status: number, headers: Headers, remixContext: EntryContext) {
  // Crawlers get the whole page at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  headers.set('x-request-id', requestIdFor(request));
  const nonce = newNonce();
  headers.set('Content-Security-Policy', contentSecurityPolicy(nonce, { development: import.meta.env.DEV }));

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const app = (
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      // React's own inline scripts (streamed Suspense boundaries) carry it too.
      nonce,
      [waitForAll ? 'onAllReady' : 'onShellReady']() {
        shellRendered = true;
        const body = new PassThrough();
        headers.set('Content-Type', 'text/html; charset=utf-8');
        resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        // Errors before the shell reject above and Remix logs them.
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}

// Server-side errors are logged with the request id; the browser only ever sees
// the error page (Remix strips messages and stacks in production).
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  console.error(`[staff] request ${requestIdFor(request)} ${request.method} ${new URL(request.url).pathname} failed:`, error);
};
