#!/usr/bin/env node
// The hot path, A/B: two builds of the API (and, with --floor, the records bench's
// floor) serve the people list in turn, round after round, on the same database,
// and the CPU each spent per answer is read from /proc. On a shared machine req/s
// mostly says how much CPU a server was given; CPU per answer says what it costs.
// With --profile, one more round per build runs under V8's sampling profiler
// (lib/cpu-profile.cjs) and --read-profile sums a .cpuprofile up by package and
// function. Prints only: docs/benchmarks.md is written by records.cjs.
//
//   node tools/bench/hot-path.cjs --a /tmp/base/dist/apps/api/src/main.js [--b dist/apps/api/src/main.js] [--rounds 4]
//   node tools/bench/hot-path.cjs --read-profile /tmp/prof/B.cpuprofile
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const machine = require('./lib/machine.cjs');
const { msPer } = require('./lib/report.cjs');
const { cleanups, readArgs, run } = require('./lib/run.cjs');
const { DEMO, autocannonPost, post, signIn } = require('./lib/graphql.cjs');
const setup = require('./lib/setup.cjs');
const floors = require('./lib/floor.cjs');

const root = path.resolve(__dirname, '../..');
const COORDINATOR = DEMO.COORDINATOR;
const PEOPLE_QUERY =
  'query People($first: Int, $after: String, $filter: PersonFilterInputType) { people(first: $first, after: $after, filter: $filter) ' +
  '{ nodes { id firstName lastName provinceCode engagementStage affiliations { title organization { id nameEn } } } pageInfo { endCursor hasNextPage } } }';

const USAGE = `Usage: node tools/bench/hot-path.cjs [options]
       node tools/bench/hot-path.cjs --read-profile FILE [--top N]

  --a FILE           build A's compiled main.js (default dist/apps/api/src/main.js)
  --b FILE           build B's compiled main.js (default: none, A alone)
  --floor            the records bench's floor as a third column
  --db URL           database, migrated and seeded (default crm_bench_large on DATABASE_URL's server)
  --email ADDRESS    who signs in (default ${COORDINATOR}, the records bench's coordinator)
  --first N          page size (default 50)
  --rounds N         rounds, each build once per round, order alternating (default 4)
  --together         load every server at once in each round (10 s each, same moment): on a shared
                     machine both then meet the same competition for the CPU; req/s is then the
                     share each got, CPU per answer the figure to compare
  --duration S       measured seconds per build and round (default 10)
  --warmup S         unmeasured seconds before each (default 3)
  --connections N    concurrent connections (default 20)
  --profile DIR      then one more round per build under the CPU profiler: DIR/A.cpuprofile, DIR/B.cpuprofile
  --read-profile F   sum up a .cpuprofile: self time by package and by function, and time inside our code
  --top N            lines per table of --read-profile (default 30)`;

function parseArgs(argv) {
  const o = { a: path.join(root, 'dist/apps/api/src/main.js'), b: null, floor: false, db: null, email: COORDINATOR, first: 50, rounds: 4, together: false };
  Object.assign(o, { duration: 10, warmup: 3, connections: 20, profile: null, readProfile: null, top: 30 });
  const take = (arg, next) => {
    if (arg === '--a') o.a = path.resolve(next());
    else if (arg === '--b') o.b = path.resolve(next());
    else if (arg === '--floor') o.floor = true;
    else if (arg === '--together') o.together = true;
    else if (arg === '--db') o.db = next();
    else if (arg === '--email') o.email = next();
    else if (arg === '--first') o.first = Number(next());
    else if (arg === '--rounds') o.rounds = Math.max(1, Number(next()));
    else if (arg === '--duration') o.duration = Number(next());
    else if (arg === '--warmup') o.warmup = Number(next());
    else if (arg === '--connections') o.connections = Number(next());
    else if (arg === '--profile') o.profile = path.resolve(next());
    else if (arg === '--read-profile') o.readProfile = path.resolve(next());
    else if (arg === '--top') o.top = Number(next());
    else return false;
  };
  readArgs(argv, USAGE, take, { bare: true });
  return o;
}

// ---------------------------------------------------------------------------
// Reading a profile

