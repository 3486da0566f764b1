// Child-process plumbing shared by the dev launcher (start.cjs), the db:migrate /
// db:seed wrappers, services.cjs and the e2e harness.
//
// Orphans are avoided three ways:
//  1. every long-lived child runs in its own process group (detached), so a
//     terminal Ctrl-C reaches only the launcher, which then stops the children in
//     order (apps first, then Redis, then PostgreSQL);
//  2. each owner process writes a registry file in .data/run/<pid>.json naming the
//     processes it started (pid + kernel start time, so a reused pid is never
//     mistaken for ours); on 'exit' whatever is still alive is signalled;
//  3. a launcher killed with SIGKILL cannot clean up, so every launcher first
//     reaps registry files whose owner is gone (reapOrphans()).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { spawn } = require('node:child_process');

const root = path.resolve(__dirname, '../..');
const dataRoot = path.join(root, '.data');
const runDir = path.join(dataRoot, 'run');
const logDir = path.join(dataRoot, 'logs');

/** An error whose message is meant for the user as it is (no stack trace). */
class UserError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

// ---------------------------------------------------------------------------
// Output
const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
// The apps' JSON log lines, readable when a person watches (see log-format.cjs).
const formatLine = require('./log-format.cjs').createLineFormatter({ pretty: Boolean(process.stdout.isTTY), colorize: useColor });
const COLORS = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 };
function color(name, text) {
  return useColor ? `\x1b[${COLORS[name]}m${text}\x1b[0m` : String(text);
}
function say(message) {
  process.stdout.write(`${color('bold', '[dev]')} ${message}\n`);
}
function warn(message) {
  process.stderr.write(`${color('yellow', '[dev]')} ${message}\n`);
}
function since(startedAt) {
  const ms = Date.now() - startedAt;
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------
// Process identity (pid + start time from /proc, so a recycled pid never matches)
function procStartTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may contain spaces, so
    // count from the closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] || null;
  } catch {
    return null;
  }
}
function isAlive(pid, startTime) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  if (startTime) {
    const now = procStartTime(pid);
    if (now !== null && now !== startTime) return false;
    // A zombie (exited, not yet reaped) counts as gone.
    try {
      const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (state.slice(state.lastIndexOf(')') + 2).startsWith('Z')) return false;
    } catch {
      /* no /proc: trust kill(0) */
    }
  }
  return true;
}
function signalGroup(pid, signal, group = true) {
  try {
    process.kill(group ? -pid : pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}
async function waitUntilGone(pid, startTime, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid, startTime)) return true;
    await sleep(50);
  }
  return !isAlive(pid, startTime);
}

// ---------------------------------------------------------------------------
// Registry of what this process started (.data/run/<pid>.json)
const ownerStart = procStartTime(process.pid);
const registryFile = path.join(runDir, `${process.pid}.json`);
/** name -> { name, kind, pid, start, group, stopSignal, child?, exited? } */
const owned = new Map();
let seq = 0;

