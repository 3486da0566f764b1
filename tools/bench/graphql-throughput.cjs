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
/* global fetch, AbortSignal, setTimeout, URL, __filename */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const autocannon = require('autocannon');
const procs = require('../dev/procs.cjs');
const services = require('../dev/services.cjs');

const root = path.resolve(__dirname, '../..');
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const DB_PREFIX = 'crm_bench';
const SECTION_START = '<!-- bench:graphql-throughput:start -->';
const SECTION_END = '<!-- bench:graphql-throughput:end -->';

/** Named queries; anything else given to --query is sent as written. */
const QUERIES = {
  typename: { query: '{ __typename }', what: 'no resolver: HTTP + GraphQL layers only' },
  provinces: { query: '{ provinces { code } }', what: 'one SQL select (13 rows) through TypeORM' },
  defaultCampaign: { query: '{ defaultCampaign { nameEn } }', what: 'one SQL select with a join (campaign + policy asks)' },
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
  --log-level L         LOG_LEVEL of the API started by --start (default warn)
  --output FILE         where the section is written (default docs/benchmarks.md)
  --no-write            print only; leave the file alone

Environment (--start): DATABASE_URL (server to create the bench database on,
default ${DEFAULT_SERVER_URL}), REDIS_URL (default ${DEFAULT_REDIS_URL}).`;

function parseArgs(argv) {
  const options = { start: false, url: null, duration: 10, connections: [10], queries: [], warmup: 3, logLevel: 'warn', output: path.join(root, 'docs/benchmarks.md'), write: true };
  const positive = (name, raw, { integer = true } = {}) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) throw new procs.UserError(`${name} must be a positive ${integer ? 'integer' : 'number'}, not "${raw}"`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    if (arg.startsWith('--') && arg.includes('=')) [arg, value] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) throw new procs.UserError(`${arg} needs a value\n\n${USAGE}`);
      return argv[++i];
    };
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
      case '--log-level':
        options.logLevel = next();
        break;
      case '--output':
        options.output = path.resolve(next());
        break;
      case '--no-write':
        options.write = false;
        break;
      case '-h':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new procs.UserError(`unknown argument ${arg}\n\n${USAGE}`);
    }
  }
  if (options.start === Boolean(options.url)) throw new procs.UserError(`give either --start or --url\n\n${USAGE}`);
  if (options.url) {
    try {
      new URL(options.url);
    } catch {
      throw new procs.UserError(`--url ${options.url} is not a URL`);
    }
  }
  if (options.queries.length === 0) options.queries = Object.keys(QUERIES);
  options.queries = options.queries.map((q) => (QUERIES[q] ? { name: q, ...QUERIES[q] } : { name: q.replace(/\s+/g, ' ').trim(), query: q, what: 'as given' }));
  return options;
}

// ---------------------------------------------------------------------------
// Measuring

/** A correct answer has data and no errors (GraphQL errors may come with HTTP 200). */
function isGoodBody(body) {
  return typeof body === 'string' && body.startsWith('{"data":{') && !body.includes('"errors"');
}

async function preflight(url, query) {
  let response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new procs.UserError(`${url} did not answer: ${error.cause ? error.cause.code || error.cause.message : error.message}`);
  }
  const body = await response.text();
  if (response.status !== 200 || !isGoodBody(body)) throw new procs.UserError(`${query} answered HTTP ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

function run(url, query, { connections, duration }) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections,
    duration,
    verifyBody: isGoodBody,
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc; null elsewhere. */
const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuSeconds(pid) {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime + stime
  } catch {
    return null;
  }
}

