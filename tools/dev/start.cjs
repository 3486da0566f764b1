#!/usr/bin/env node
// `npm start`: services -> build -> migrate -> seed (if empty) -> api, worker and
// staff, with prefixed output; Ctrl-C stops everything in order.
//   API_PORT (4000), STAFF_PORT (3000), DATABASE_URL, DATABASE_MIGRATION_URL,
//   REDIS_URL, NODE_ENV, LOG_LEVEL, SMTP_URL are honoured.
'use strict';

const startedAt = Date.now();
const procs = require('./procs.cjs');
const services = require('./services.cjs');
const build = require('./build.cjs');

const { say, warn, color, since, UserError } = procs;
const HOST = '127.0.0.1';

let servicesPromise = null;
const apps = new Map(); // name -> handle
let phase = 'starting';
let stopping = null;

function parsePort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(`${name}=${raw} is not a port number`);
  return port;
}

async function checkPorts(ports) {
  const [[apiName, apiPort], [staffName, staffPort]] = ports;
  if (apiPort === staffPort) throw new UserError(`${apiName} and ${staffName} are both ${apiPort}: set one of them to another port`);
  for (const [name, port] of ports) {
    if (!(await procs.isPortFree(port, HOST))) throw new UserError(`port ${port} is in use; set ${name} to a free port (e.g. ${name}=${port + 10} npm start)`);
  }
}

async function shutdown(code, message) {
  if (stopping) return stopping;
  phase = 'stopping';
  stopping = (async () => {
    if (message) process.stderr.write(`${color('red', 'error:')} ${message}\n`);
    if (!servicesPromise) return; // nothing was started yet
    say(code === 0 ? 'stopping…' : 'stopping everything that was started…');
    const t = Date.now();
    await procs.stopSteps();
    for (const name of ['staff', 'api', 'worker']) {
      const handle = apps.get(name);
      if (handle && !handle.done) await handle.stop(10_000);
    }
    const resolved = servicesPromise ? await servicesPromise.catch(() => null) : null;
    if (resolved) await resolved.stop();
    say(`stopped (${since(t)})`);
  })().catch((error) => {
    warn(`while stopping: ${error.stack || error}`);
    code = code || 1;
  });
  await stopping;
  process.exit(code);
}

