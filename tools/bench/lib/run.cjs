// How a bench script runs: its command line read one way, `cleanups` undone in
// reverse order however it ends (done, failed, Ctrl-C), errors reported in one
// line (a stack only for bugs), and the process exits even if autocannon or pg
// leave a handle open.
'use strict';

const path = require('node:path');
const procs = require('../../dev/procs.cjs');

/**
 * Reads a command line: `take(arg, next, value)` handles one argument (next() answers its value) and answers
 * false for one it does not know. -h/--help prints `usage` and exits; an unknown argument fails with it.
 * `--name=value` gives the value inline. `bare` keeps the older scripts' command line as it was (records.cjs,
 * outreach.cjs, hot-path.cjs): no inline values, and plain Errors without the usage after a missing value.
 */
function readArgs(argv, usage, take, { bare = false } = {}) {
  const fail = (message) => (bare ? new Error(message) : new procs.UserError(message));
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    if (!bare && arg.startsWith('--') && arg.includes('=')) [arg, value] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) throw fail(bare ? `${arg} needs a value` : `${arg} needs a value\n\n${usage}`);
      return argv[++i];
    };
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    if (take(arg, next, value) === false) throw fail(`unknown argument ${arg}\n\n${usage}`);
  }
}

/**
 * The flags that mean the same in csv.cjs, graphql-throughput.cjs and faults/run.cjs, for readArgs's `take`:
 * --log-level L (options.logLevel), --output FILE and --no-write (options.write); false for any other argument.
 */
function takeCommonArgs(options, arg, next) {
  if (arg === '--log-level') options.logLevel = next();
  else if (arg === '--output') options.output = path.resolve(next());
  else if (arg === '--no-write') options.write = false;
  else return false;
  return true;
}

/** Steps to undo at the end, last added first (stop the API before dropping its database). */
const cleanups = [];

async function cleanUp() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (error) {
      procs.warn(`cleaning up: ${error.message}`);
    }
  }
}

/** Runs `main` as the script's body. A second Ctrl-C exits without waiting for the clean-up. */
function run(main) {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      procs.warn(`${signal}: stopping`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  main()
    .catch((error) => {
      process.exitCode = 1;
      const message = error instanceof procs.UserError || (error && error.name === 'UserError') ? error.message : (error && error.stack) || String(error);
      process.stderr.write(`${procs.color('red', 'error:')} ${message}\n`);
    })
    .finally(async () => {
      await cleanUp();
      setTimeout(() => process.exit(process.exitCode || 0), 100).unref();
    });
}

module.exports = { cleanups, readArgs, takeCommonArgs, run };