function writeRegistry() {
  const processes = [...owned.values()].map(({ name, kind, pid, start, group, stopSignal, info }) => ({ name, kind, pid, start, group, stopSignal, info }));
  try {
    if (processes.length === 0) {
      fs.rmSync(registryFile, { force: true });
      return;
    }
    fs.mkdirSync(runDir, { recursive: true });
    const tmp = `${registryFile}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ ownerPid: process.pid, ownerStart, cwd: process.cwd(), argv: process.argv.slice(1), processes }, null, 2));
    fs.renameSync(tmp, registryFile);
  } catch (error) {
    warn(`could not write ${path.relative(root, registryFile)}: ${error.message}`);
  }
}

/**
 * Records a child so that it is stopped on exit, and reaped by a later run if
 * this process dies without cleaning up. Returns the registry key.
 */
function track(child, { name, kind = 'app', group = true, stopSignal = 'SIGTERM', info } = {}) {
  const key = owned.has(name) ? `${name}#${++seq}` : name;
  const entry = { name: key, kind, pid: child.pid, start: procStartTime(child.pid), group, stopSignal, info, child };
  owned.set(key, entry);
  writeRegistry();
  child.once('exit', () => {
    if (owned.get(key) === entry) {
      owned.delete(key);
      writeRegistry();
    }
  });
  return key;
}

/** All processes recorded by this owner that are still running, as registry entries. */
function ownedProcesses() {
  return [...owned.values()];
}

function readRegistries() {
  let files = [];
  try {
    files = fs.readdirSync(runDir).filter((file) => /^\d+\.json$/.test(file));
  } catch {
    return [];
  }
  const result = [];
  for (const file of files) {
    try {
      result.push({ file: path.join(runDir, file), ...JSON.parse(fs.readFileSync(path.join(runDir, file), 'utf8')) });
    } catch {
      /* half-written: ignore */
    }
  }
  return result;
}

/** Finds a live process started by a live owner (used to share an embedded PostgreSQL). */
function findLiveOwned(predicate) {
  for (const registry of readRegistries()) {
    if (registry.ownerPid === process.pid) continue;
    if (!isAlive(registry.ownerPid, registry.ownerStart)) continue;
    for (const entry of registry.processes || []) {
      if (isAlive(entry.pid, entry.start) && predicate(entry)) return { ...entry, ownerPid: registry.ownerPid };
    }
  }
  return null;
}

/** Stops processes left behind by launchers that died without cleaning up (once per process). */
let reaping = null;
function reapOrphans(options) {
  if (!reaping) reaping = reapOrphansNow(options);
  return reaping;
}
async function reapOrphansNow({ log = warn } = {}) {
  const order = { app: 0, tool: 0, redis: 1, postgres: 2 };
  for (const registry of readRegistries()) {
    if (registry.ownerPid === process.pid) continue;
    if (isAlive(registry.ownerPid, registry.ownerStart)) continue;
    const entries = (registry.processes || []).filter((entry) => isAlive(entry.pid, entry.start)).sort((a, b) => (order[a.kind] ?? 0) - (order[b.kind] ?? 0));
    for (const entry of entries) {
      log(`stopping ${entry.name} (pid ${entry.pid}), left running by an earlier run (pid ${registry.ownerPid}) that did not shut down cleanly`);
      signalGroup(entry.pid, entry.stopSignal || 'SIGTERM', entry.group !== false);
      if (!(await waitUntilGone(entry.pid, entry.start, 10_000))) {
        signalGroup(entry.pid, 'SIGKILL', entry.group !== false);
        await waitUntilGone(entry.pid, entry.start, 2_000);
      }
    }
    for (const entry of registry.processes || []) {
      if (entry.info && entry.info.scratchDir && entry.info.scratchDir.startsWith(dataRoot)) fs.rmSync(entry.info.scratchDir, { recursive: true, force: true });
    }
    fs.rmSync(registry.file, { force: true });
  }
}

// Last resort: whatever is still ours when this process exits gets its stop
// signal (those processes then shut themselves down).
process.on('exit', () => {
  for (const entry of owned.values()) {
    if (isAlive(entry.pid, entry.start)) signalGroup(entry.pid, entry.stopSignal, entry.group);
  }
  if (owned.size > 0) {
    // They were told to stop; a later reapOrphans() finishes the job if needed.
  } else {
    try {
      fs.rmSync(registryFile, { force: true });
    } catch {
      /* ignore */
    }
  }
});

// ---------------------------------------------------------------------------
// Managed child processes with prefixed output
let palette = ['cyan', 'magenta', 'blue', 'green', 'yellow'];
let labelWidth = 7;

/**
 * Starts a long-lived child in its own process group, printing its output with a
 * coloured prefix. onLine(line, stream) sees every line.
 */
function startProcess({
  name,
  command,
  args = [],
  cwd = root,
  env = process.env,
  kind = 'app',
  colorName,
  onLine,
  quiet = false,
  logFile,
  stopSignal = 'SIGTERM',
}) {
  const tint = colorName || palette[owned.size % palette.length];
  const label = color(tint, name.padEnd(labelWidth));
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const recent = [];
  const lineListeners = new Set();
  let logStream = null;
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    logStream = fs.createWriteStream(logFile, { flags: 'a' });
  }
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    // 'exit' can come before the last output lines: give the pipes a moment
    // to drain ('close'), without waiting on grandchildren holding them open.
    child.once('exit', (code, signal) => {
      const timer = setTimeout(() => resolve({ code, signal }), 200);
      child.once('close', () => {
        clearTimeout(timer);
        resolve({ code, signal });
      });
    });
  });
  if (child.pid) track(child, { name, kind, stopSignal, info: { command: [command, ...args].join(' ') } });
  for (const [stream, source] of [
    ['stdout', child.stdout],
    ['stderr', child.stderr],
  ]) {
    const rl = readline.createInterface({ input: source, crlfDelay: Infinity });
    rl.on('line', (line) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (!quiet) for (const shown of formatLine(line)) process.stdout.write(`${label} ${color('gray', '|')} ${shown}\n`);
      if (logStream) logStream.write(`${line}\n`);
      if (onLine) onLine(line, stream);
      for (const listener of lineListeners) listener(line, stream);
    });
  }
  const handle = {
    name,
    child,
    pid: child.pid,
    exited,
    recent,
    lineListeners,
    done: false,
    /** SIGTERM to the group, SIGKILL after timeoutMs. */
    async stop(timeoutMs = 10_000) {
      if (handle.done) return exited;
      signalGroup(child.pid, stopSignal);
      const timer = setTimeout(() => {
        if (!handle.done) {
          warn(`${name} did not stop within ${timeoutMs / 1000} s: killing it`);
          signalGroup(child.pid, 'SIGKILL');
        }
      }, timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      // Make sure nothing of its group outlives it (e.g. a grandchild).
      signalGroup(child.pid, 'SIGKILL');
      return result;
    },
  };
  exited.then(() => {
    handle.done = true;
    if (logStream) logStream.end();
  });
  return handle;
}

