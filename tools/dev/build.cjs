// Build steps shared by the dev launcher, db:migrate/db:seed and the e2e harness.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const procs = require('./procs.cjs');

const { root, UserError } = procs;
const staffDir = path.join(root, 'apps/staff');
const staffBuildDir = path.join(staffDir, 'build');
const staffServerEntry = path.join(staffBuildDir, 'server/index.js');
const staffStamp = path.join(staffBuildDir, '.build-started-at');
/** What the staff bundle is made from (besides apps/staff itself). */
const staffInputs = ['libs/shared', 'libs/staff', 'package-lock.json', 'tsconfig.base.json'];
const staffSkip = new Set(['build', '.cache', 'node_modules', 'coverage']);

const dist = {
  migrate: path.join(root, 'dist/tools/seed/migrate.js'),
  seed: path.join(root, 'dist/tools/seed/seed.js'),
  api: path.join(root, 'dist/apps/api/src/main.js'),
  worker: path.join(root, 'dist/apps/worker/src/main.js'),
  demoUsers: path.join(root, 'dist/libs/api/seed-data/src/demo-users.js'),
};

function newestMtime(target, skip = new Set(), top = true) {
  let newest = 0;
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A deleted source file shows as a newer directory; the top folder itself
  // changes whenever build/ is recreated, so it does not count.
  if (!top) newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name), undefined, false));
  }
  return newest;
}

/**
 * The staff build is fresh when it exists and no input changed since the build
 * started (the stamp holds the start time, so an edit made during a build
 * triggers the next one).
 */
function staffBuildIsFresh() {
  if (!fs.existsSync(staffServerEntry)) return false;
  let builtFrom;
  try {
    builtFrom = Number(fs.readFileSync(staffStamp, 'utf8'));
  } catch {
    return false;
  }
  const newest = Math.max(newestMtime(staffDir, staffSkip), ...staffInputs.map((input) => newestMtime(path.join(root, input))));
  return newest < builtFrom;
}

/** node tools/build/compile-node.cjs */
function compileNode({ quiet = false, logFile } = {}) {
  return procs.runStep({ name: 'compile', command: process.execPath, args: [path.join(root, 'tools/build/compile-node.cjs')], quiet, logFile });
}

/** remix vite:build in apps/staff, unless the build is fresh (force to rebuild anyway). Returns true if it built. */
async function buildStaff({ force = false, quiet = false, logFile } = {}) {
  if (
    !fs.existsSync(path.join(staffDir, 'vite.config.ts')) &&
    !fs.existsSync(path.join(staffDir, 'vite.config.mts')) &&
    !fs.existsSync(path.join(staffDir, 'vite.config.js'))
  ) {
    throw new UserError('apps/staff has no vite.config: cannot build the staff app');
  }
  if (!force && staffBuildIsFresh()) return false;
  const startedAt = Date.now();
  await procs.runStep({
    name: 'build',
    command: process.execPath,
    args: [require.resolve('@remix-run/dev/dist/cli.js', { paths: [root] }), 'vite:build'],
    cwd: staffDir,
    env: { ...process.env, NODE_ENV: 'production' },
    quiet,
    logFile,
  });
  if (!fs.existsSync(staffServerEntry)) throw new UserError(`the staff build finished but ${path.relative(root, staffServerEntry)} is missing`);
  fs.writeFileSync(staffStamp, String(startedAt));
  return true;
}

function requireDist(file) {
  if (!fs.existsSync(file)) {
    const source = path.relative(path.join(root, 'dist'), file).replace(/\.js$/, '.ts');
    throw new UserError(`${path.relative(root, file)} is missing after compiling: is ${source} there?`);
  }
  return file;
}

/** Command line that serves the staff build (run with cwd apps/staff: server.js serves build/client and public/ relative to it). */
function staffServeCommand() {
  return {
    command: process.execPath,
    args: [path.join(staffDir, 'server.js')],
    cwd: staffDir,
  };
}

module.exports = { dist, compileNode, buildStaff, staffBuildIsFresh, requireDist, staffServeCommand, staffDir, staffServerEntry };
