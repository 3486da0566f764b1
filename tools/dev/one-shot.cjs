// Runs one compiled script (dist/…) against the resolved services, e.g.
// `npm run db:migrate`, `npm run db:seed -- --scale large`; stops what it started.
'use strict';

const procs = require('./procs.cjs');
const services = require('./services.cjs');
const build = require('./build.cjs');

const { say, since, UserError } = procs;

async function runOneShot({ name, script, args = process.argv.slice(2) }) {
  const startedAt = Date.now();
  let resolvedPromise = null;
  let step = null;
  let stopping = false;
  const finish = async (code, message) => {
    if (stopping) return;
    stopping = true;
    if (message) process.stderr.write(`${procs.color('red', 'error:')} ${message}\n`);
    await procs.stopSteps();
    const resolved = resolvedPromise ? await resolvedPromise.catch(() => null) : null;
    if (resolved) await resolved.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(130, `${name} interrupted`));
  try {
    await procs.reapOrphans();
    resolvedPromise = services.resolveServices();
    const [resolved] = await Promise.all([resolvedPromise, build.compileNode({ quiet: true })]);
    if (stopping) return;
    const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development', ...resolved.env };
    step = procs.runStep({ name, command: process.execPath, args: [build.requireDist(script), ...args], env });
    await step;
    say(`${name} done in ${since(startedAt)}`);
    await finish(0);
  } catch (error) {
    await finish(1, error instanceof UserError || (error && error.name === 'UserError') ? error.message : error.stack || String(error));
  }
}

module.exports = { runOneShot, dist: build.dist };
