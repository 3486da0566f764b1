import { randomBytes } from 'node:crypto';
// Starts and stops the stack the journeys run against. Used by global-setup.ts
// and global-teardown.ts, which jest runs in its main process: the state lives
// on globalThis between the two.
import fs from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
// tools/dev is the workspace's Node tooling (no Nx project): the harness starts
// the stack exactly as `npm start` does.
/* eslint-disable @nx/enforce-module-boundaries */
import * as procs from '../../../../tools/dev/procs.cjs';
import * as services from '../../../../tools/dev/services.cjs';
import * as build from '../../../../tools/dev/build.cjs';
import { findBrowser } from '../../../../tools/dev/browser.cjs';
/* eslint-enable @nx/enforce-module-boundaries */
import { stackFile, type Stack } from './stack';

const root = procs.root;
const logDir = path.join(root, 'tmp/e2e/logs');
const HOST = '127.0.0.1';

interface HarnessState {
  services?: services.Services;
  database?: services.TestDatabase;
  apps: procs.ProcessHandle[];
  stopping?: Promise<void>;
  external: boolean;
}

const key = Symbol.for('coalition-crm.e2e-harness');
type WithState = typeof globalThis & { [key]?: HarnessState };

function state(): HarnessState {
  const g = globalThis as WithState;
  if (!g[key]) g[key] = { apps: [], external: false };
  return g[key] as HarnessState;
}

function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