async function measure(url, options, apiPid) {
  const rows = [];
  for (const q of options.queries) {
    const sample = await preflight(url, q.query);
    procs.say(`${q.name}: ${q.query} -> ${sample.length > 120 ? `${sample.slice(0, 117)}...` : sample}`);
    for (const connections of options.connections) {
      if (options.warmup > 0) await run(url, q.query, { connections, duration: options.warmup });
      const cpuBefore = cpuSeconds(apiPid);
      const result = await run(url, q.query, { connections, duration: options.duration });
      const cpuAfter = cpuSeconds(apiPid);
      const row = {
        query: q.name,
        connections,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        total: result.requests.total,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        mismatches: result.mismatches,
        apiCpu: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / result.duration : null,
      };
      rows.push(row);
      procs.say(
        `${q.name} c=${connections}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
          `errors ${row.errors}, non-2xx ${row.non2xx}, bad bodies ${row.mismatches}${row.apiCpu === null ? '' : `, API CPU ${Math.round(row.apiCpu * 100)}%`}`,
      );
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Reporting

function gitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return `${commit}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

function machineDescription() {
  const cpus = os.cpus();
  return {
    cpus: `${typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}

function commandLine() {
  const args = process.argv.slice(2).map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
  return ['node', path.relative(root, __filename), ...args].join(' ');
}

function renderSection({ options, rows, context }) {
  const machine = machineDescription();
  const number = (value) => Math.round(value).toLocaleString('en-US');
  // autocannon records latency in whole milliseconds.
  const ms = (value) => (value < 1 ? '<1' : String(value));
  const lines = [
    SECTION_START,
    '## GraphQL throughput',
    '',
    `Written by \`tools/bench/graphql-throughput.cjs\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; re-running it replaces this section.`,
    '',
    '```sh',
    commandLine(),
    '```',
    '',
    `- Machine: ${machine.cpus}, ${machine.memory} RAM, ${machine.os}; load generator and API on the same machine`,
    `- Node ${machine.node}, autocannon ${require('autocannon/package.json').version}, commit ${gitDescription()}`,
    `- Target: ${context.target}`,
    `- 1-minute load average: ${context.load[0].toFixed(2)} before the run, ${context.load[1].toFixed(2)} at its end (this script's own load included)`,
    `- Each row: ${options.warmup > 0 ? `${options.warmup} s warm-up (not counted), then ` : ''}${options.duration} s of POST /graphql with keep-alive, one request in flight per connection`,
    '- Latency has a resolution of 1 ms (autocannon). A request counts as bad when its body is not `{"data":{…}}` or carries `errors` (GraphQL errors can come with HTTP 200)',
    '',
    `| query | connections | req/s (mean) | p50 ms | p99 ms | requests | errors | non-2xx | bad bodies |${context.cpu ? ' API CPU |' : ''}`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|${context.cpu ? '---:|' : ''}`,
    ...rows.map(
      (r) =>
        `| \`${r.query}\` | ${r.connections} | ${number(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${number(r.total)} | ${r.errors} | ${r.non2xx} | ${r.mismatches} |${context.cpu ? ` ${r.apiCpu === null ? 'n/a' : `${Math.round(r.apiCpu * 100)}%`} |` : ''}`,
    ),
    '',
    'Queries:',
    ...options.queries.map((q) => `- \`${q.name}\`: \`${q.query}\` (${q.what})`),
  ];
  if (context.cpu) lines.push('', 'API CPU: CPU time the API process used during the measurement ÷ its duration (100% = one core busy).');
  lines.push(SECTION_END);
  return lines.join('\n');
}

const FILE_HEADER = `# Benchmarks

Figures measured on a named machine with the exact command that produced them.
Scripts in \`tools/bench/\` write their own section; re-run them rather than
editing the numbers by hand. Compare figures only when machine and command match.
`;

function writeSection(file, section) {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : FILE_HEADER;
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  if (start !== -1 && end > start) text = `${text.slice(0, start)}${section}${text.slice(end + SECTION_END.length)}`;
  else text = `${text.replace(/\n*$/, '\n\n')}${section}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

// ---------------------------------------------------------------------------
// --start: a private API on a throw-away database

const cleanups = [];
async function cleanUp() {
  while (cleanups.length) {
    const step = cleanups.pop();
    try {
      await step();
    } catch (error) {
      procs.warn(`cleaning up: ${error.message}`);
    }
  }
}

async function startApi(options) {
  const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER_URL;
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  await procs.reapOrphans();
  try {
    await services.checkPostgres(serverUrl);
  } catch (error) {
    throw new procs.UserError(`PostgreSQL at ${services.redact(serverUrl)} cannot be reached (${error.message}); set DATABASE_URL to a server where this user may create databases`);
  }
  try {
    await services.pingRedis(redisUrl);
  } catch (error) {
    throw new procs.UserError(`Redis at ${services.redact(redisUrl)} cannot be reached (${error.message}); the API's readiness check needs it. Set REDIS_URL.`);
  }
  const [dropped] = await Promise.all([
    services.dropStaleTestDatabases(serverUrl, { prefix: DB_PREFIX }),
    (async () => {
      const t = Date.now();
      await procs.runStep({ name: 'compile', command: process.execPath, args: [path.join(root, 'tools/build/compile-node.cjs')], quiet: true });
      procs.say(`compiled (${procs.since(t)})`);
    })(),
  ]);
  if (dropped.length) procs.say(`dropped ${dropped.length} database(s) left by earlier runs`);

  const database = await services.createTestDatabase(serverUrl, { prefix: DB_PREFIX });
  cleanups.push(async () => {
    await database.drop();
    procs.say(`dropped database ${database.name}`);
  });
  procs.say(`created database ${database.name} on ${services.redact(serverUrl)}`);
  const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: options.logLevel, DATABASE_URL: database.url, REDIS_URL: redisUrl };
  let t = Date.now();
  await procs.runStep({ name: 'migrate', command: process.execPath, args: [path.join(root, 'dist/tools/seed/migrate.js')], env, quiet: true });
  await procs.runStep({ name: 'seed', command: process.execPath, args: [path.join(root, 'dist/tools/seed/seed.js')], env, quiet: true });
  procs.say(`migrated and seeded (${procs.since(t)})`);

  const port = await procs.freePort();
  t = Date.now();
  const api = procs.startProcess({
    name: 'api',
    command: process.execPath,
    args: [path.join(root, 'dist/apps/api/src/main.js')],
    env: { ...env, API_HOST: '127.0.0.1', API_PORT: String(port) },
  });
  cleanups.push(async () => {
    await api.stop(10_000);
    procs.say('stopped the API');
  });
  const base = `http://127.0.0.1:${port}`;
  await procs.waitForHttp(`${base}/health/ready`, { handle: api, name: 'api', timeoutMs: 60_000 });
  procs.say(`API ready on ${base} (${procs.since(t)}; NODE_ENV=production, LOG_LEVEL=${options.logLevel})`);
  return { url: `${base}/graphql`, api, pgVersion: await serverVersion(database.url) };
}

async function serverVersion(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('show server_version');
    return rows[0].server_version.split(' ')[0];
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      procs.warn(`${signal}: stopping`);
      void cleanUp().then(() => process.exit(130));
    });
  }

  let url = options.url;
  let apiPid = null;
  let target = `${url} (already running)`;
  if (options.start) {
    const started = await startApi(options);
    url = started.url;
    apiPid = started.api.pid;
    target = `API started by the script (\`node dist/apps/api/src/main.js\`, NODE_ENV=production, LOG_LEVEL=${options.logLevel}, default DATABASE_POOL_SIZE) on a freshly migrated and seeded database; PostgreSQL ${started.pgVersion} and Redis on the same machine`;
  }

  // Other work on the machine skews the figures: say how busy it was.
  const load = os.loadavg()[0];
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (load > cores * 0.25) procs.warn(`the machine is busy (load average ${load.toFixed(2)} on ${cores} CPUs): figures will be low`);
  const rows = await measure(url, options, apiPid);
  const loadAfter = os.loadavg()[0];
  const section = renderSection({ options, rows, context: { target, load: [load, loadAfter], cpu: apiPid !== null && rows.some((r) => r.apiCpu !== null) } });
  process.stdout.write(`\n${section.split('\n').slice(1, -1).join('\n')}\n\n`);
  if (options.write) {
    writeSection(options.output, section);
    procs.say(`wrote ${path.relative(root, options.output)}`);
  }
}

main()
  .catch((error) => {
    process.exitCode = 1;
    const message = error instanceof procs.UserError || (error && error.name === 'UserError') ? error.message : (error && error.stack) || String(error);
    process.stderr.write(`${procs.color('red', 'error:')} ${message}\n`);
  })
  .finally(async () => {
    await cleanUp();
    // autocannon and pg may leave handles open briefly: do not wait for them.
    setTimeout(() => process.exit(process.exitCode || 0), 100).unref();
  });
