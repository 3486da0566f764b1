// The stack a fault drill runs against, and the knobs to break it: a throw-away
// database on the real PostgreSQL reached through a TCP proxy the drill can cut,
// a private redis-server it can stop and start (AOF on, as in production, so a
// restart keeps the queues), and the compiled API and worker processes.
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const procs = require('../../dev/procs.cjs');
const services = require('../../dev/services.cjs');
const { cleanups } = require('../../bench/lib/run.cjs');
const setup = require('../../bench/lib/setup.cjs');

const root = path.resolve(__dirname, '../../..');
const DB_PREFIX = 'crm_faults';

/** A TCP proxy to PostgreSQL. cut(): open connections reset, new ones closed at once (as a server that went down). */
async function startProxy(target) {
  let up = true;
  const sockets = new Set();
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.pipe(upstream).pipe(client);
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = {
    port: server.address().port,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise((resolve) => {
        proxy.cut();
        server.close(() => resolve());
      }),
  };
  cleanups.push(() => proxy.close());
  return proxy;
}

/** A redis-server on a free port that the drill stops (SIGTERM: it writes its AOF) and starts again on the same port and data. */
async function startRedis() {
  const binary = (process.env.PATH || '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'redis-server'))
    .find((file) => fs.existsSync(file));
  if (!binary) throw new procs.UserError('redis-server is not on the PATH (apt-get install redis-server): the drill needs a Redis of its own to stop');
  const port = await procs.freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-faults-redis-'));
  let child = null;
  const redis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(
        binary,
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
        { detached: true, stdio: 'ignore' },
      );
      procs.track(child, { name: 'redis-server', kind: 'redis', stopSignal: 'SIGTERM', info: { port } });
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          await services.pingRedis(redis.url, 500);
          return;
        } catch (error) {
          if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}: ${error.message}`);
          await procs.sleep(20);
        }
      }
    },
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  await redis.start();
  cleanups.push(async () => {
    await redis.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return redis;
}

/**
 * Compiles, creates and seeds the database, starts Redis and the proxy. Returns
 * what the processes need: env (DATABASE_URL through the proxy), the direct URL
 * for checks, and the knobs.
 */
async function prepare({ serverUrl, logLevel, logDir, workerEnv = {} }) {
  const database = await setup.prepareScratchDatabase(serverUrl, DB_PREFIX);
  const t = Date.now();
  // Migrations and the seed as the owner (database.url is the owner's when roles were made).
  const direct = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: database.url };
  await setup.migrate(direct);
  await setup.seed(direct);
  procs.say(`migrated and seeded ${database.name} (${procs.since(t)})`);

  const redis = await startRedis();
  const pg = new URL(database.url);
  const proxy = await startProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
  // The processes connect as the application role when the server let us make the roles (decision 067), as in production.
  const proxied = new URL(database.appUrl || database.url);
  proxied.port = String(proxy.port);
  const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: logLevel, DATABASE_URL: proxied.toString(), REDIS_URL: redis.url };
  fs.mkdirSync(logDir, { recursive: true });
  return { database, redis, proxy, env, workerEnv, logDir, apis: [], workers: [] };
}

let counter = 0;

/** Starts an API process; resolves once /health/ready answers 200. */
async function startApi(stack, extraEnv = {}) {
  const name = `api${++counter}`;
  const { handle, base } = await setup.startApi({ name, env: { ...stack.env, ...extraEnv }, quiet: true, logFile: path.join(stack.logDir, `${name}.log`) });
  const api = { name, handle, base };
  stack.apis.push(api);
  return api;
}

/** Starts a worker process; resolves once it says it is ready. Its log goes to a file (checked for non-JSON lines). */
async function startWorker(stack, name = `worker${++counter}`) {
  const logFile = path.join(stack.logDir, `${name}.log`);
  const handle = procs.startProcess({
    name,
    command: process.execPath,
    args: [path.join(root, 'dist/apps/worker/src/main.js')],
    env: { ...stack.env, ...stack.workerEnv },
    quiet: true,
    logFile,
  });
  cleanups.push(() => handle.stop(30_000));
  await procs.waitForLine(handle, /worker ready/, { timeoutMs: 60_000 });
  const worker = { name, handle, logFile };
  stack.workers.push(worker);
  return worker;
}

/** kill -9, and wait until it is gone. */
async function killWorker(worker) {
  procs.signalGroup(worker.handle.pid, 'SIGKILL');
  await worker.handle.exited;
}

/** Lines of a log that are not one JSON object (the ready marker aside). */
function nonJsonLines(file) {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter((line) => {
    if (line === '' || line === 'worker ready') return false;
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
}

module.exports = { prepare, startApi, startWorker, killWorker, nonJsonLines, root };
