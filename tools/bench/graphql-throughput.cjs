#!/usr/bin/env node
// Throughput of small GraphQL queries against the API, measured with autocannon,
// written to docs/benchmarks.md with the machine and the command that made it.
//
//   node tools/bench/graphql-throughput.cjs --start [--connections 1,10,50]
//       compiles, creates a throw-away database on DATABASE_URL's server
//       (default postgres://postgres@127.0.0.1:5432/postgres), migrates, seeds,
//       runs the API (NODE_ENV=production, LOG_LEVEL=warn) on a free port,
//       measures, then stops the API and drops the database.
//   node tools/bench/graphql-throughput.cjs --url http://127.0.0.1:4000/graphql
//       measures an API that is already running.
//
// Run `--help` for every option.
'use strict';

const os = require('node:os');
const path = require('node:path');
const procs = require('../dev/procs.cjs');
const { DEMO, DEMO_PASSWORD, autocannonPost, isGoodBody, jsonHeaders } = require('./lib/graphql.cjs');
const machine = require('./lib/machine.cjs');
const report = require('./lib/report.cjs');
const { cleanups, readArgs, takeCommonArgs, run: runScript } = require('./lib/run.cjs');
const setup = require('./lib/setup.cjs');
const services = require('../dev/services.cjs');

const root = path.resolve(__dirname, '../..');
const DB_PREFIX = 'crm_bench';
const SECTION_START = '<!-- bench:graphql-throughput:start -->';
const SECTION_END = '<!-- bench:graphql-throughput:end -->';

/** Named queries; anything else given to --query is sent as written. */
// typename runs anonymously (no session lookup): the HTTP + GraphQL layers alone.
// The others need a signed-in user, as every staff screen does.
const QUERIES = {
  typename: { query: '{ __typename }', signedIn: false, what: 'no resolver, anonymous: HTTP + GraphQL layers only' },
  provinces: { query: '{ provinces { code } }', signedIn: true, what: 'session lookup + access check + one SQL select (13 rows) through TypeORM' },
  defaultCampaign: {
    query: '{ defaultCampaign { nameEn } }',
    signedIn: true,
    what: 'session lookup + access check + TypeORM findOne with a relation (campaign + policy asks)',
  },
};

const USAGE = `Usage:
  node tools/bench/graphql-throughput.cjs --start [options]
  node tools/bench/graphql-throughput.cjs --url http://127.0.0.1:4000/graphql [options]

  --start               build, run the API on a fresh database, measure, clean up
  --url URL             measure an API that is already running (its /graphql URL)
  --duration S          seconds per measurement (default 10)
  --connections N[,N…]  concurrent connections; a list runs each (default 10)
  --query Q             repeatable; ${Object.keys(QUERIES).join(', ')} or a GraphQL document
                        (default: all named queries)
  --warmup S            seconds of load before each measurement, not counted (default 3)
  --anonymous           send every query without signing in
  --wait-idle[=S]       before each measurement, wait up to S seconds (default 60)
                        until other processes leave the CPU idle (shared machines)
  --retries N           measure a row again, up to N times, when other processes
                        used over 10% of a CPU during it; keep the quietest (default 0)
  --log-level L         LOG_LEVEL of the API started by --start (default warn)
  --output FILE         where the section is written (default docs/benchmarks.md)
  --no-write            print only; leave the file alone

Queries marked as signed in send a bearer token from the signIn mutation, as
BENCH_EMAIL / BENCH_PASSWORD (default: the development seed's demo ADMIN, which
--start seeds). Environment (--start): DATABASE_URL (server to create the bench
database on, default ${setup.DEFAULT_SERVER_URL}), REDIS_URL (default ${setup.DEFAULT_REDIS_URL}).`;

