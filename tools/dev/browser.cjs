// Which Chromium the browser journeys drive (decision 060), with no manual step:
//   1. CHROMIUM_PATH, if set (it must be an executable file: no silent fallback);
//   2. Debian's /usr/bin/chromium, if it is there (`apt-get install chromium`);
//   3. the Chromium shipped inside the npm package @sparticuz/chromium (a
//      devDependency), unpacked once into node_modules/.cache/coalition-crm/ with
//      the few shared libraries (nss, nspr, expat) and the fonts it brings along,
//      so it also runs on a machine that has none of them.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.resolve(__dirname, '../..');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const PACKAGE = '@sparticuz/chromium';

/**
 * The browser to use, from facts passed in (pure). isExecutableFile(path): a
 * regular file we may execute; packagedVersion: the installed @sparticuz/chromium
 * version, or null; arch: process.arch. Returns { source, executablePath } (executablePath is null
 * for 'packaged': it is known once unpacked) or { error }.
 */
function chooseBrowser({ env, isExecutableFile, packagedVersion, arch }) {
  if (env.CHROMIUM_PATH) {
    if (isExecutableFile(env.CHROMIUM_PATH)) return { source: 'CHROMIUM_PATH', executablePath: env.CHROMIUM_PATH };
    return { error: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file: point it at a Chromium, or unset it` };
  }
  if (isExecutableFile(DEBIAN_CHROMIUM)) return { source: 'debian', executablePath: DEBIAN_CHROMIUM };
  // The npm tarball holds an x64 build only.
  if (packagedVersion && arch === 'x64') return { source: 'packaged', executablePath: null, version: packagedVersion };
  return {
    error:
      `no Chromium: ${DEBIAN_CHROMIUM} is missing and ` +
      (packagedVersion ? `${PACKAGE} has no build for ${arch}` : `${PACKAGE} is not installed (run npm ci)`) +
      ', so set CHROMIUM_PATH or apt-get install chromium',
  };
}

/** Environment the packaged Chromium needs: its own libraries first, its own font configuration. */
function packagedBrowserEnv(dir, env) {
  const libraries = path.join(dir, 'al2023', 'lib');
  return {
    LD_LIBRARY_PATH: env.LD_LIBRARY_PATH ? `${libraries}:${env.LD_LIBRARY_PATH}` : libraries,
    FONTCONFIG_PATH: dir,
  };
}

// ---------------------------------------------------------------------------
// Facts and side effects

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false; // e.g. /dev/null bound over it
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function packagedVersion() {
  try {
    const entry = require.resolve(PACKAGE, { paths: [root] });
    return JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

// Runs in a child Node process (the package is ESM only, and this keeps jest's
// module system out of it): the package unpacks into os.tmpdir(), which TMPDIR
// points at our scratch folder, so nothing lands in the shared /tmp.
const UNPACK_SCRIPT = `
import chromium, { inflate } from '${PACKAGE}';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const executablePath = await chromium.executablePath();
await inflate(path.join(path.dirname(fileURLToPath(import.meta.resolve('${PACKAGE}'))), '..', 'bin', 'al2023.tar.br'));
process.stdout.write(JSON.stringify({ executablePath }));
`;

function runNode(script, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`unpacking ${PACKAGE} failed (exit code ${code}): ${err.trim().slice(-2000)}`)),
    );
  });
}

/** fontconfig reads FONTCONFIG_PATH/fonts.conf: the package's fonts, then the machine's, cache beside them. */
function fontsConf(dir) {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${path.join(dir, 'fonts')}</dir>`,
    '  <dir>/usr/share/fonts</dir>',
    '  <dir>/usr/local/share/fonts</dir>',
    `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Gives every file under dir to the current user (tar keeps the archive's owners when root unpacks). */
function ownAll(dir) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    fs.lchownSync(full, 0, 0);
    if (entry.isDirectory()) ownAll(full);
  }
}

/**
 * Unpacks the packaged Chromium once per version into
 * node_modules/.cache/coalition-crm/chromium-<version>/ (scratch folder, then
 * renamed, so a half-unpacked browser is never used). Returns its folder.
 */
async function unpackPackagedChromium(version, { cacheRoot = path.join(root, 'node_modules', '.cache', 'coalition-crm') } = {}) {
  const dir = path.join(cacheRoot, `chromium-${version}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  const scratch = `${dir}.unpack-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  try {
    const { executablePath } = JSON.parse(await runNode(UNPACK_SCRIPT, { cwd: root, env: { ...process.env, TMPDIR: scratch } }));
    if (executablePath !== path.join(scratch, 'chromium')) throw new Error(`${PACKAGE} unpacked to ${executablePath}, not into ${scratch}`);
    ownAll(scratch); // the fonts archive carries its builder's uid
    fs.writeFileSync(path.join(scratch, 'fonts.conf'), fontsConf(dir));
    fs.writeFileSync(path.join(scratch, '.complete'), `${PACKAGE} ${version}\n`);
    fs.renameSync(scratch, dir);
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, '.complete'))) throw error; // else another run unpacked it first
  }
  return dir;
}

/**
 * The browser to launch: { source, executablePath, env, description }. env holds
 * the extra variables the browser needs (merge them over process.env).
 */
async function findBrowser({ env = process.env } = {}) {
  const choice = chooseBrowser({ env, isExecutableFile, packagedVersion: packagedVersion(), arch: process.arch });
  if (choice.error) throw new Error(choice.error);
  if (choice.source !== 'packaged') return { ...choice, env: {}, description: `${choice.executablePath} (${choice.source})` };
  const dir = await unpackPackagedChromium(choice.version);
  return {
    source: 'packaged',
    executablePath: path.join(dir, 'chromium'),
    env: packagedBrowserEnv(dir, env),
    description: `${PACKAGE} ${choice.version} (${path.relative(root, dir)})`,
  };
}

module.exports = { DEBIAN_CHROMIUM, chooseBrowser, packagedBrowserEnv, findBrowser, unpackPackagedChromium };