/** Where a frame's code lives: a package, a Node module, our code (dist/…), or V8 itself. */
function placeOf(frame) {
  const url = frame.url || '';
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : null; // a native: its JavaScript caller's
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:'))
    return `node:${
      url
        .slice(5)
        .replace(/^internal\//, '')
        .split('/')[0]
    }`;
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? `ours: ${url.slice(dist + 6).replace(/^(libs\/api|apps\/api\/src)\//, '')}` : url.replace(/^file:\/\//, '');
}

function readProfile(file, top) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  // Samples, not timeDeltas: on a busy machine a sample taken after the process waited for a
  // CPU carries the wait in its delta. Idle samples are not the server's work.
  const selfSamples = new Map();
  for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) || 0) + 1);
  const label = (f) => `${f.functionName || '(anonymous)'} ${f.url ? `${placeOf(f)}:${f.lineNumber + 1}` : '(native)'}`;
  const busy = [...selfSamples].reduce((sum, [id, n]) => sum + (byId.get(id).callFrame.functionName === '(idle)' ? 0 : n), 0);
  const byPlace = new Map();
  const byFunction = new Map();
  const inclusive = new Map();
  for (const [id, n] of selfSamples) {
    const frame = byId.get(id).callFrame;
    if (frame.functionName === '(idle)') continue;
    let place = placeOf(frame);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      if (place === null && f.url) place = placeOf(f);
      const key = label(f);
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) || 0) + n);
      seen.add(key);
    }
    byPlace.set(place ?? '(native, no caller)', (byPlace.get(place ?? '(native, no caller)') || 0) + n);
    // A native's line names its JavaScript caller (JSON.stringify from fastify's serializer, say).
    let key = label(frame);
    if (!frame.url && !frame.functionName.startsWith('(')) {
      for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
        const f = byId.get(at).callFrame;
        if (f.url) {
          key = `${frame.functionName || '(anonymous)'} (native) in ${label(f)}`;
          break;
        }
      }
    }
    byFunction.set(key, (byFunction.get(key) || 0) + n);
  }
  const table = (title, map, filter = () => true) => {
    const lines = [...map]
      .filter(([key]) => filter(key))
      .sort((x, y) => y[1] - x[1])
      .slice(0, top);
    return [`${title}:`, ...lines.map(([key, n]) => `  ${((100 * n) / busy).toFixed(1).padStart(5)}%  ${String(n).padStart(6)}  ${key}`)].join('\n');
  };
  return [
    `${path.basename(file)}: ${busy} samples not idle over ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms (share of them, count)`,
    table('self time by place (natives counted to their JavaScript caller)', byPlace),
    table('self time by function', byFunction),
    table('inclusive time of our functions', inclusive, (key) => key.includes(' ours: ')),
  ].join('\n\n');
}

// ---------------------------------------------------------------------------
// Measuring

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