function parseArgs(argv) {
  const options = {
    start: false,
    url: null,
    duration: 10,
    connections: [10],
    queries: [],
    warmup: 3,
    anonymous: false,
    waitIdle: false,
    retries: 0,
    logLevel: 'warn',
    output: path.join(root, 'docs/benchmarks.md'),
    write: true,
  };
  const positive = (name, raw, { integer = true } = {}) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
      throw new procs.UserError(`${name} must be a positive ${integer ? 'integer' : 'number'}, not "${raw}"`);
    return value;
  };
  readArgs(argv, USAGE, (arg, next, value) => {
    switch (arg) {
      case '--start':
        options.start = true;
        break;
      case '--url':
        options.url = next();
        break;
      case '--duration':
        options.duration = positive('--duration', next());
        break;
      case '--connections':
        options.connections = next()
          .split(',')
          .map((part) => positive('--connections', part.trim()));
        break;
      case '--query':
        options.queries.push(next());
        break;
      case '--warmup':
        options.warmup = Number(next());
        if (!Number.isFinite(options.warmup) || options.warmup < 0) throw new procs.UserError('--warmup must be 0 or more seconds');
        break;
      case '--anonymous':
        options.anonymous = true;
        break;
      case '--wait-idle':
        options.waitIdle = value === undefined ? 60 : positive('--wait-idle', value);
        break;
      case '--retries':
        options.retries = Number(next());
        if (!Number.isInteger(options.retries) || options.retries < 0) throw new procs.UserError('--retries must be 0 or more');
        break;
      default:
        return takeCommonArgs(options, arg, next);
    }
  });
  if (options.start === Boolean(options.url)) throw new procs.UserError(`give either --start or --url\n\n${USAGE}`);
  if (options.url) {
    try {
      new URL(options.url);
    } catch {
      throw new procs.UserError(`--url ${options.url} is not a URL`);
    }
  }
  if (options.queries.length === 0) options.queries = Object.keys(QUERIES);
  options.queries = options.queries
    .map((q) => (QUERIES[q] ? { name: q, ...QUERIES[q] } : { name: q.replace(/\s+/g, ' ').trim(), query: q, signedIn: true, what: 'as given' }))
    .map((q) => ({ ...q, signedIn: q.signedIn && !options.anonymous }));
  return options;
}

// ---------------------------------------------------------------------------
// Measuring

/** Signs in once and returns the bearer token every signed-in query sends. */
async function signIn(url) {
  const email = process.env.BENCH_EMAIL || DEMO.ADMIN;
  const password = process.env.BENCH_PASSWORD || DEMO_PASSWORD;
  // Inline arguments (JSON strings are valid GraphQL strings): no dependence on the input type's name.
  const body = JSON.stringify({
    query: `mutation { signIn(input: { email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)} }) { token user { role } } }`,
  });
  const response = await fetch(url, { method: 'POST', headers: jsonHeaders(null), body, signal: AbortSignal.timeout(10_000) });
  const result = await response.json().catch(() => ({}));
  const signedIn = result.data && result.data.signIn;
  if (!signedIn) {
    const error = result.errors && result.errors[0];
    throw new procs.UserError(
      `signing in as ${email} failed (${error ? `${error.extensions && error.extensions.code}: ${error.message}` : `HTTP ${response.status}`}); set ` +
        `BENCH_EMAIL/BENCH_PASSWORD or use --anonymous`,
    );
  }
  return { token: signedIn.token, who: `${email} (${signedIn.user.role})` };
}