export async function startStack(): Promise<Stack> {
  const startedAt = Date.now();
  const s = state();
  const { E2E_STAFF_URL, E2E_API_URL, E2E_DATABASE_URL } = process.env;
  if (E2E_STAFF_URL && E2E_API_URL && E2E_DATABASE_URL) {
    s.external = true;
    log(`using the stack given by E2E_STAFF_URL=${E2E_STAFF_URL} and E2E_API_URL=${E2E_API_URL}`);
    return { staffUrl: E2E_STAFF_URL, apiUrl: E2E_API_URL, databaseUrl: E2E_DATABASE_URL };
  }
  process.stdout.write('\n');
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = (name: string) => path.join(logDir, `${name}.log`);

  // Ctrl-C during the run: jest skips the global teardown, so stop things here.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal} received: stopping the stack`);
      void stopStack().finally(() => process.exit(130));
    });
  }

  try {
    await procs.reapOrphans({ log });
    // A cluster of its own (.data/postgres-test) so a running `npm start` is never
    // touched, and a private redis-server so no dev worker takes our jobs.
    const servicesPromise = services.resolveServices({ dataDir: path.join(procs.dataRoot, 'postgres-test'), isolatedRedis: true, roles: false, log });
    const [resolved] = await Promise.all([
      servicesPromise,
      build.compileNode({ quiet: true, logFile: logFile('compile') }),
      build.buildStaff({ quiet: true, logFile: logFile('build') }).then((built) => built && log(`built the staff app (${procs.since(startedAt)})`)),
      // Unpacks the packaged Chromium here (once) rather than in the first journey.
      findBrowser().then((browser) => log(`browser: ${browser.description}`)),
    ]).catch(async (error) => {
      // keep hold of the services if they did start, so they are stopped below
      s.services = await servicesPromise.catch(() => undefined);
      throw error;
    });
    s.services = resolved;
    if (!resolved.redis.started) await forgetSignInFailures(resolved.redis.url);

    const dropped = await services.dropStaleTestDatabases(resolved.database.serverUrl, { prefix: 'crm_e2e' }).catch(() => []);
    if (dropped.length) log(`dropped ${dropped.length} test database(s) left by earlier runs`);
    s.database = await services.createTestDatabase(resolved.database.serverUrl, { prefix: 'crm_e2e' });
    // The journeys' own SQL (setup, checks) runs as the owner; the api and the worker as crm_app (decision 067).
    const databaseUrl = s.database.ownerUrl;

    const [apiPort, staffPort] = await Promise.all([services.freePort(), services.freePort()]);
    const apiUrl = `http://${HOST}:${apiPort}`;
    const staffUrl = `http://${HOST}:${staffPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.E2E_NODE_ENV || 'test',
      DATABASE_URL: s.database.appUrl,
      REDIS_URL: resolved.redis.url,
      API_PORT: String(apiPort),
      API_HOST: HOST,
      // Links in e-mails point at this run's staff app.
      STAFF_URL: staffUrl,
    };

    await procs.runStep({
      name: 'migrate',
      command: process.execPath,
      args: [build.requireDist(build.dist.migrate)],
      env: { ...env, DATABASE_MIGRATION_URL: s.database.ownerUrl },
      quiet: true,
      logFile: logFile('migrate'),
    });
    await procs.runStep({
      name: 'seed',
      command: process.execPath,
      args: [build.requireDist(build.dist.seed), '--scale', 'small', '--if-empty'],
      env: { ...env, DATABASE_MIGRATION_URL: s.database.ownerUrl },
      quiet: true,
      logFile: logFile('seed'),
    });

    const serve = build.staffServeCommand();
    const api = procs.startProcess({
      name: 'api',
      command: process.execPath,
      args: [build.requireDist(build.dist.api)],
      env,
      quiet: true,
      logFile: logFile('api'),
    });
    const worker = procs.startProcess({
      name: 'worker',
      command: process.execPath,
      args: [build.requireDist(build.dist.worker)],
      env,
      quiet: true,
      logFile: logFile('worker'),
    });
    const staff = procs.startProcess({
      name: 'staff',
      ...serve,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(staffPort), HOST, API_URL: apiUrl, SESSION_SECRET: randomBytes(32).toString('hex') },
      quiet: true,
      logFile: logFile('staff'),
    });
    s.apps.push(staff, api, worker); // stop order
    await Promise.all([
      procs.waitForHttp(`${apiUrl}/health/ready`, { handle: api, name: 'api', timeoutMs: 90_000 }),
      procs.waitForLine(worker, /worker ready/i, { timeoutMs: 90_000 }),
      procs.waitForHttp(`${staffUrl}/healthz`, { handle: staff, name: 'staff', timeoutMs: 90_000 }),
    ]);

    const stack: Stack = { staffUrl, apiUrl, databaseUrl };
    process.env.E2E_STAFF_URL = staffUrl;
    process.env.E2E_API_URL = apiUrl;
    process.env.E2E_DATABASE_URL = databaseUrl;
    process.env.E2E_REDIS_URL = resolved.redis.url;
    fs.mkdirSync(path.dirname(stackFile), { recursive: true });
    fs.writeFileSync(stackFile, JSON.stringify({ ...stack, redisUrl: resolved.redis.url, startedBy: process.pid }, null, 2));
    log(`stack ready in ${procs.since(startedAt)}: staff ${staffUrl}, api ${apiUrl} (logs in ${path.relative(root, logDir)})`);
    return stack;
  } catch (error) {
    await stopStack();
    if (error instanceof Error && error.name === 'UserError') {
      // jest prints the stack of whatever is thrown: keep the message readable
      const clean = new Error(`e2e stack did not start: ${error.message}\n(logs in ${path.relative(root, logDir)})`);
      clean.stack = clean.message;
      throw clean;
    }
    throw error;
  }
}

/**
 * A Redis we did not start may hold failed sign-ins counted by an earlier run
 * within the throttle window (15 min): the journeys that count failures would
 * start from its totals. Only those counters are removed; nothing else is touched.
 */
async function forgetSignInFailures(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let removed = 0;
    for await (const keys of redis.scanStream({ match: 'signin:fail:*', count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length) removed += await redis.del(...keys);
    }
    if (removed) log(`forgot ${removed} failed sign-in counter(s) left in ${url} by an earlier run`);
  } finally {
    redis.disconnect();
  }
}

export function stopStack(): Promise<void> {
  const s = state();
  if (s.external) return Promise.resolve();
  if (!s.stopping) {
    s.stopping = (async () => {
      await procs.stopSteps();
      for (const app of s.apps) if (!app.done) await app.stop(10_000);
      if (s.database) await s.database.drop().catch((error: Error) => procs.warn(`could not drop ${s.database?.name}: ${error.message}`));
      if (s.services) await s.services.stop();
      try {
        const recorded = JSON.parse(fs.readFileSync(stackFile, 'utf8')) as { startedBy?: number };
        if (recorded.startedBy === process.pid) fs.rmSync(stackFile, { force: true });
      } catch {
        /* nothing recorded */
      }
    })();
  }
  return s.stopping;
}