function describeExit({ code, signal, error }) {
  if (error) return error.message;
  if (signal) return `killed by ${signal}`;
  return `exit code ${code}`;
}

/** Runs a one-shot command to completion (own process group, stopped on exit). */
async function runStep({ name, command, args = [], cwd = root, env = process.env, quiet = false, logFile, colorName = 'gray' }) {
  const handle = startProcess({ name, command, args, cwd, env, kind: 'tool', colorName, quiet, logFile });
  current.add(handle);
  const result = await handle.exited;
  current.delete(handle);
  if (result.code !== 0) {
    const tail = quiet && handle.recent.length ? `\n${handle.recent.slice(-20).join('\n')}` : '';
    throw new UserError(`${name} failed (${describeExit(result)})${tail}`);
  }
  return result;
}
/** One-shot steps in flight (so a shutdown can stop them). */
const current = new Set();
async function stopSteps() {
  await Promise.all([...current].map((handle) => handle.stop(5_000)));
}

/** Polls url until it answers 200, the process exits, or timeoutMs passes. */
async function waitForHttp(url, { timeoutMs = 60_000, handle, name = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (handle && handle.done) {
      const result = await handle.exited;
      throw new UserError(`${handle.name} stopped during start-up (${describeExit(result)})${lastLines(handle)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause ? error.cause.code || error.cause.message : error.message;
    }
    await sleep(200);
  }
  throw new UserError(`${name} was not ready after ${timeoutMs / 1000} s (${url}: ${last})${handle ? lastLines(handle) : ''}`);
}

/** Waits until a line matching pattern appears in a process's output. */
function waitForLine(handle, pattern, { timeoutMs = 60_000 } = {}) {
  if (handle.recent.some((line) => pattern.test(line))) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      handle.lineListeners.delete(onLine);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new UserError(`${handle.name} did not log ${pattern} within ${timeoutMs / 1000} s${lastLines(handle)}`)), timeoutMs);
    const onLine = (line) => {
      if (pattern.test(line)) finish();
    };
    handle.lineListeners.add(onLine);
    handle.exited.then((result) => finish(new UserError(`${handle.name} stopped during start-up (${describeExit(result)})${lastLines(handle)}`)));
  });
}

function lastLines(handle) {
  if (!handle.recent.length) return '';
  return `; its last output:\n  ${handle.recent.slice(-10).join('\n  ')}`;
}

// ---------------------------------------------------------------------------
// Ports
const net = require('node:net');
function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Opens (appending) a log file under .data/logs and returns its fd and path. */
function openLog(name) {
  fs.mkdirSync(logDir, { recursive: true });
  const file = path.join(logDir, `${name}.log`);
  return { fd: fs.openSync(file, 'a'), file };
}
function tailFile(file, lines = 15) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n  ');
  } catch {
    return '';
  }
}

module.exports = {
  root,
  dataRoot,
  runDir,
  logDir,
  UserError,
  color,
  say,
  warn,
  since,
  sleep,
  procStartTime,
  isAlive,
  signalGroup,
  waitUntilGone,
  track,
  ownedProcesses,
  findLiveOwned,
  reapOrphans,
  startProcess,
  runStep,
  stopSteps,
  waitForHttp,
  waitForLine,
  describeExit,
  isPortFree,
  freePort,
  openLog,
  tailFile,
  setLabelWidth(width) {
    labelWidth = width;
  },
  setPalette(list) {
    palette = list;
  },
};
