// The staff app's HTTP server: what remix-serve did (static assets, compression,
// a request log, the Remix handler), plus the address of each request's client,
// worked out from the socket and the proxies we trust (STAFF_TRUSTED_PROXIES),
// which the app's calls to the API carry for its per-address sign-in budget
// (decision 065). remix-serve cannot do that: Remix's Request has no socket.
//
// Run from apps/staff (assets are served relative to it): PORT=3000 node server.js
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { installGlobals } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import morgan from 'morgan';

process.env.NODE_ENV ??= 'production';

const build = await import(pathToFileURL(path.resolve('build/server/index.js')).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });
// Exported by app/entry.server.tsx, so the address lives in the same module instance the app reads it from.
const { trustedProxies, withClientAddress } = build.entry.module;

let trust;
try {
  trust = trustedProxies(process.env.STAFF_TRUSTED_PROXIES);
} catch (error) {
  console.error(`Invalid configuration:\n  - ${error.message}`);
  process.exit(1);
}

const app = express();
app.disable('x-powered-by');
app.use(compression());
// Fingerprinted build assets never change; public/ may.
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: '1y' }));
app.use(express.static('public', { maxAge: '1h' }));
app.use(morgan('tiny'));
const handle = createRequestHandler({ build, mode: process.env.NODE_ENV });
app.all('*', (req, res, next) => withClientAddress(req, trust, () => handle(req, res, next)));

const port = Number(process.env.PORT) || 3000;
const host = process.env.HOST;
const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen);

function onListen() {
  console.warn(`[staff] listening on http://${host ?? 'localhost'}:${port}`);
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => server.close((error) => error && console.error(error)));
}
