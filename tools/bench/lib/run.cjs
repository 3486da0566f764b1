// How a bench script runs: `cleanups` undone in reverse order however it ends
// (done, failed, Ctrl-C), errors reported in one line (a stack only for bugs),
// and the process exits even if autocannon or pg leave a handle open.
'use strict';

const procs = require('../../dev/procs.cjs');

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

module.exports = { cleanups, run };
