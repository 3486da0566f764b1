// What the benchmark scripts read off the machine: CPU time of a process, of
// the whole machine, whether other work is running, and which PostgreSQL
// backends serve a process. Linux /proc only; the functions answer null (or
// nothing) elsewhere rather than guess.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds (user + system) a process has used so far; null if it is gone or unknown. */
function cpuSeconds(pid) {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime + stime
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine has spent busy so far (all cores), from /proc/stat. */
function machineBusySeconds() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / clockTicks;
  } catch {
    return null;
  }
}

/** CPU seconds this process (the load generator) has used so far. */
function ownCpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPUs (cores) the rest of the machine kept busy over `ms`, this process excluded. */
async function othersBusy(ms) {
  const before = machineBusySeconds();
  const own = ownCpuSeconds();
  await sleep(ms);
  const after = machineBusySeconds();
  return before === null || after === null ? null : (after - before - (ownCpuSeconds() - own)) / (ms / 1000);
}

/**
 * --wait-idle: the machine is shared; wait until other processes use less than
 * `limit` CPUs (sampled over `sampleMs`), at most `maxSeconds`, then measure anyway.
 * Answers the last reading (null where /proc is missing).
 */
async function waitForIdle({ limit = 0.2, maxSeconds = 120, sampleMs = 2000, say = console.log, warn = console.warn } = {}) {
  const started = Date.now();
  let told = false;
  for (;;) {
    const busy = await othersBusy(sampleMs);
    if (busy === null || busy < limit) return busy;
    if (!told) say(`waiting for the machine to be idle (other processes use ${busy.toFixed(2)} CPUs)…`);
    told = true;
    if (Date.now() - started > maxSeconds * 1000) {
      warn(`the machine did not become idle within ${maxSeconds} s (others use ${busy.toFixed(2)} CPUs): measuring anyway`);
      return busy;
    }
  }
}

/** Local TCP ports of a process's sockets (Linux /proc): its pg pool's client ports among them. */
function localPorts(pid) {
  const inodes = new Set();
  try {
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]);
      } catch {
        /* closed meanwhile */
      }
    }
  } catch {
    return new Set();
  }
  const ports = new Set();
  for (const table of ['tcp', 'tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && inodes.has(cols[9])) ports.add(parseInt(cols[1].split(':')[1], 16));
    }
  }
  return ports;
}

/**
 * The PostgreSQL backends (pids) of database `dbName` serving process `pid`: those whose client
 * port is one of its sockets, so that two servers on one database are told apart. `db` is a pg client.
 */
async function backendsOf(db, dbName, pid) {
  const ports = localPorts(pid);
  const { rows } = await db.query('SELECT pid, client_port FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);
  return rows.filter((r) => ports.has(r.client_port)).map((r) => r.pid);
}

/** "2 × AMD EPYC …, 23.5 GiB RAM, Linux 6.1 (x64)" and the parts of it (`system` is `os` without the architecture). */
function machineDescription() {
  const cpus = os.cpus();
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length;
  const parts = {
    cpus: `${cores} × ${cpus[0] ? cpus[0].model.trim() : 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    system: `${os.type()} ${os.release()}`,
    node: process.version,
    cores,
  };
  return { ...parts, line: `${parts.cpus}, ${parts.memory} RAM, ${parts.os}` };
}

module.exports = {
  clockTicks,
  sleep,
  cpuSeconds,
  machineBusySeconds,
  ownCpuSeconds,
  othersBusy,
  waitForIdle,
  localPorts,
  backendsOf,
  machineDescription,
};
