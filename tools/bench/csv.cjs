#!/usr/bin/env node
// CSV import and export at scale (issue 4's targets: import of 100,000 rows
// under 60 s; export of 100,000 rows under 20 s with the API's resident memory
// growing less than 100 MB), written to docs/benchmarks.md with the machine and
// the command that made it.
//
//   node tools/bench/csv.cjs [--rows 100000] [--log-level warn] [--output FILE] [--no-write]
//
// Compiles, creates a throw-away database on DATABASE_URL's server (default
// postgres://postgres@127.0.0.1:5432/postgres), migrates, seeds (demo users),
// starts a private redis-server, the API and the worker (NODE_ENV=production),
// then, as the demo ADMIN:
//   1. generates a people CSV of --rows rows in a temporary file;
//   2. uploads it (streamed), maps it, runs the dry run and the import (jobs
//      through the outbox and the worker), timing each step;
//   3. exports all people (GET /export/people.csv), reading the stream as it comes;
// sampling the resident memory (VmRSS) of the API and the worker every 100 ms.
// Everything it started is stopped and the database dropped at the end.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const procs = require('../dev/procs.cjs');
const machine = require('./lib/machine.cjs');
const report = require('./lib/report.cjs');
const { cleanups, readArgs, takeCommonArgs, run } = require('./lib/run.cjs');
const { DEMO, DEMO_PASSWORD, jsonHeaders } = require('./lib/graphql.cjs');
const setup = require('./lib/setup.cjs');
const services = require('../dev/services.cjs');

const root = path.resolve(__dirname, '../..');
const DB_PREFIX = 'crm_bench_csv';
const SECTION_START = '<!-- bench:csv:start -->';
const SECTION_END = '<!-- bench:csv:end -->';
const TARGETS = { importSeconds: 60, exportSeconds: 20, exportRssMb: 100 };

const USAGE = `Usage: node tools/bench/csv.cjs [--rows N] [--wait-idle] [--log-level L] [--output FILE] [--no-write]

  --rows N        rows to import and (at least) to export (default 100000)
  --wait-idle     before measuring, wait (up to 15 min) until other processes leave the CPUs alone
  --log-level L   LOG_LEVEL of the API and worker (default warn)
  --output FILE   where the section is written (default docs/benchmarks.md)
  --no-write      print only

Environment: DATABASE_URL (server to create the bench database on, default ${setup.DEFAULT_SERVER_URL}).`;

function parseArgs(argv) {
  const options = { rows: 100_000, waitIdle: false, logLevel: 'warn', output: path.join(root, 'docs/benchmarks.md'), write: true };
  readArgs(argv, USAGE, (arg, next) => {
    if (arg === '--rows') {
      options.rows = Number(next());
      if (!Number.isInteger(options.rows) || options.rows < 1) throw new procs.UserError('--rows must be a positive integer');
    } else if (arg === '--wait-idle') options.waitIdle = true;
    else return takeCommonArgs(options, arg, next);
  });
  return options;
}

// ---------------------------------------------------------------------------
// The machine

const waitForIdle = () => machine.waitForIdle({ limit: 0.2, maxSeconds: 15 * 60, sampleMs: 3000, say: procs.say, warn: procs.warn });

// ---------------------------------------------------------------------------
// Memory sampling

function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples the RSS of some processes every 100 ms until stopped: start, peak, end per process. */
function sampler(pids) {
  const stats = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, { start: rssMb(pid), peak: rssMb(pid), end: null }]));
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) {
      const value = rssMb(pid);
      if (value !== null && (stats[name].peak === null || value > stats[name].peak)) stats[name].peak = value;
    }
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      for (const [name, pid] of Object.entries(pids)) stats[name].end = rssMb(pid);
      return stats;
    },
  };
}

// ---------------------------------------------------------------------------
// The data

