#!/usr/bin/env node
// Fault drills: the compiled API and worker, started here against a throw-away
// database on the real PostgreSQL (through a TCP proxy this script can cut) and a
// private redis-server it stops and starts, broken on purpose and measured from
// outside. Writes the results table into docs/reliability.md with the machine,
// the command and the date (decisions 062-064).
//
//   node tools/faults/run.cjs [--only writers,imports,redis,postgres,replicas]
//        [--duration 60] [--writers 100] [--rows 20000] [--kills 5]
//        [--redis-outage 20] [--postgres-outage 10] [--output FILE] [--no-write]
//
// Smoke run (about two minutes):
//   node tools/faults/run.cjs --duration 5 --writers 10 --rows 3000 --kills 2 --redis-outage 5 --postgres-outage 3 --no-write
'use strict';

const os = require('node:os');
const path = require('node:path');
const procs = require('../dev/procs.cjs');
const machine = require('../bench/lib/machine.cjs');
const report = require('../bench/lib/report.cjs');
const { readArgs, takeCommonArgs, run } = require('../bench/lib/run.cjs');
const setup = require('../bench/lib/setup.cjs');
const { DEMO, signIn } = require('./lib/client.cjs');
const { importsUnderKills } = require('./lib/imports.cjs');
const { postgresOutage, redisOutage, replicas } = require('./lib/outages.cjs');
const { prepare, startApi, startWorker, root } = require('./lib/stack.cjs');
const { writers } = require('./lib/writers.cjs');
const { render } = require('./lib/render.cjs');

const SCENARIOS = ['writers', 'imports', 'redis', 'postgres', 'replicas'];

const USAGE = `Usage: node tools/faults/run.cjs [options]

  --only LIST            scenarios to run, comma-separated (default: ${SCENARIOS.join(',')})
  --duration S           seconds of concurrent writing (default 60)
  --writers N            concurrent writers (default 100)
  --rows N               rows per CSV import (default 20000)
  --kills N              kill -9 of the worker during imports: one import killed twice, the others once (default 5)
  --redis-outage S       seconds Redis is stopped (default 20)
  --postgres-outage S    seconds PostgreSQL is cut off (default 10)
  --log-level L          LOG_LEVEL of the APIs (default warn; workers log at info)
  --output FILE          where the results go (default docs/reliability.md)
  --no-write             print only

Environment: DATABASE_URL (server to create the drill's database on, default ${setup.DEFAULT_SERVER_URL}).`;

function parseArgs(argv) {
  const options = {
    only: SCENARIOS,
    duration: 60,
    writers: 100,
    rows: 20_000,
    kills: 5,
    redisOutage: 20,
    postgresOutage: 10,
    logLevel: 'warn',
    output: path.join(root, 'docs/reliability.md'),
    write: true,
  };
  const positive = (name, text) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new procs.UserError(`${name} must be a positive number`);
    return value;
  };
  readArgs(argv, USAGE, (arg, next) => {
    switch (arg) {
      case '--only':
        options.only = next().split(',');
        for (const name of options.only) if (!SCENARIOS.includes(name)) throw new procs.UserError(`unknown scenario ${name} (${SCENARIOS.join(', ')})`);
        break;
      case '--duration':
        options.duration = positive(arg, next());
        break;
      case '--writers':
        options.writers = Math.round(positive(arg, next()));
        break;
      case '--rows':
        options.rows = Math.round(positive(arg, next()));
        break;
      case '--kills':
        options.kills = Math.max(2, Math.round(positive(arg, next())));
        break;
      case '--redis-outage':
        options.redisOutage = positive(arg, next());
        break;
      case '--postgres-outage':
        options.postgresOutage = positive(arg, next());
        break;
      default:
        return takeCommonArgs(options, arg, next);
    }
  });
  return options;
}

/** Kills spread over imports: the first import is not killed (the baseline), the second twice, the others once. */
function killPlan(kills) {
  const plan = [[], [0.25, 0.6]];
  for (let k = 2; k < kills; k++) plan.push([0.35]);
  return plan;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const runId = Date.now().toString(36);
  const logDir = path.join(root, '.data/logs/faults', runId);
  const stack = await prepare({
    serverUrl: setup.serverUrl(),
    logLevel: options.logLevel,
    logDir,
    // The platform's repeatable job every second, so ticks can be counted; workers at info to see their jobs.
    workerEnv: { LOG_LEVEL: 'info', REPEATABLE_JOB_SCHEDULES: JSON.stringify({ PurgeOutboxJob: { every: 1000 } }) },
  });
  const api = await startApi(stack);
  await startWorker(stack);
  procs.say(`API on ${api.base} and a worker ready; logs in ${path.relative(root, logDir)}`);

  const pgVersion = await setup.postgresVersion(stack.database.url);

  const results = {};
  const started = Date.now();
  if (options.only.includes('writers')) {
    results.writers = await writers(stack, api, { writers: options.writers, durationSeconds: options.duration });
    procs.say(`writers: ${JSON.stringify(results.writers)}`);
  }
  if (options.only.includes('imports')) {
    const token = await signIn(api.base, DEMO.ADMIN);
    results.imports = await importsUnderKills(stack, api, token, { rows: options.rows, plan: killPlan(options.kills), run: runId });
  }
  if (options.only.includes('redis')) {
    results.redis = await redisOutage(stack, api, { outageSeconds: options.redisOutage, run: runId });
    procs.say(`redis: ${JSON.stringify(results.redis)}`);
  }
  if (options.only.includes('postgres')) {
    results.postgres = await postgresOutage(stack, api, { outageSeconds: options.postgresOutage });
    procs.say(`postgres: ${JSON.stringify(results.postgres)}`);
  }
  if (options.only.includes('replicas')) {
    results.replicas = await replicas(stack, api, { rows: Math.min(options.rows, 5000), run: runId, tickSeconds: 15 });
    procs.say(`replicas: ${JSON.stringify(results.replicas)}`);
  }

  const section = render({
    options,
    results,
    minutes: (Date.now() - started) / 60_000,
    machine: `${machine.machineDescription().line}; Node ${process.version}; PostgreSQL ${pgVersion}; load average ${os.loadavg()[0].toFixed(2)} at the end`,
    commit: report.gitDescription(),
    command: report.commandLine(__filename),
  });
  process.stdout.write(`\n${section}\n`);
  if (options.write) report.saveSection(options.output, section, { start: render.START, end: render.END });
  const failures = render.failures(results);
  if (failures.length) {
    process.exitCode = 1;
    procs.warn(`not met: ${failures.join('; ')}`);
  }
}

run(main);