async function main() {
  const procs = require('../dev/procs.cjs');
  const services = require('../dev/services.cjs');
  const { Client } = require('pg');
  const say = procs.say;
  const o = parseArgs(process.argv.slice(2));
  if (o.readProfile) {
    process.stdout.write(`${readProfile(o.readProfile, o.top)}\n`);
    return;
  }
  const dbUrl = o.db || services.withDatabase(setup.serverUrl(), 'crm_bench_large');
  const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: dbUrl, REDIS_URL: setup.redisUrl() };
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const dbName = new URL(dbUrl).pathname.slice(1);
  const dbPidsOf = (serverPid) => machine.backendsOf(db, dbName, serverPid);
  if (o.profile) fs.mkdirSync(o.profile, { recursive: true });

  const startApi = async (name, main) => {
    const nodeArgs = o.profile ? ['-r', path.join(__dirname, 'lib/cpu-profile.cjs')] : [];
    const extra = o.profile ? { CPU_PROFILE_FILE: path.join(o.profile, `${name}.cpuprofile`) } : {};
    const { handle, pid, url } = await setup.startApi({ name, main, nodeArgs, env: { ...env, ...extra } });
    return { name, main, handle, pid, url };
  };
  const servers = [await startApi('A', o.a)];
  if (o.b) servers.push(await startApi('B', o.b));
  const session = await signIn(servers[0].url, o.email);
  const body = { query: PEOPLE_QUERY, variables: { first: o.first } };
  const answers = await Promise.all(servers.map((s) => post(s.url, body, session.token)));
  for (const s of servers) s.token = session.token;
  if (answers.length > 1) {
    const same = JSON.stringify(answers[0]) === JSON.stringify(answers[1]);
    say(`A and B answer the same page: ${same}`);
    if (!same) throw new Error('A and B answer differently: compare them before measuring');
  }
  say(`signed in as ${session.who}; ${answers[0].data.people.nodes.length} people per page`);
  if (o.floor) {
    const { handle, pid, base } = await floors.startFloor({
      script: path.join(__dirname, 'records.cjs'),
      dbUrl,
      provinces: await floors.coordinatorProvinces(db, o.email),
      nodeArgs: o.profile ? ['-r', path.join(__dirname, 'lib/cpu-profile.cjs')] : [],
      env: o.profile ? { CPU_PROFILE_FILE: path.join(o.profile, 'floor.cpuprofile') } : {},
    });
    servers.push({ name: 'floor', handle, pid, url: `${base}/people`, body: { first: o.first }, token: null });
  }

  const blast = (server, duration) => autocannonPost(server.url, server.body || body, server.token, { connections: o.connections, duration });
  /** Measured runs of `group` at the same moment: req/s, and CPU seconds of each server, its PostgreSQL backends and the rest. */
  const measure = async (group, profile = false) => {
    if (o.warmup > 0) await Promise.all(group.map((server) => blast(server, o.warmup)));
    const backends = async (server) => new Map((await dbPidsOf(server.pid)).map((pid) => [pid, machine.cpuSeconds(pid)]));
    const dbBefore = await Promise.all(group.map(backends));
    const before = { servers: group.map((server) => machine.cpuSeconds(server.pid)), busy: machine.machineBusySeconds(), own: machine.ownCpuSeconds() };
    if (profile) for (const server of group) process.kill(server.pid, 'SIGUSR2');
    const results = await Promise.all(group.map((server) => blast(server, o.duration)));
    if (profile) for (const server of group) process.kill(server.pid, 'SIGUSR2');
    const after = { servers: group.map((server) => machine.cpuSeconds(server.pid)), busy: machine.machineBusySeconds(), own: machine.ownCpuSeconds() };
    const dbAfter = await Promise.all(group.map(backends));
    const measured = group.map((server, i) => {
      let dbSeconds = 0;
      for (const [pid, cpu] of dbAfter[i]) if (cpu !== null) dbSeconds += Math.max(0, cpu - (dbBefore[i].get(pid) ?? 0));
      const result = results[i];
      return {
        rps: result.requests.total / result.duration,
        requests: result.requests.total,
        bad: result.errors + result.timeouts + result.non2xx + result.mismatches,
        serverSeconds: after.servers[i] - before.servers[i],
        dbSeconds,
      };
    });
    const ours = measured.reduce((sum, m) => sum + m.serverSeconds + m.dbSeconds, 0);
    const others = (after.busy - before.busy - ours - (after.own - before.own)) / o.duration;
    group.forEach((server, i) => {
      const m = measured[i];
      m.others = others;
      say(
        `${server.name.padEnd(5)} ${m.rps.toFixed(0).padStart(5)} req/s, CPU per answer ${msPer(m.serverSeconds, m.requests)} ms server + ` +
          `${msPer(m.dbSeconds, m.requests)} ms PostgreSQL, bad ${m.bad}, others ${(100 * others).toFixed(0)}% of a CPU, load ${os.loadavg()[0].toFixed(1)}`,
      );
    });
    return measured;
  };

  // The first minutes of a process are its slowest (JIT tiers, heap growth): not a round.
  say('warming up');
  await Promise.all(servers.map((server) => blast(server, Math.max(5, 3 * o.warmup))));
  const results = new Map(servers.map((s) => [s.name, []]));
  for (let round = 0; round < o.rounds; round++) {
    say(`round ${round + 1} of ${o.rounds}`);
    // ABF, then FBA…: neither build always follows the other.
    if (o.together) {
      const measured = await measure(servers);
      servers.forEach((server, i) => results.get(server.name).push(measured[i]));
      continue;
    }
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const server of order) results.get(server.name).push((await measure([server]))[0]);
  }
  if (o.profile) {
    for (const server of servers) {
      say(`profiling ${server.name}`);
      await measure([server], true);
      await machine.sleep(1500);
    }
  }

  const lines = [
    '',
    `${servers.map((s) => `${s.name}: ${s.main ? path.relative(process.cwd(), s.main) : 'records.cjs --serve-floor'}`).join('; ')}`,
    `${o.rounds} rounds × (${o.warmup} s warm-up + ${o.duration} s), ${o.connections} connections${o.together ? ' to each server, all loaded at once' : ''}, ` +
      `first ${o.first}; database ${dbName}`,
    '',
    '| build | req/s (median) | server CPU ms/answer (median) | PostgreSQL CPU ms/answer (median) | every round: server ms/answer | others, % of a CPU |',
    '|---|---:|---:|---:|---|---:|',
  ];
  for (const s of servers) {
    const r = results.get(s.name);
    lines.push(
      `| ${s.name} | ${median(r.map((m) => m.rps)).toFixed(0)} | ${median(r.map((m) => (m.serverSeconds * 1000) / m.requests)).toFixed(2)} | ` +
        `${median(r.map((m) => (m.dbSeconds * 1000) / m.requests)).toFixed(2)} | ${r.map((m) => msPer(m.serverSeconds, m.requests)).join(' · ')} | ` +
        `${median(r.map((m) => 100 * m.others)).toFixed(0)}% |`,
    );
  }
  // Paired: each round's figures against A's in the same round (the same moment with --together).
  const a = results.get('A');
  for (const s of servers.slice(1)) {
    const ratios = results.get(s.name).map((m, i) => m.serverSeconds / m.requests / (a[i].serverSeconds / a[i].requests));
    const dbRatios = results.get(s.name).map((m, i) => m.dbSeconds / m.requests / (a[i].dbSeconds / a[i].requests));
    lines.push(
      '',
      `${s.name} ÷ A, CPU per answer round by round: server ${ratios.map((r) => r.toFixed(2)).join(' · ')} (median ${median(ratios).toFixed(2)}); ` +
        `PostgreSQL median ${median(dbRatios).toFixed(2)}`,
    );
  }
  if (o.profile) lines.push('', `profiles: ${servers.map((s) => path.join(o.profile, `${s.name}.cpuprofile`)).join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

run(main);