const provinces = [
  ['ON', 'Ontario', 'Ottawa'],
  ['QC', 'Québec', 'Montréal'],
  ['BC', 'British Columbia', 'Vancouver'],
  ['AB', 'Alberta', 'Calgary'],
  ['MB', 'Manitoba', 'Winnipeg'],
  ['NS', 'Nova Scotia', 'Halifax'],
];
const firstNames = ['Amina', 'Élodie', 'Daniel', 'Fatou', 'Karim', 'Mei', 'Olumide', 'Priya', 'Sofia', 'Yonas'];
const lastNames = ['Haddad', 'Tremblay', 'Okafor', 'Diallo', 'Benali', 'Chen', 'Adeyemi', 'Sharma', 'Petrenko', 'Tesfaye'];

/** A CiviCRM-like people file of `rows` rows, written as a stream to a temporary file. */
async function generateCsv(rows) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-csv-')), 'people.csv');
  const out = fs.createWriteStream(file);
  const write = (text) => (out.write(text) ? null : new Promise((resolve) => out.once('drain', resolve)));
  await write('\uFEFFContact ID,First Name,Last Name,Email,Phone,State/Province,City,Tags,Note\r\n');
  for (let i = 0; i < rows; i++) {
    const [, province, city] = provinces[i % provinces.length];
    const phone = `613-555-${String(i % 10000).padStart(4, '0')}`;
    const tags = i % 3 === 0 ? '"Youth, Housing"' : i % 3 === 1 ? 'Employment' : '';
    const note = i % 50 === 0 ? `"Met at the ""Welcome"" forum\r\nfollow up in spring"` : '';
    const pending = write(
      `${i + 1},${firstNames[i % 10]},${lastNames[Math.floor(i / 10) % 10]}-${i},bench${i}@example.org,${phone},${province},${city},${tags},${note}\r\n`,
    );
    if (pending) await pending;
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return { file, bytes: fs.statSync(file).size, cleanup: () => fs.rmSync(path.dirname(file), { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------
// Talking to the API

async function graphql(base, token, query, variables = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: jsonHeaders(token),
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function waitForStatus(base, token, id, wanted) {
  for (;;) {
    const { importBatch } = await graphql(
      base,
      token,
      `
        query ($id: ID!) {
          importBatch(id: $id) {
            status
            lastError
            progress {
              validatedRows
              appliedRows
            }
            counts {
              create
              update
              error
              created
              updated
              failed
            }
          }
        }
      `,
      { id },
    );
    if (importBatch.status === wanted) return importBatch;
    if (importBatch.status === 'FAILED' || importBatch.status === 'CANCELLED') throw new Error(`import ${importBatch.status}: ${importBatch.lastError}`);
    await procs.sleep(200);
  }
}

const seconds = (ms) => ms / 1000;

async function benchImport(base, token, csv, pids) {
  const memory = sampler(pids);
  const started = Date.now();
  const upload = await fetch(`${base}/imports?kind=people&filename=bench.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: fs.createReadStream(csv.file),
    duplex: 'half',
  });
  const uploaded = await upload.json();
  if (upload.status !== 201) throw new Error(`upload: HTTP ${upload.status} ${JSON.stringify(uploaded)}`);
  const id = uploaded.importBatch.id;
  const uploadedAt = Date.now();
  procs.say(`uploaded ${uploaded.importBatch.rowCount} rows in ${seconds(uploadedAt - started).toFixed(1)} s`);

  const { guessImportMapping } = await graphql(
    base,
    token,
    `
      query ($id: ID!) {
        guessImportMapping(batchId: $id) {
          columns {
            column
            field
          }
        }
      }
    `,
    { id },
  );
  await graphql(
    base,
    token,
    `
      mutation ($input: SetImportMappingInput!) {
        setImportMapping(input: $input) {
          id
        }
      }
    `,
    {
      input: {
        batchId: id,
        mapping: guessImportMapping.columns.map((c) => ({ column: c.column, field: c.field })),
        duplicatePolicy: 'UPDATE',
        skipInvalidRows: false,
      },
    },
  );
  await graphql(
    base,
    token,
    `
      mutation ($id: ID!) {
        dryRunImport(batchId: $id) {
          id
        }
      }
    `,
    { id },
  );
  const checked = await waitForStatus(base, token, id, 'VALIDATED');
  const checkedAt = Date.now();
  procs.say(`dry run: ${JSON.stringify(checked.counts)} in ${seconds(checkedAt - uploadedAt).toFixed(1)} s`);
  if (checked.counts.error > 0) throw new Error(`the generated file has ${checked.counts.error} invalid rows`);

  await graphql(
    base,
    token,
    `
      mutation ($id: ID!) {
        runImport(batchId: $id) {
          id
        }
      }
    `,
    { id },
  );
  const done = await waitForStatus(base, token, id, 'IMPORTED');
  const doneAt = Date.now();
  procs.say(`import: ${JSON.stringify(done.counts)} in ${seconds(doneAt - checkedAt).toFixed(1)} s`);
  return {
    rows: uploaded.importBatch.rowCount,
    created: done.counts.created,
    upload: seconds(uploadedAt - started),
    dryRun: seconds(checkedAt - uploadedAt),
    run: seconds(doneAt - checkedAt),
    total: seconds(doneAt - started),
    memory: memory.stop(),
  };
}

async function benchExport(base, token, pids) {
  // Let the import's garbage go first, so the growth measured is the export's.
  await procs.sleep(2000);
  const memory = sampler(pids);
  const started = Date.now();
  const response = await fetch(`${base}/export/people.csv?lang=en`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`export: HTTP ${response.status} ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  let firstByteAt = null;
  for await (const chunk of response.body) {
    firstByteAt ??= Date.now();
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 0x0a) lines++;
  }
  const doneAt = Date.now();
  const stats = memory.stop();
  return { bytes, lines, firstByte: seconds(firstByteAt - started), total: seconds(doneAt - started), memory: stats };
}

// ---------------------------------------------------------------------------
// Reporting

const mb = (value) => (value === null ? 'n/a' : `${Math.round(value)} MB`);
const { verdict } = report;

function renderSection({ options, csv, imported, exported, pgVersion, load }) {
  const host = machine.machineDescription();
  const apiGrowth = exported.memory.api.peak - exported.memory.api.start;
  return [
    SECTION_START,
    '## CSV import and export',
    '',
    ...report.writtenBy(__filename, report.commandLine(__filename, { quote: false })),
    '',
    `- Machine: ${host.cpus}, ${host.memory} RAM, ${host.system}; Node ${process.version}; PostgreSQL ${pgVersion}; commit ${report.gitDescription()}`,
    `- API and worker started by the script (\`NODE_ENV=production\`, \`LOG_LEVEL=${options.logLevel}\`, default pool sizes) on a fresh database with the ` +
      `development seed; PostgreSQL, Redis, API, worker and this script on the same machine`,
    `- 1-minute load average: ${load[0].toFixed(2)} before the import, ${load[1].toFixed(2)} after the export (this run's own load ` +
      `included)${options.waitIdle ? '; started once other processes left the CPUs idle (--wait-idle)' : ''}`,
    `- File: ${imported.rows.toLocaleString('en-US')} people in a CiviCRM-like layout (9 columns; tags on two rows in three, a quoted two-line note every ` +
      `50 rows), ${(csv.bytes / 2 ** 20).toFixed(1)} MiB, UTF-8 with BOM; imported as ADMIN with the guessed mapping, duplicates → update`,
    '',
    '| step | time | target |',
    '|---|---:|---|',
    `| upload (streamed into staging) | ${imported.upload.toFixed(1)} s | |`,
    `| dry run (job: validate every row, find duplicates) | ${imported.dryRun.toFixed(1)} s | |`,
    `| import (job: ${imported.created.toLocaleString('en-US')} people created, audited, on the timeline; chunks of 1,000) | ${imported.run.toFixed(1)} s | |`,
    `| **import: upload + import job** | **${(imported.upload + imported.run).toFixed(1)} s** | < ${TARGETS.importSeconds} s: ` +
      `${verdict(imported.upload + imported.run < TARGETS.importSeconds)} |`,
    `| **whole wizard: upload + dry run + import job** | **${imported.total.toFixed(1)} s** | < ${TARGETS.importSeconds} s: ` +
      `${verdict(imported.total < TARGETS.importSeconds)} |`,
    `| export of all people (${(exported.lines - 1).toLocaleString('en-US')} rows, ${(exported.bytes / 2 ** 20).toFixed(1)} MiB): first byte | ` +
      `${exported.firstByte.toFixed(2)} s | |`,
    `| **export, request to last byte** | **${exported.total.toFixed(1)} s** | < ${TARGETS.exportSeconds} s: ` +
      `${verdict(exported.total < TARGETS.exportSeconds)} |`,
    '',
    '| resident memory (VmRSS, sampled every 100 ms) | start | peak | end |',
    '|---|---:|---:|---:|',
    `| API during the import | ${mb(imported.memory.api.start)} | ${mb(imported.memory.api.peak)} | ${mb(imported.memory.api.end)} |`,
    `| worker during the import | ${mb(imported.memory.worker.start)} | ${mb(imported.memory.worker.peak)} | ${mb(imported.memory.worker.end)} |`,
    `| API during the export (restarted after the import) | ${mb(exported.memory.api.start)} | ${mb(exported.memory.api.peak)} | ` +
      `${mb(exported.memory.api.end)} |`,
    '',
    `Export memory growth (API peak − start): **${mb(apiGrowth)}**; target < ${TARGETS.exportRssMb} MB: ${verdict(apiGrowth < TARGETS.exportRssMb)}.`,
    SECTION_END,
  ].join('\n');
}

// ---------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const database = await setup.prepareScratchDatabase(setup.serverUrl(), DB_PREFIX);
  const redis = await services.resolveRedis({ env: {}, isolated: true });
  cleanups.push(() => redis.stop());
  const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: options.logLevel, DATABASE_URL: database.url, REDIS_URL: redis.url };
  let t = Date.now();
  await setup.migrate(env);
  await setup.seed(env);
  procs.say(`migrated and seeded ${database.name} (${procs.since(t)})`);

  // One port for the API and its restart before the export; given, it lets the first start before the worker, at once.
  const port = await procs.freePort();
  const startApi = () => setup.startApi({ env, port });
  const apiReady = startApi();
  const workerReady = new Promise((resolve) => {
    const worker = procs.startProcess({
      name: 'worker',
      command: process.execPath,
      args: [path.join(root, 'dist/apps/worker/src/main.js')],
      env,
      onLine: (line) => line.includes('worker ready') && resolve(worker),
    });
    cleanups.push(() => worker.stop(30_000));
  });
  let api = await apiReady;
  const base = api.base;
  const worker = await workerReady;
  procs.say(`API on ${base} and worker ready`);

  const pgVersion = await setup.postgresVersion(database.url);

  const { signIn } = await graphql(
    base,
    null,
    `mutation { signIn(input: { email: ${JSON.stringify(DEMO.ADMIN)}, password: ${JSON.stringify(DEMO_PASSWORD)} }) { token } }`,
  );
  const token = signIn.token;

  t = Date.now();
  const csv = await generateCsv(options.rows);
  cleanups.push(async () => csv.cleanup());
  procs.say(`generated ${options.rows} rows (${(csv.bytes / 2 ** 20).toFixed(1)} MiB) in ${procs.since(t)}`);

  if (options.waitIdle) await waitForIdle();
  const loadBefore = os.loadavg()[0];
  const imported = await benchImport(base, token, csv, { api: api.pid, worker: worker.pid });
  // A fresh API process for the export, so its memory shows the export's and not what the upload left.
  await api.stop();
  api = await startApi();
  const exported = await benchExport(base, token, { api: api.pid });
  procs.say(
    `export: ${exported.lines - 1} rows, ${(exported.bytes / 2 ** 20).toFixed(1)} MiB in ${exported.total.toFixed(1)} s; API RSS ` +
      `${mb(exported.memory.api.start)} → peak ${mb(exported.memory.api.peak)}`,
  );

  const section = renderSection({ options, csv, imported, exported, pgVersion, load: [loadBefore, os.loadavg()[0]] });
  process.stdout.write(`\n${section}\n`);
  if (options.write) report.saveSection(options.output, section, { start: SECTION_START, end: SECTION_END });
}

run(main);