async function preflight(url, query, token) {
  let response;
  try {
    response = await fetch(url, { method: 'POST', headers: jsonHeaders(token), body: JSON.stringify({ query }), signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new procs.UserError(`${url} did not answer: ${error.cause ? error.cause.code || error.cause.message : error.message}`);
  }
  const body = await response.text();
  if (response.status !== 200 || !isGoodBody(body)) throw new procs.UserError(`${query} answered HTTP ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

const run = (url, query, { connections, duration, token }) => autocannonPost(url, { query }, token, { connections, duration });

const percent = (share) => (share === null || share === undefined ? 'n/a' : `${Math.round(share * 100)}%`);
const sum = (values) => (values.some((v) => v === null) ? null : values.reduce((a, b) => a + b, 0));

/** --wait-idle: the machine is shared; wait (up to maxSeconds) until nothing else runs. */
const waitForIdle = (limit, maxSeconds) => machine.waitForIdle({ limit, maxSeconds, say: procs.say, warn: procs.warn });

// A row counts as disturbed when processes other than the API, its database
// backends and this script used more than this share of one CPU meanwhile.
const OTHER_CPU_LIMIT = 0.1;

async function measureOnce(url, q, connections, options, probes, token) {
  if (options.waitIdle) await waitForIdle(OTHER_CPU_LIMIT, options.waitIdle);
  if (options.warmup > 0) await run(url, q.query, { connections, duration: options.warmup, token });
  const sample = () => ({ api: machine.cpuSeconds(probes.apiPid), own: machine.ownCpuSeconds(), machine: machine.machineBusySeconds() });
  const backendsBefore = probes.dbPids ? new Map((await probes.dbPids()).map((pid) => [pid, machine.cpuSeconds(pid)])) : null;
  const before = sample();
  const result = await run(url, q.query, { connections, duration: options.duration, token });
  const after = sample();
  // Backends open at the end: their CPU since the start, or all of it if the pool opened them meanwhile.
  const dbSeconds = backendsBefore
    ? sum((await probes.dbPids()).map((pid) => Math.max(0, (machine.cpuSeconds(pid) ?? 0) - (backendsBefore.get(pid) ?? 0))))
    : null;
  const share = (key) => (before[key] === null || after[key] === null ? null : (after[key] - before[key]) / result.duration);
  const cpu = {
    api: probes.apiPid ? share('api') : null,
    db: dbSeconds === null ? null : dbSeconds / result.duration,
    own: share('own'),
    machine: share('machine'),
  };
  return {
    query: q.name,
    as: q.signedIn ? 'signed in' : 'anonymous',
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    apiCpu: cpu.api,
    dbCpu: cpu.db,
    ownCpu: cpu.own,
    // Everything else the machine did meanwhile (Redis, the kernel, other people's work).
    otherCpu: cpu.machine === null ? null : Math.max(0, cpu.machine - (cpu.api ?? 0) - (cpu.db ?? 0) - cpu.own),
  };
}

async function measure(url, options, probes, session) {
  const rows = [];
  for (const q of options.queries) {
    const token = q.signedIn ? session.token : null;
    const sample = await preflight(url, q.query, token);
    procs.say(`${q.name}: ${q.query} -> ${sample.length > 120 ? `${sample.slice(0, 117)}...` : sample}`);
    for (const connections of options.connections) {
      let best = null;
      for (let attempt = 1; attempt <= 1 + options.retries; attempt++) {
        const row = { ...(await measureOnce(url, q, connections, options, probes, token)), attempts: attempt };
        if (!best || (row.otherCpu ?? 0) < (best.otherCpu ?? 0)) best = { ...row };
        best.attempts = attempt;
        if (row.otherCpu === null || row.otherCpu <= OTHER_CPU_LIMIT) break;
        if (attempt <= options.retries)
          procs.warn(`${q.name} c=${connections}: other processes used ${percent(row.otherCpu)} of a CPU meanwhile; measuring again`);
      }
      rows.push(best);
      procs.say(
        `${q.name} c=${connections}: ${Math.round(best.rps)} req/s, p50 ${best.p50} ms, p99 ${best.p99} ms, ` +
          `errors ${best.errors}, non-2xx ${best.non2xx}, bad bodies ${best.mismatches}; ` +
          `CPU: API ${percent(best.apiCpu)}, DB ${percent(best.dbCpu)}, load generator ${percent(best.ownCpu)}, other ${percent(best.otherCpu)}`,
      );
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Reporting

const machineDescription = () => machine.machineDescription();
const commandLine = () => report.commandLine(__filename);

function renderSection({ options, rows, context }) {
  const machine = machineDescription();
  const number = report.rounded;
  // autocannon records latency in whole milliseconds.
  const ms = (value) => (value < 1 ? '<1' : String(value));
  const lines = [
    SECTION_START,
    '## GraphQL throughput',
    '',
    ...report.writtenBy(__filename, commandLine()),
    '',
    `- Machine: ${machine.cpus}, ${machine.memory} RAM, ${machine.os}; load generator and API on the same machine`,
    `- Node ${machine.node}, autocannon ${require('autocannon/package.json').version}, commit ${report.gitDescription()}`,
    `- Target: ${context.target}`,
    `- 1-minute load average: ${context.load[0].toFixed(2)} before the run, ${context.load[1].toFixed(2)} at its end (this script's own load included)`,
    `- Each row: ${options.warmup > 0 ? `${options.warmup} s warm-up (not counted), then ` : ''}${options.duration} s of POST /graphql with keep-alive, one ` +
      `request in flight per connection`,
    ...(context.who ? [`- Signed-in queries send the bearer token of ${context.who}, from one signIn before the run`] : []),
    '- Latency has a resolution of 1 ms (autocannon). A request counts as bad when its body is not `{"data":{…}}` or carries `errors` (GraphQL errors can ' +
      'come with HTTP 200)',
    '',
    `| query | as | connections | req/s (mean) | p50 ms | p99 ms | requests | errors | non-2xx | bad bodies | CPU: API / DB / load gen. / other |`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...rows.map(
      (r) =>
        `| \`${r.query}\` | ${r.as} | ${r.connections} | ${number(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${number(r.total)} | ${r.errors} | ${r.non2xx} | ` +
        `${r.mismatches} | ${percent(r.apiCpu)} / ${percent(r.dbCpu)} / ${percent(r.ownCpu)} / ${percent(r.otherCpu)} |`,
    ),
    '',
    'Queries:',
    ...options.queries.map((q) => `- \`${q.name}\`: \`${q.query}\` (${q.what})`),
  ];
  lines.push(
    '',
    'CPU: CPU time used during the measurement ÷ its duration (100% = one core busy), by the API process, by the PostgreSQL backends serving it, ' +
      'by this script (autocannon runs in it) and by everything else on the machine (Redis, the kernel, other work). ' +
      `A high "other" means the figures were disturbed${context.cpu ? '' : '; with --url the API and its database count as "other"'}.`,
  );
  lines.push(SECTION_END);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// --start: a private API on a throw-away database

async function startApi(options) {
  const serverUrl = setup.serverUrl();
  const redisUrl = setup.redisUrl();
  await procs.reapOrphans();
  await setup.requirePostgres(serverUrl, 'set DATABASE_URL to a server where this user may create databases');
  try {
    await services.pingRedis(redisUrl);
  } catch (error) {
    throw new procs.UserError(`Redis at ${services.redact(redisUrl)} cannot be reached (${error.message}); the API's readiness check needs it. Set REDIS_URL.`);
  }
  const [dropped] = await Promise.all([
    services.dropStaleTestDatabases(serverUrl, { prefix: DB_PREFIX }),
    (async () => {
      const t = Date.now();
      await setup.compile();
      procs.say(`compiled (${procs.since(t)})`);
    })(),
  ]);
  if (dropped.length) procs.say(`dropped ${dropped.length} database(s) left by earlier runs`);

  const database = await setup.createScratchDatabase(serverUrl, DB_PREFIX);
  procs.say(`created database ${database.name} on ${services.redact(serverUrl)}`);
  const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: options.logLevel, DATABASE_URL: database.url, REDIS_URL: redisUrl };
  let t = Date.now();
  await setup.migrate(env);
  await setup.seed(env);
  procs.say(`migrated and seeded (${procs.since(t)})`);

  t = Date.now();
  const api = await setup.startApi({ env, said: 'stopped the API' });
  procs.say(`API ready on ${api.base} (${procs.since(t)}; NODE_ENV=production, LOG_LEVEL=${options.logLevel})`);

  // A connection of our own to find the backends serving the API (their CPU is the database's share).
  const { Client } = require('pg');
  const monitor = new Client({ connectionString: database.url });
  monitor.on('error', () => {});
  await monitor.connect();
  cleanups.push(() => monitor.end());
  const dbPids = async () => {
    const result = await monitor.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return result.rows.map((row) => row.pid);
  };
  return { url: api.url, api, dbPids, pgVersion: await setup.postgresVersion(monitor) };
}

// ---------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let url = options.url;
  let probes = { apiPid: null, dbPids: null };
  let target = `${url} (already running)`;
  if (options.start) {
    const started = await startApi(options);
    url = started.url;
    probes = { apiPid: started.api.pid, dbPids: started.dbPids };
    target =
      `API started by the script (\`node dist/apps/api/src/main.js\`, NODE_ENV=production, LOG_LEVEL=${options.logLevel}, default ` +
      `DATABASE_POOL_SIZE) on a freshly migrated database with the development seed; PostgreSQL ${started.pgVersion} and Redis on the same machine`;
  }

  // Other work on the machine skews the figures: say how busy it was.
  const load = os.loadavg()[0];
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (load > cores * 0.25) procs.warn(`the machine is busy (load average ${load.toFixed(2)} on ${cores} CPUs): figures will be low`);
  const session = options.queries.some((q) => q.signedIn) ? await signIn(url) : null;
  if (session) procs.say(`signed in as ${session.who}`);
  const rows = await measure(url, options, probes, session);
  const loadAfter = os.loadavg()[0];
  const section = renderSection({ options, rows, context: { target, who: session && session.who, load: [load, loadAfter], cpu: probes.apiPid !== null } });
  process.stdout.write(`\n${section.split('\n').slice(1, -1).join('\n')}\n\n`);
  if (options.write) report.saveSection(options.output, section, { start: SECTION_START, end: SECTION_END });
}

runScript(main);
