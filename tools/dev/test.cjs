#!/usr/bin/env node
// `npm test`: lint, typecheck and unit tests, then integration tests against real
// PostgreSQL and Redis (each suite in its own freshly migrated database), then the
// Playwright journeys in Debian's Chromium against the running stack. Services are
// found the same way `npm start` finds them.
const { spawn } = require('node:child_process');
const path = require('node:path');
const services = require('./services.cjs');

const root = path.resolve(__dirname, '../..');
const nx = path.join(root, 'node_modules/.bin/nx');
const prettier = path.join(root, 'node_modules/prettier/bin/prettier.cjs');
// The files `npm run format` formats (package.json): generated files and the lock file are left as written.
const formatted = ['**/*.{ts,tsx,js,cjs,mjs,json,yml,yaml,css}', '!**/__generated__/**', '!package-lock.json', '!apps/staff/build/**', '!apps/staff/.cache/**'];

function run(label, command, args, env) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n=== ${label}\n`);
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ label, ok: code === 0, seconds, detail: signal ? `signal ${signal}` : `exit ${code}` });
    });
  });
}

async function main() {
  const started = Date.now();
  // Tests keep their databases apart from the development cluster (.data/postgres).
  // roles: false keeps the superuser URL: each suite makes its own database with its own roles (decision 067).
  const found = await services.resolveServices({ dataDir: path.join(root, '.data/postgres-test'), roles: false });
  const env = { ...process.env, ...found.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NODE_ENV: 'test', FORCE_COLOR: '0' };
  const results = [];
  let stepCount = Infinity;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await services.dropStaleTestDatabases(found.database.url).catch(() => []);
    const steps = [
      ['format (Prettier)', process.execPath, [prettier, '--ignore-path', '.gitignore', '--check', ...formatted, '--log-level', 'warn']],
      ['lint, typecheck, unit tests', nx, ['run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static']],
      ['compile', process.execPath, ['tools/build/compile-node.cjs']],
      ['integration tests (PostgreSQL + Redis)', nx, ['run-many', '-t', 'int-test', '--parallel=1', '--outputStyle=static']],
      ['browser journeys (Chromium)', nx, ['run', 'staff-e2e:e2e', '--outputStyle=static']],
    ];
    stepCount = steps.length;
    for (const [label, command, args] of steps) {
      if (interrupted) break;
      const result = await run(label, command, args, env);
      results.push(result);
      if (!result.ok) break;
    }
  } finally {
    await found.stop();
  }
  process.stdout.write('\n=== summary\n');
  for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label} (${r.seconds} s, ${r.detail})\n`);
  const total = ((Date.now() - started) / 1000).toFixed(1);
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`npm test finished in ${total} s\n`);
  process.exitCode = failed || interrupted || results.length < stepCount ? 1 : 0;
}

main().catch((error) => {
  services.fail(error);
});
