#!/usr/bin/env node
// Container health checks (no curl in node:*-slim images):
//   node healthcheck.cjs http <url>   -> healthy when the URL answers 200
//   node healthcheck.cjs redis         -> healthy when $REDIS_URL answers PING
//   node healthcheck.cjs pid1          -> healthy while PID 1 is not a zombie
'use strict';

const [mode, target] = process.argv.slice(2);
const done = (ok, why) => {
  if (!ok) console.error(why);
  process.exit(ok ? 0 : 1);
};

if (mode === 'http') {
  fetch(target, { signal: AbortSignal.timeout(4000) }).then(
    (response) => done(response.status === 200, `${target}: HTTP ${response.status}`),
    (error) => done(false, `${target}: ${error.cause ? error.cause.code || error.cause.message : error.message}`),
  );
} else if (mode === 'redis') {
  const Redis = require('ioredis');
  const client = new Redis(process.env.REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  client
    .connect()
    .then(() => client.ping())
    .then(
      (answer) => done(answer === 'PONG', `PING answered ${answer}`),
      (error) => done(false, `redis: ${error.message}`),
    )
    .finally(() => client.disconnect());
} else if (mode === 'pid1') {
  const stat = require('node:fs').readFileSync('/proc/1/stat', 'utf8');
  done(!stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z'), 'PID 1 is a zombie');
} else {
  done(false, 'usage: healthcheck.cjs http <url> | redis | pid1');
}
