// Standing up what a bench script or a fault drill measures: the compiled code,
// a database (a throw-away one, or a kept one for the large seed) migrated and
// seeded, and API processes; each one stopped or dropped at the end (run.cjs's
// cleanups).
'use strict';

const path = require('node:path');
const procs = require('../../dev/procs.cjs');
const services = require('../../dev/services.cjs');
const { cleanups } = require('./run.cjs');

const root = path.resolve(__dirname, '../../..');
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const API_MAIN = path.join(root, 'dist/apps/api/src/main.js');

/** DATABASE_URL's server, where the bench databases are made. */
const serverUrl = () => process.env.DATABASE_URL || DEFAULT_SERVER_URL;
const redisUrl = () => process.env.REDIS_URL || DEFAULT_REDIS_URL;

const runScript = (name, script, { args = [], env } = {}) =>
  procs.runStep({ name, command: process.execPath, args: [path.join(root, script), ...args], env, quiet: true });

/** Compiles the Node side into dist/. */
const compile = () => runScript('compile', 'tools/build/compile-node.cjs');
/** Migrates env.DATABASE_URL's database. */
const migrate = (env) => runScript('migrate', 'dist/tools/seed/migrate.js', { env });
/** Seeds it; as development whatever env says, since the seed adds the demo users only outside production. */
const seed = (env, args = []) => runScript('seed', 'dist/tools/seed/seed.js', { args, env: { ...env, NODE_ENV: 'development' } });

/** Fails with a UserError (`hint`: what to do about it) unless PostgreSQL at `url` answers. */
async function requirePostgres(url, hint = 'set DATABASE_URL') {
  try {
    await services.checkPostgres(url);
  } catch (error) {
    throw new procs.UserError(`PostgreSQL at ${services.redact(url)} cannot be reached (${error.message}); ${hint}`);
  }
}

/** A throw-away database on `server`, named `prefix`_pid_…, dropped at the end. */
async function createScratchDatabase(server, prefix) {
  const database = await services.createTestDatabase(server, { prefix });
  cleanups.push(async () => {
    await database.drop();
    procs.say(`dropped database ${database.name}`);
  });
  return database;
}

/** createScratchDatabase after the rest a fresh run needs: orphans reaped, the server checked, earlier runs' databases dropped, code compiled. */
async function prepareScratchDatabase(server, prefix) {
  await procs.reapOrphans();
  await requirePostgres(server);
  await services.dropStaleTestDatabases(server, { prefix });
  const t = Date.now();
  await compile();
  procs.say(`compiled (${procs.since(t)})`);
  return createScratchDatabase(server, prefix);
}

/**
 * The kept database of a large-seed bench: `reuse` (a URL), or `name` on DATABASE_URL's server, created if
 * missing. Compiles first unless skipBuild, migrates; answers its URL, the processes' env and a pg client
 * of it, closed at the end.
 */
async function openKeptDatabase(name, { reuse, skipBuild }) {
  const dbUrl = reuse || services.withDatabase(serverUrl(), name);
  await procs.reapOrphans();
  if (!skipBuild) {
    await compile();
    procs.say('compiled');
  }
  if (!reuse) await services.ensureDatabase(serverUrl(), name);
  const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: dbUrl, REDIS_URL: redisUrl() };
  await migrate(env);
  const { Client } = require('pg');
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  cleanups.push(() => db.end());
  return { dbUrl, env, db };
}

/** The server's version ("15.20"), through a pg client or a short-lived one to a URL. */
async function postgresVersion(dbOrUrl) {
  if (typeof dbOrUrl !== 'string') return (await dbOrUrl.query('show server_version')).rows[0].server_version.split(' ')[0];
  const { Client } = require('pg');
  const client = new Client({ connectionString: dbOrUrl });
  await client.connect();
  try {
    return await postgresVersion(client);
  } finally {
    await client.end();
  }
}

/**
 * Starts a compiled API (`main`) with `env` on 127.0.0.1 (`port`, or a free one) and resolves once
 * /health/ready answers; it is stopped at the end, and `said` is said then. `nodeArgs` come before main.js
 * (`-r lib/cpu-profile.cjs`); `quiet` and `logFile` are procs.startProcess's.
 */
async function startApi({ env, name = 'api', main = API_MAIN, nodeArgs = [], port, quiet, logFile, said }) {
  // With a port given there is no await before the process starts: a caller may start other processes meanwhile.
  const apiPort = port ?? (await procs.freePort());
  const handle = procs.startProcess({
    name,
    command: process.execPath,
    args: [...nodeArgs, main],
    env: { ...env, API_HOST: '127.0.0.1', API_PORT: String(apiPort) },
    quiet,
    logFile,
  });
  const stop = () => handle.stop(10_000);
  cleanups.push(
    said
      ? async () => {
          await stop();
          procs.say(said);
        }
      : stop,
  );
  const base = `http://127.0.0.1:${apiPort}`;
  await procs.waitForHttp(`${base}/health/ready`, { handle, name, timeoutMs: 60_000 });
  return { name, handle, pid: handle.pid, base, url: `${base}/graphql`, stop };
}

module.exports = {
  DEFAULT_SERVER_URL,
  DEFAULT_REDIS_URL,
  serverUrl,
  redisUrl,
  compile,
  migrate,
  seed,
  requirePostgres,
  createScratchDatabase,
  prepareScratchDatabase,
  openKeptDatabase,
  postgresVersion,
  startApi,
};