let signals = 0;
function onSignal(signal) {
  signals++;
  if (signals === 1) {
    process.stdout.write('\n');
    say(`${signal} received`);
    void shutdown(0);
  } else {
    warn('second signal: killing the apps now');
    for (const handle of apps.values()) if (!handle.done) procs.signalGroup(handle.pid, 'SIGKILL');
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
process.on('uncaughtException', (error) => void shutdown(1, error.stack || String(error)));
process.on('unhandledRejection', (error) => void shutdown(1, (error && error.stack) || String(error)));

function watchForCrash(handle) {
  handle.exited.then((result) => {
    if (phase === 'stopping') return;
    void shutdown(
      1,
      `${handle.name} exited unexpectedly ` +
        `(${procs.describeExit(result)})${handle.recent.length ? `; its last output:\n  ${handle.recent.slice(-10).join('\n  ')}` : ''}`,
    );
  });
}

async function main() {
  procs.setLabelWidth(7);
  const apiPort = parsePort('API_PORT', 4000);
  const staffPort = parsePort('STAFF_PORT', 3000);
  // Processes left by a launcher that was killed hold our ports: stop them first.
  await procs.reapOrphans({ log: warn });
  await checkPorts([
    ['API_PORT', apiPort],
    ['STAFF_PORT', staffPort],
  ]);

  // Services and builds are independent: do them at the same time.
  servicesPromise = services.resolveServices();
  const compileStarted = Date.now();
  // The first failure ends the wait (the shutdown then stops the other steps).
  const [resolved] = await Promise.all([
    servicesPromise,
    build.compileNode({ quiet: true }).then(() => say(`compiled the Node side (${since(compileStarted)})`)),
    build.buildStaff({ quiet: true }).then((built) => say(built ? `built the staff app (${since(compileStarted)})` : 'staff build is up to date')),
  ]);

  const env = {
    ...withoutOwnerUrl(process.env),
    NODE_ENV: process.env.NODE_ENV || 'development',
    DATABASE_URL: resolved.env.DATABASE_URL,
    REDIS_URL: resolved.env.REDIS_URL,
    API_PORT: String(apiPort),
    API_HOST: HOST,
    STAFF_URL: process.env.STAFF_URL || `http://${HOST}:${staffPort}`,
  };
  const ownerEnv = { ...env, DATABASE_MIGRATION_URL: resolved.env.DATABASE_MIGRATION_URL };
  let t = Date.now();
  await procs.runStep({ name: 'migrate', command: process.execPath, args: [build.requireDist(build.dist.migrate)], env: ownerEnv });
  say(`migrated (${since(t)})`);
  t = Date.now();
  await procs.runStep({
    name: 'seed',
    command: process.execPath,
    args: [build.requireDist(build.dist.seed), '--scale', 'small', '--if-empty'],
    env: ownerEnv,
  });
  say(`seed step done (${since(t)})`);

  if (phase === 'stopping') return;
  const apiUrl = `http://${HOST}:${apiPort}`;
  const staffUrl = `http://${HOST}:${staffPort}`;
  const api = procs.startProcess({ name: 'api', command: process.execPath, args: [build.requireDist(build.dist.api)], env, colorName: 'cyan' });
  const worker = procs.startProcess({ name: 'worker', command: process.execPath, args: [build.requireDist(build.dist.worker)], env, colorName: 'magenta' });
  const serve = build.staffServeCommand();
  const staff = procs.startProcess({
    name: 'staff',
    ...serve,
    // A fresh cookie secret per run unless one is configured: restarting signs people out.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(staffPort),
      HOST,
      API_URL: apiUrl,
      SESSION_SECRET: process.env.SESSION_SECRET || require('node:crypto').randomBytes(32).toString('hex'),
    },
    colorName: 'green',
  });
  for (const handle of [api, worker, staff]) {
    apps.set(handle.name, handle);
    watchForCrash(handle);
  }
  await Promise.all([
    procs.waitForHttp(`${apiUrl}/health/ready`, { handle: api, name: 'api', timeoutMs: 60_000 }),
    procs.waitForLine(worker, /worker ready/i, { timeoutMs: 60_000 }),
    procs.waitForHttp(`${staffUrl}/healthz`, { handle: staff, name: 'staff', timeoutMs: 60_000 }),
  ]);
  if (phase === 'stopping') return;
  phase = 'running';

  const { database } = resolved;
  const where = database.embedded ? ` (embedded${database.shared ? ', shared with another run' : ''}; data in ${database.shownDataDir})` : '';
  const lines = [
    '',
    `${color('green', 'Coalition CRM is ready')} in ${since(startedAt)}`,
    `  Staff app:         ${staffUrl}`,
    `  GraphQL endpoint:  ${apiUrl}/graphql`,
    `  API health:        ${apiUrl}/health/ready`,
    `  Database:          ${services.redact(resolved.env.DATABASE_URL)}${where}`,
    `  Redis:             ${resolved.env.REDIS_URL}${resolved.redis.started ? ' (redis-server started for this run)' : ''}`,
    ...demoAccountLines(env.NODE_ENV),
    '  Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// The api and the worker connect as the application role and never see the
// owner's URL (decision 067); migrate and seed get it.
function withoutOwnerUrl(environment) {
  const { DATABASE_MIGRATION_URL: _owner, ...rest } = environment;
  return rest;
}

// Development only: the seeded demo accounts, one per role, so anyone can sign in.
function demoAccountLines(nodeEnv) {
  if (nodeEnv !== 'development') return [];
  try {
    const { demoUsers, demoPassword } = require(build.dist.demoUsers);
    return ['  Demo accounts (development only), password "' + demoPassword + '":', ...demoUsers.map((u) => `    ${u.role.padEnd(12)} ${u.email}`)];
  } catch {
    return [];
  }
}

main().catch((error) => {
  if (phase === 'stopping') return;
  const message = error instanceof UserError || (error && error.name === 'UserError') ? error.message : error.stack || String(error);
  void shutdown(1, message);
});
