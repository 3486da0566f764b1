#!/usr/bin/env node
// Issue 11's outreach benchmarks on the large seed plus 5 million outreach records:
// logging a contact at 20 concurrent coordinators (p95), "my follow-ups" and a
// person's outreach page (p50, one at a time), the daily digest for 500
// coordinators, and the ladder rebuild over every person — each beside a
// hand-written SQL floor, as tools/bench/records.cjs does for the people list.
// Writes the "## Outreach (issue 11)" section of docs/benchmarks.md.
//
//   node tools/bench/outreach.cjs [--reuse-db URL] [--skip-build] [--no-write]
//
// Without --reuse-db the database is crm_bench_outreach on DATABASE_URL's server
// (default postgres://postgres@127.0.0.1:5432); it is kept between runs. It is
// migrated, seeded with `--scale large` if empty, and given 500 bench coordinators
// and 5,000,000 outreach records (set-based SQL, generate_series) unless it holds
// them already. Run `--help` for every option.
'use strict';

const os = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const machine = require('./lib/machine.cjs');
const report = require('./lib/report.cjs');
const { readArgs, run } = require('./lib/run.cjs');
const graphql = require('./lib/graphql.cjs');
const setup = require('./lib/setup.cjs');
const floors = require('./lib/floor.cjs');

const root = path.resolve(__dirname, '../..');
const DB_NAME = 'crm_bench_outreach';
const COORDINATOR = graphql.DEMO.COORDINATOR;
const HEADING = '## Outreach (issue 11)';

const USAGE = `Usage: node tools/bench/outreach.cjs [options]

  --reuse-db URL      measure on this database (kept); default: ${DB_NAME} on
                      DATABASE_URL's server, created if missing and kept
  --skip-build        do not compile first (dist/ is current)
  --outreach N        outreach records to hold (default 5000000)
  --coordinators N    bench coordinators to hold (default 500)
  --duration S        seconds per measurement (default 10)
  --warmup S          seconds of load before each measurement, not counted (default 3)
  --connections N     concurrent coordinators logging contacts (default 20)
  --data-only         make the data, measure nothing
  --skip-rebuild      leave the ladder rebuild out (it takes minutes); the figures go to their
                      own section ("… without the rebuild"), the full run's section stays
  --no-write          print only; leave docs/benchmarks.md alone
  --log-only          only the two logging rows (API, floor), with the CPU each spent per
                      request (the server's process and its PostgreSQL backends, from /proc);
                      prints only (A/B checks on a shared machine: compare CPU per request)
  --count-statements  with --log-only: first log 5 contacts one at a time through a second API
                      whose DATABASE_URL points at a counting TCP proxy (lib/pg-proxy.cjs) and
                      print the statements each sent
  --api FILE          the API's compiled main.js (default dist/apps/api/src/main.js): another
                      build for A/B checks (e.g. a copy of dist/ made before a change)
  --profile FILE      with --log-only: V8's sampling profiler over the API's measured logging
                      (lib/cpu-profile.cjs); sum it up with hot-path.cjs --read-profile FILE`;

function parseArgs(argv) {
  const o = {
    api: path.join(root, 'dist/apps/api/src/main.js'),
    reuseDb: null,
    skipBuild: false,
    outreach: 5_000_000,
    coordinators: 500,
    duration: 10,
    warmup: 3,
    connections: 20,
    write: true,
  };
  const take = (arg, next) => {
    if (arg === '--reuse-db') o.reuseDb = next();
    else if (arg === '--skip-build') o.skipBuild = true;
    else if (arg === '--outreach') o.outreach = Number(next());
    else if (arg === '--coordinators') o.coordinators = Number(next());
    else if (arg === '--duration') o.duration = Number(next());
    else if (arg === '--warmup') o.warmup = Number(next());
    else if (arg === '--connections') o.connections = Number(next());
    else if (arg === '--no-write') o.write = false;
    else if (arg === '--data-only') o.dataOnly = true;
    else if (arg === '--skip-rebuild') o.skipRebuild = true;
    else if (arg === '--log-only') o.logOnly = true;
    else if (arg === '--count-statements') o.countStatements = true;
    else if (arg === '--profile') o.profile = path.resolve(next());
    else if (arg === '--api') o.api = path.resolve(next());
    else return false;
  };
  readArgs(argv, USAGE, take, { bare: true });
  if ((o.countStatements || o.profile) && !o.logOnly) throw new Error('--count-statements and --profile go with --log-only');
  if (o.logOnly) {
    o.write = false;
    o.skipRebuild = true;
  }
  return o;
}

// ---------------------------------------------------------------------------
// The data: bench coordinators (each in one region, round robin, the demo password)
// and outreach records, all in set-based statements.

const COORDINATORS_SQL = `
INSERT INTO app_user (email, name, role, preferred_language, password_hash, password_changed_at)
SELECT 'bench-coordinator-' || lpad(g::text, 3, '0') || '@bench.coalition.invalid', 'Bench Coordinator ' || g, 'COORDINATOR',
       CASE WHEN g % 4 = 0 THEN 'fr' ELSE 'en' END, (SELECT password_hash FROM app_user WHERE email = $2), now()
  FROM generate_series(1, $1::int) g
ON CONFLICT DO NOTHING;
INSERT INTO user_region (user_id, region_id)
SELECT u.id, r.id
  FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM app_user WHERE email LIKE 'bench-coordinator-%') u
  JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS m FROM region) r ON r.k = u.n % r.m
ON CONFLICT DO NOTHING;`;

// Each record: a random person; a coordinator of that person's region records it; a
// date in the last two years; one in ten carries a follow-up (due between 60 days ago
// and 30 days ahead, owned by the recorder; done when it is over two weeks old, and one
// in five of the rest). Client ids are left empty (history, as an import brings it).
const OUTREACH_SQL = `
CREATE TEMP TABLE bench_people AS
  SELECT row_number() OVER (ORDER BY p.id)::int AS n, p.id, rp.region_id
    FROM person p JOIN region_province rp ON rp.province_code = p.province_code WHERE p.archived_at IS NULL;
CREATE UNIQUE INDEX ON bench_people (n);
CREATE TEMP TABLE bench_coordinators AS
  SELECT ur.region_id, array_agg(u.id ORDER BY u.email) AS ids
    FROM app_user u JOIN user_region ur ON ur.user_id = u.id WHERE u.role = 'COORDINATOR' AND u.active GROUP BY ur.region_id;
ANALYZE bench_people;
INSERT INTO outreach (person_id, campaign_id, channel, occurred_on, outcome, policy_ask_id, follow_up_on, follow_up_owner_id,
                      follow_up_done_at, created_by_id, created_at, updated_at)
SELECT x.person_id, x.campaign_id, x.channel, x.occurred_on, x.outcome, x.policy_ask_id, x.follow_up_on,
       CASE WHEN x.follow_up_on IS NOT NULL THEN x.coordinator END,
       CASE WHEN x.follow_up_on < current_date - 14 OR (x.follow_up_on IS NOT NULL AND x.r3 < 0.2) THEN now() END,
       x.coordinator, x.occurred_on::timestamptz, x.occurred_on::timestamptz
  FROM (SELECT bp.id AS person_id, c.id AS campaign_id,
               (ARRAY['meeting','call','email','event','letter','social'])[1 + floor(r.r1 * 6)::int] AS channel,
               current_date - floor(r.r2 * 730)::int AS occurred_on,
               (ARRAY['noAnswer','noAnswer','interested','interested','declined','committed','followUpNeeded'])[1 + floor(r.r3 * 7)::int] AS outcome,
               CASE WHEN r.r1 < 0.3 THEN asks.ids[1 + floor(r.r2 * cardinality(asks.ids))::int] END AS policy_ask_id,
               CASE WHEN r.r4 < 0.1 THEN current_date - 60 + floor(r.r4 * 900)::int END AS follow_up_on,
               r.r3, bc.ids[1 + floor(r.r5 * cardinality(bc.ids))::int] AS coordinator
          FROM generate_series(1, $1::int) g
          CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                                     1 + floor(random() * (SELECT max(n) FROM bench_people))::int AS n
                               WHERE g > 0) r
          JOIN bench_people bp ON bp.n = r.n
          JOIN bench_coordinators bc ON bc.region_id = bp.region_id
          CROSS JOIN (SELECT id FROM campaign WHERE is_default) c
          CROSS JOIN (SELECT array_agg(pa.id) AS ids FROM policy_ask pa JOIN campaign k ON k.id = pa.campaign_id AND k.is_default) asks) x;`;

async function ensureData(db, options, say) {
  const counts = async () =>
    (
      await db.query(`SELECT (SELECT count(*) FROM app_user WHERE email LIKE 'bench-coordinator-%')::int AS coordinators,
                             (SELECT count(*) FROM outreach)::int AS outreach`)
    ).rows[0];
  let now = await counts();
  const timings = {};
  if (now.coordinators < options.coordinators) {
    await db.query('BEGIN');
    for (const statement of COORDINATORS_SQL.split(';').filter((s) => s.trim())) {
      await db.query(statement, statement.includes('$2') ? [options.coordinators, COORDINATOR] : []);
    }
    await db.query('COMMIT');
    say(`coordinators: ${(await counts()).coordinators}`);
  }
  if (now.outreach === 0) {
    // Indexes are built once after the load (faster than kept up row by row); the
    // foreign keys hold by construction, so their triggers are skipped for the load.
    const t = Date.now();
    const { rows: indexes } = await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'outreach' AND indexname NOT IN ('outreach_pkey', 'outreach_client_id_key')`,
    );
    await db.query('BEGIN');
    for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
    await db.query(`SET LOCAL session_replication_role = replica`);
    for (const statement of OUTREACH_SQL.split(';').filter((s) => s.trim())) {
      await db.query(statement, statement.includes('$1') ? [options.outreach] : []);
    }
    timings.insertSeconds = (Date.now() - t) / 1000;
    const ti = Date.now();
    for (const index of indexes) await db.query(index.indexdef);
    await db.query('COMMIT');
    timings.indexSeconds = (Date.now() - ti) / 1000;
    const ta = Date.now();
    await db.query('ANALYZE outreach');
    timings.analyzeSeconds = (Date.now() - ta) / 1000;
    say(`outreach: ${(await counts()).outreach} rows inserted in ${timings.insertSeconds.toFixed(1)} s, indexes ${timings.indexSeconds.toFixed(1)} s`);
  } else if (now.outreach < options.outreach) {
    throw new Error(
      `${DB_NAME} holds ${now.outreach} outreach records, fewer than ${options.outreach}: drop the database (or pass --outreach ${now.outreach})`,
    );
  }
  now = await counts();
  return { ...now, ...timings };
}

// ---------------------------------------------------------------------------
// The floors (lib/floor.cjs): hand-written SQL, one statement per route.

const FLOOR_FOLLOW_UPS_SQL = `
SELECT o.id, o.version, o.person_id AS "personId", trim(p.first_name || ' ' || p.last_name) AS "personName", p.province_code AS "provinceCode",
       o.channel, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn", o.outcome, o.notes, to_char(o.follow_up_on, 'YYYY-MM-DD') AS "followUpOn"
  FROM outreach o JOIN person p ON p.id = o.person_id
 WHERE o.follow_up_owner_id = $1 AND o.follow_up_on IS NOT NULL AND o.follow_up_done_at IS NULL AND o.archived_at IS NULL
   AND o.follow_up_on <= current_date + 6 AND p.province_code = ANY($2::text[])
 ORDER BY o.follow_up_on, o.id LIMIT 200`;

const FLOOR_PERSON_SQL = `
SELECT o.id, o.version, o.channel, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn", o.outcome, o.notes, o.policy_ask_id AS "policyAskId",
       to_char(o.follow_up_on, 'YYYY-MM-DD') AS "followUpOn", (SELECT u.name FROM app_user u WHERE u.id = o.created_by_id) AS "createdByName"
  FROM outreach o JOIN person p ON p.id = o.person_id
 WHERE o.person_id = $1 AND o.archived_at IS NULL AND p.province_code = ANY($2::text[])
 ORDER BY o.occurred_on DESC, o.id DESC LIMIT 11`;

// A contact recorded with what the API writes beside it: the row (once per client id),
// an audit entry and a timeline entry, and the person's stage from their latest facts.
const FLOOR_LOG_SQL = `
WITH inserted AS (
  INSERT INTO outreach (client_id, person_id, campaign_id, channel, occurred_on, outcome, created_by_id)
  SELECT $1, p.id, (SELECT id FROM campaign WHERE is_default), 'meeting', current_date, 'interested', $3
    FROM person p WHERE p.id = $2 AND p.province_code = ANY($4::text[])
  ON CONFLICT (client_id) DO NOTHING RETURNING id, person_id),
audited AS (
  INSERT INTO audit_entry (actor_id, actor_role, action, subject_type, subject_id, changes)
  SELECT $3, 'COORDINATOR', 'outreach.create', 'Outreach', id::text, '{}'::jsonb FROM inserted RETURNING 1),
timeline AS (
  INSERT INTO activity (subject_type, subject_id, actor_id, kind, record_type, record_id)
  SELECT 'Person', person_id, $3, 'outreach.created', 'Outreach', id FROM inserted RETURNING 1),
staged AS (
  UPDATE person SET engagement_stage = CASE WHEN engagement_stage IN ('committed', 'champion') THEN engagement_stage ELSE 'engaged' END
   WHERE id = (SELECT person_id FROM inserted) RETURNING 1)
SELECT id FROM inserted, (SELECT count(*) FROM audited) a, (SELECT count(*) FROM timeline) t, (SELECT count(*) FROM staged) s`;

async function floorAnswer(route, input, { pool, provinces }) {
  if (route === '/follow-ups') return { myFollowUps: { nodes: (await pool.query(FLOOR_FOLLOW_UPS_SQL, [input.userId, provinces])).rows } };
  if (route === '/person') return { outreachList: { nodes: (await pool.query(FLOOR_PERSON_SQL, [input.personId, provinces])).rows } };
  if (route === '/log') {
    const { rows } = await pool.query(FLOOR_LOG_SQL, [input.clientId ?? randomUUID(), input.personId, input.userId, provinces]);
    return { logOutreach: rows[0] ?? null };
  }
  throw new Error(`no floor at ${route}`);
}

// ---------------------------------------------------------------------------
// The digest: SendDailyDigestsJob from dist, in a Nest context of its own (as the
// worker runs it), handed one tick at 07:00 in Toronto. Runs as a child process.

async function runDigest() {
  require('reflect-metadata');
  const { Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const platform = require(path.join(root, 'dist/libs/api/platform/src/index.js'));
  const outreach = require(path.join(root, 'dist/libs/api/outreach/src/index.js'));
  const config = platform.parseConfig({ ...process.env, LOG_LEVEL: 'silent' });
  class DigestBenchModule {}
  Module({ imports: [platform.ConfigModule.forRoot(config), platform.DatabaseModule, platform.OutboxModule, outreach.OutreachDigestModule] })(
    DigestBenchModule,
  );
  const app = await NestFactory.createApplicationContext(DigestBenchModule, { logger: false });
  try {
    const at = process.env.DIGEST_TICK;
    const started = process.hrtime.bigint();
    await app.get(outreach.SendDailyDigestsJob).handle({ jobName: 'SendDailyDigestsJob', scheduledAt: new Date(at), key: `bench@${at}`, run: 1 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(`${JSON.stringify({ seconds })}\n`);
  } finally {
    await app.close();
  }
}

// The digest's floor: every coordinator's due follow-ups in one statement (what the
// e-mails list), without composing or queueing mail.
const FLOOR_DIGEST_SQL = `
SELECT o.follow_up_owner_id AS "userId", count(*)::int AS due,
       json_agg(json_build_object('person', trim(p.first_name || ' ' || p.last_name), 'due', o.follow_up_on, 'doNotContact', p.do_not_contact,
                                  'channel', o.channel, 'outcome', o.outcome, 'personId', p.id) ORDER BY o.follow_up_on, o.id) AS lines
  FROM outreach o JOIN person p ON p.id = o.person_id
  JOIN app_user u ON u.id = o.follow_up_owner_id AND u.active AND u.role IN ('ADMIN', 'STAFF', 'COORDINATOR')
 WHERE o.follow_up_on IS NOT NULL AND o.follow_up_done_at IS NULL AND o.archived_at IS NULL AND o.follow_up_on <= $1::date
 GROUP BY o.follow_up_owner_id`;

// The ladder's floor: every person's stage from their outreach in one statement (the
// rules of ladder-rules.ts for outreach facts), written to a scratch table.
const FLOOR_LADDER_SQL = `
CREATE TEMP TABLE floor_stage AS
SELECT DISTINCT ON (o.person_id) o.person_id, o.id AS fact_id, o.occurred_on,
       CASE o.outcome WHEN 'committed' THEN 'committed' WHEN 'interested' THEN 'engaged' ELSE 'contacted' END AS stage
  FROM outreach o WHERE o.archived_at IS NULL
 ORDER BY o.person_id, CASE o.outcome WHEN 'committed' THEN 3 WHEN 'interested' THEN 2 ELSE 1 END DESC, o.occurred_on DESC, o.id DESC`;

// ---------------------------------------------------------------------------
// Measuring

const n = report.rounded;

// A floor's `{"data":{"logOutreach":null}}` (nothing inserted) is a failure too.
const isGoodBody = (body) => graphql.isGoodBody(body) && !/^\{"data":\{"\w+":null\}\}$/.test(body);
const { signIn } = graphql;

/**
 * autocannon with a warm-up. `bodies(client)` answers the next request's body for a
 * connection (each connection is one coordinator: its own token, its own people).
 */
async function load(name, url, options, { connections, tokens = [], body, bodies, meter }) {
  const autocannon = require('autocannon');
  const opts = (duration) => {
    let next = 0;
    return {
      url,
      method: 'POST',
      connections,
      duration,
      headers: { 'content-type': 'application/json' },
      ...(bodies
        ? {
            requests: [
              {
                setupRequest: (request, context) => {
                  if (context.client === undefined) context.client = next++;
                  const token = tokens[context.client % Math.max(1, tokens.length)];
                  return {
                    ...request,
                    headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
                    body: JSON.stringify(bodies(context.client)),
                  };
                },
              },
            ],
          }
        : { body: JSON.stringify(body), headers: graphql.jsonHeaders(tokens[0]) }),
      verifyBody: isGoodBody,
    };
  };
  if (options.warmup > 0) await autocannon(opts(options.warmup));
  const loadBefore = os.loadavg()[0];
  if (meter) await meter.start();
  const result = await autocannon(opts(options.duration));
  const cpu = meter ? await meter.stop() : null;
  const row = {
    name,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 !== undefined ? percentile(result, 95) : result.latency.p90,
    p99: result.latency.p99,
    total: result.requests.total,
    bad: result.errors + result.timeouts + result.non2xx + result.mismatches,
    load: (loadBefore + os.loadavg()[0]) / 2,
  };
  const cpuText = cpu ? `; CPU per request: server ${msPer(cpu.server, row.total)} ms + PostgreSQL ${msPer(cpu.db, row.total)} ms` : '';
  if (cpu) row.cpuMs = ((cpu.server + cpu.db) * 1000) / Math.max(1, row.total);
  process.stdout.write(
    `${name}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms, bad ${row.bad}/${row.total}${cpuText}\n`,
  );
  return row;
}

const { msPer } = report;

/**
 * CPU seconds a server process and its PostgreSQL backends (the pg_stat_activity rows
 * whose client ports are its sockets) spend between start() and stop(), from /proc;
 * with `profilePid`, SIGUSR2 toggles lib/cpu-profile.cjs around the same window.
 */
function cpuMeter(db, dbUrl) {
  const dbName = new URL(dbUrl).pathname.slice(1);
  const backends = async (pid) => new Map((await machine.backendsOf(db, dbName, pid)).map((backend) => [backend, machine.cpuSeconds(backend) ?? 0]));
  return (pid, profilePid) => {
    let before;
    return {
      start: async () => {
        before = { server: machine.cpuSeconds(pid) ?? 0, db: await backends(pid) };
        if (profilePid) process.kill(profilePid, 'SIGUSR2');
      },
      stop: async () => {
        if (profilePid) process.kill(profilePid, 'SIGUSR2');
        const server = (machine.cpuSeconds(pid) ?? 0) - before.server;
        let dbSeconds = 0;
        for (const [backend, cpu] of await backends(pid)) dbSeconds += Math.max(0, cpu - (before.db.get(backend) ?? 0));
        return { server, db: dbSeconds };
      },
    };
  };
}

/** Logs 5 contacts one at a time (after one not counted) through an API behind the counting proxy; prints each one's statements. */
async function countLogStatements(main, env, dbUrl, token, logBodies, say) {
  const { countingProxyFor } = require('./lib/pg-proxy.cjs');
  const { proxy, url: proxiedUrl } = await countingProxyFor(dbUrl);
  const counting = await setup.startApi({ name: 'api-counting', main, env: { ...env, DATABASE_URL: proxiedUrl } });
  const url = counting.url;
  await graphql.post(url, logBodies(), token);
  const counts = [];
  for (let i = 0; i < 5; i++) {
    const start = proxy.log.length;
    await graphql.post(url, logBodies(), token);
    await machine.sleep(50);
    const issued = proxy.log.slice(start);
    counts.push(issued.length);
    if (i === 0) {
      for (const s of issued) say(`  ${(s.sql || '').replace(/\s+/g, ' ').trim().slice(0, 150)}`);
      const file = path.join(os.tmpdir(), 'outreach-log-statements.json');
      require('node:fs').writeFileSync(file, JSON.stringify(issued, null, 1));
      say(`  (texts and parameters: ${file})`);
    }
  }
  say(`logOutreach: ${counts.join(', ')} statements per request (sessions cached after the first request)`);
  await counting.stop();
}

// autocannon reports p90, p97.5 and p99 but not p95: read it off its histogram when there is one.
function percentile(result, p) {
  if (result.histograms && result.histograms.latency) return result.histograms.latency.getValueAtPercentile(p);
  return Math.round((result.latency.p90 + result.latency.p97_5) / 2);
}

async function timed(fn) {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, value };
}

// ---------------------------------------------------------------------------

async function main() {
  const procs = require('../dev/procs.cjs');
  const say = procs.say;
  const options = parseArgs(process.argv.slice(2));
  const started = new Date();
  const { dbUrl, env, db } = await setup.openKeptDatabase(DB_NAME, { reuse: options.reuseDb, skipBuild: options.skipBuild });
  const people = async () => (await db.query('SELECT count(*)::int AS n FROM person')).rows[0].n;
  let seedSeconds = null;
  if ((await people()) === 0) {
    say('seeding --scale large (minutes)…');
    const t = Date.now();
    await setup.seed(env, ['--scale', 'large']);
    seedSeconds = (Date.now() - t) / 1000;
  }
  const data = await ensureData(db, options, say);
  if (options.dataOnly) return;
  await db.query('ANALYZE');
  const pgVersion = await setup.postgresVersion(db);
  const counts = (
    await db.query(`SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM outreach)::int AS outreach,
      (SELECT count(*) FROM outreach WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL)::int AS "openFollowUps",
      (SELECT count(*) FROM app_user WHERE role = 'COORDINATOR')::int AS coordinators`)
  ).rows[0];
  say(`data: ${JSON.stringify(counts)}`);
  const results = { options, data, counts, pgVersion, seedSeconds, started, loads: [] };

  // 1. The ladder rebuild over every person (the API's command), then its floor.
  if (!options.skipRebuild) await measureRebuild(db, env, results, say);

  await measureRest(db, env, options, results, say, dbUrl);
}

async function measureRebuild(db, env, results, say) {
  const loadNow = () => os.loadavg()[0];
  say('ladder rebuild (node dist/apps/api/src/rebuild-ladder.js)…');
  results.loads.push(loadNow());
  const { execFile } = require('node:child_process');
  const rebuild = await timed(
    () =>
      new Promise((resolve, reject) =>
        execFile(process.execPath, [path.join(root, 'dist/apps/api/src/rebuild-ladder.js')], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
          error ? reject(new Error(`rebuild-ladder failed: ${stderr || error.message}`)) : resolve(stdout),
        ),
      ),
  );
  // "Ladder rebuilt: 500000 people, 499981 moved, in 120.0 s (10 batches; reading facts 60.0 s, writing 50.0 s)"
  const printed = /Ladder rebuilt: (\d+) people, (\d+) moved, in [\d.]+ s \((\d+) batches; reading facts ([\d.]+) s, writing ([\d.]+) s\)/.exec(rebuild.value);
  results.rebuild = {
    seconds: rebuild.seconds,
    load: loadNow(),
    ...(printed ? { moved: Number(printed[2]), batches: Number(printed[3]), readSeconds: Number(printed[4]), writeSeconds: Number(printed[5]) } : {}),
  };
  const floorLadder = await timed(async () => {
    await db.query('BEGIN');
    await db.query(FLOOR_LADDER_SQL);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM floor_stage');
    await db.query('ROLLBACK');
    return rows[0].n;
  });
  results.floorLadder = { seconds: floorLadder.seconds, people: floorLadder.value };
  const staged = (await db.query(`SELECT count(*)::int AS n FROM engagement_state`)).rows[0].n;
  results.rebuild.people = staged;
  say(
    `ladder rebuild ${rebuild.seconds.toFixed(1)} s (${staged} engagement rows; ${printed ? printed[0] : rebuild.value.trim().split('\n').pop()}); ` +
      `floor ${floorLadder.seconds.toFixed(1)} s (${floorLadder.value} people)`,
  );
}

async function measureRest(db, env, options, results, say, dbUrl) {
  const loadNow = () => os.loadavg()[0];

  // 2. The API and the floor, side by side.
  const api = await setup.startApi({
    main: options.api,
    nodeArgs: options.profile ? ['-r', path.join(__dirname, 'lib/cpu-profile.cjs')] : [],
    env: { ...env, ...(options.profile ? { CPU_PROFILE_FILE: options.profile } : {}) },
  });
  const apiUrl = api.url;

  // Twenty coordinators of Ontario's region (the demo one and bench ones), each with people of their provinces.
  const { rows: region } = await db.query(
    `SELECT ur.region_id AS "regionId", array_agg(DISTINCT rp.province_code) AS provinces FROM app_user u JOIN user_region ur ON ur.user_id = u.id
       JOIN region_province rp ON rp.region_id = ur.region_id WHERE u.email = $1 GROUP BY ur.region_id`,
    [COORDINATOR],
  );
  const provinces = region[0].provinces;
  const { rows: colleagues } = await db.query(
    `SELECT u.email FROM app_user u JOIN user_region ur ON ur.user_id = u.id
      WHERE ur.region_id = $1 AND u.email LIKE 'bench-coordinator-%' ORDER BY u.email LIMIT $2`,
    [region[0].regionId, options.connections - 1],
  );
  const sessions = [];
  for (const email of [COORDINATOR, ...colleagues.map((row) => row.email)]) sessions.push(await signIn(apiUrl, email));
  const { rows: pool } = await db.query(
    `SELECT id FROM person WHERE province_code = ANY($1::text[]) AND archived_at IS NULL AND NOT do_not_contact ORDER BY random() LIMIT 2000`,
    [provinces],
  );
  const personIds = pool.map((row) => row.id);
  // The person with the most outreach in the coordinator's provinces (the page's worst case).
  const { rows: busiest } = await db.query(
    `SELECT o.person_id AS id, count(*)::int AS n FROM outreach o JOIN person p ON p.id = o.person_id
      WHERE p.province_code = ANY($1::text[]) AND o.archived_at IS NULL GROUP BY o.person_id ORDER BY count(*) DESC LIMIT 1`,
    [provinces],
  );
  const me = sessions[0];
  const { rows: mine } = await db.query(
    `SELECT count(*)::int AS n FROM outreach
      WHERE follow_up_owner_id = $1 AND follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND follow_up_on <= current_date + 6`,
    [me.userId],
  );
  results.mine = mine[0].n;
  results.busiest = busiest[0];
  say(
    `${sessions.length} coordinators signed in; ${COORDINATOR} has ${mine[0].n} open follow-ups due within the week; busiest person ${busiest[0].n} contacts`,
  );

  const floor = await floors.startFloor({ script: __filename, dbUrl, provinces });
  const floorUrl = (route) => `${floor.base}${route}`;

  const FOLLOW_UPS = {
    query: 'query { myFollowUps { today nodes { id version personId personName provinceCode channel occurredOn outcome notes followUpOn } } }',
  };
  const PERSON = {
    query:
      'query($id: ID!) { outreachList(filter: { personId: $id }, first: 10) ' +
      '{ nodes { id version channel occurredOn outcome notes policyAskId followUpOn createdByName } pageInfo { endCursor hasNextPage } } }',
    variables: { id: busiest[0].id },
  };
  const LOG = 'mutation($input: LogOutreachInputType!) { logOutreach(input: $input) { id version personId occurredOn outcome followUpOn } }';
  let k = 0;
  const pick = () => personIds[k++ % personIds.length];
  const single = { ...options };
  results.rows = [];
  results.loads.push(loadNow());
  const logBodies = () => ({
    query: LOG,
    variables: { input: { clientId: randomUUID(), personId: pick(), channel: 'meeting', outcome: 'interested', notes: 'Bench contact' } },
  });
  if (options.logOnly) {
    say(`API: ${path.relative(root, options.api)}`);
    if (options.countStatements) await countLogStatements(options.api, env, dbUrl, sessions[0].token, logBodies, say);
    const meter = cpuMeter(db, dbUrl);
    const apiRow = await load(`log a contact, ${sessions.length} coordinators (API)`, apiUrl, options, {
      connections: sessions.length,
      tokens: sessions.map((s) => s.token),
      bodies: logBodies,
      meter: meter(api.pid, options.profile ? api.pid : null),
    });
    const floorRow = await load(`log a contact, ${sessions.length} coordinators (floor)`, floorUrl('/log'), options, {
      connections: sessions.length,
      bodies: (client) => ({ clientId: randomUUID(), personId: pick(), userId: sessions[client % sessions.length].userId }),
      meter: meter(floor.pid, null),
    });
    say(`API ÷ floor: p95 ${(apiRow.p95 / Math.max(1, floorRow.p95)).toFixed(1)}×, CPU per request ${(apiRow.cpuMs / floorRow.cpuMs).toFixed(1)}×`);
    return;
  }
  results.rows.push(await load('my follow-ups (API)', apiUrl, single, { connections: 1, tokens: [me.token], body: FOLLOW_UPS }));
  results.rows.push(await load('my follow-ups (floor)', floorUrl('/follow-ups'), single, { connections: 1, body: { userId: me.userId } }));
  results.rows.push(await load("a person's outreach page (API)", apiUrl, single, { connections: 1, tokens: [me.token], body: PERSON }));
  results.rows.push(await load("a person's outreach page (floor)", floorUrl('/person'), single, { connections: 1, body: { personId: busiest[0].id } }));
  results.rows.push(
    await load(`log a contact, ${sessions.length} coordinators (API)`, apiUrl, options, {
      connections: sessions.length,
      tokens: sessions.map((s) => s.token),
      bodies: logBodies,
      meter: cpuMeter(db, dbUrl)(api.pid, null),
    }),
  );
  results.rows.push(
    await load(`log a contact, ${sessions.length} coordinators (floor)`, floorUrl('/log'), options, {
      connections: sessions.length,
      bodies: (client) => ({ clientId: randomUUID(), personId: pick(), userId: sessions[client % sessions.length].userId }),
      meter: cpuMeter(db, dbUrl)(floor.pid, null),
    }),
  );
  results.loads.push(loadNow());
  await api.stop();

  // 3. The digest for every coordinator at 07:00 in Toronto today.
  const today = new Date().toISOString().slice(0, 10);
  const tick = new Date(`${today}T12:00:00Z`); // 07:00 EST
  await db.query(`DELETE FROM digest_sent WHERE digest_date = $1`, [today]);
  await db.query(`UPDATE app_user SET time_zone = NULL WHERE email LIKE 'bench-coordinator-%'`);
  const mailsBefore = (await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE template = 'daily_digest'`)).rows[0].n;
  const digestOut = execFileSync(process.execPath, [__filename, '--run-digest'], {
    env: { ...env, DIGEST_TICK: tick.toISOString(), DIGEST_TIME_ZONE: 'America/Toronto', DIGEST_HOUR: '7' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const digest = JSON.parse(digestOut.trim().split('\n').pop());
  const sent = (await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE template = 'daily_digest'`)).rows[0].n - mailsBefore;
  const claimed = (await db.query(`SELECT count(*)::int AS n FROM digest_sent WHERE digest_date = $1`, [today])).rows[0].n;
  results.digest = { seconds: digest.seconds, sent, claimed, load: loadNow() };
  const floorDigest = await timed(async () => (await db.query(FLOOR_DIGEST_SQL, [today])).rows.length);
  results.floorDigest = { seconds: floorDigest.seconds, users: floorDigest.value };
  say(
    `digest: ${sent} e-mails, ${claimed} users claimed, ${digest.seconds.toFixed(1)} s; ` +
      `floor ${floorDigest.seconds.toFixed(2)} s for ${floorDigest.value} users`,
  );
  // The next run sends again: the digest's e-mails and claims of today go.
  await db.query(
    `DELETE FROM outbox WHERE job_name = 'SendMailJob' AND payload->>'mailMessageId' IN (SELECT id::text FROM mail_message WHERE template = 'daily_digest')`,
  );
  await db.query(`DELETE FROM digest_sent WHERE digest_date = $1`, [today]);
  await db.query(`DELETE FROM mail_message WHERE template = 'daily_digest'`);

  // 4. Plans of the hot statements, as the API sends them.
  results.explains = await explains(db, { me, provinces, personId: busiest[0].id, today });
  results.finished = new Date();
  results.machine = machine.machineDescription();
  results.commit = report.gitDescription();
  results.command = report.commandLine(__filename);
  const section = render(results);
  process.stdout.write(`\n${section}\n`);
  if (options.write) report.writeSection(path.join(root, 'docs/benchmarks.md'), section, { start: headingOf(options) });
}

async function explains(db, { me, provinces, personId, today }) {
  const plans = [];
  const explain = async (label, sql, params) => {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    plans.push({ label, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
  };
  await explain('my follow-ups (the API statement, scope as a coordinator of Ontario)', FLOOR_FOLLOW_UPS_SQL, [me.userId, provinces]);
  await explain("a person's outreach page", FLOOR_PERSON_SQL, [personId, provinces]);
  await explain('the digest: due follow-ups of every coordinator', FLOOR_DIGEST_SQL, [today]);
  return plans;
}

const headingOf = (options) => (options.skipRebuild ? `${HEADING} without the rebuild` : HEADING);

function render(r) {
  const row = (name) => r.rows.find((x) => x.name.startsWith(name) && x.name.endsWith('(API)'));
  const floorRow = (name) => r.rows.find((x) => x.name.startsWith(name) && x.name.endsWith('(floor)'));
  const { verdict } = report;
  const logApi = row('log a contact');
  const lines = [
    headingOf(r.options),
    '',
    `- Command: \`${r.command}\` (${r.started.toISOString().slice(0, 16)}Z–${r.finished.toISOString().slice(11, 16)}Z, commit ${r.commit})`,
    `- Machine: ${r.machine.line}; Node ${process.version}; PostgreSQL ${r.pgVersion}; shared with other work: 1-minute load average ` +
      `${r.loads.map((l) => l.toFixed(2)).join(' → ')} during the run (${r.machine.cores} cores)`,
    `- Data: database \`${DB_NAME}\`: the large seed (${n(r.counts.people)} people` +
      `${r.seedSeconds ? `, seeded by this run in ${r.seedSeconds.toFixed(0)} s` : ''}), ` +
      `${n(r.counts.coordinators)} coordinators (500 bench ones, round robin over the regions, plus the demo ones), ${n(r.counts.outreach)} outreach records ` +
      `(${n(r.counts.openFollowUps)} open follow-ups)` +
      (r.data.insertSeconds
        ? `; the 5 million were generated by this run in ${r.data.insertSeconds.toFixed(0)} s ` +
          `(one \`INSERT … SELECT … FROM generate_series\`, indexes dropped ` +
          `during the load, foreign-key triggers off) plus ${r.data.indexSeconds.toFixed(0)} s to build the outreach indexes`
        : ' (generated by an earlier run; see below for how)'),
    `- ${COORDINATOR} has ${r.mine} open follow-ups due within the week; the person's page is the busiest person of Ontario (${r.busiest.n} contacts)`,
    `- Each load row: ${r.options.warmup} s warm-up, then ${r.options.duration} s of autocannon; one connection for the latency targets, ` +
      `${logApi ? logApi.connections : r.options.connections} (one per coordinator, each with its own session) for logging`,
    '',
    '| measurement | connections | req/s | p50 ms | p95 ms | p99 ms | requests | bad | target | verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  const targets = {
    'my follow-ups': ['p50 < 20 ms', (x) => x.p50 < 20],
    "a person's outreach page": ['p50 < 20 ms', (x) => x.p50 < 20],
    'log a contact': ['p95 < 100 ms', (x) => x.p95 < 100],
  };
  for (const x of r.rows) {
    const key = Object.keys(targets).find((name) => x.name.startsWith(name));
    const api = x.name.endsWith('(API)');
    // A row with refused or failed answers measured nothing worth a verdict.
    const judged = x.bad > 0 || x.total === 0 ? '**not measured** (failed answers)' : verdict(targets[key][1](x));
    lines.push(
      `| ${x.name} | ${x.connections} | ${n(x.rps)} | ${x.p50} | ${x.p95} | ${x.p99} | ${n(x.total)} | ${x.bad} | ${api ? targets[key][0] : '(floor)'} | ${
        api ? judged : ''
      } |`,
    );
  }
  lines.push(
    '',
    '| batch | API | floor | target | verdict |',
    '|---|---:|---:|---|---|',
    `| daily digest, ${r.digest.claimed} users (${r.digest.sent} e-mails queued) | ${r.digest.seconds.toFixed(1)} s | ` +
      `${r.floorDigest.seconds.toFixed(2)} s (${r.floorDigest.users} users' lines) | < 60 s | ${verdict(r.digest.seconds < 60)} |`,
    r.rebuild
      ? `| ladder rebuild, ${n(r.counts.people)} people${
          r.rebuild.moved !== undefined
            ? ` (${n(r.rebuild.moved)} moved; ${r.rebuild.batches} batches: ` +
              `reading ${r.rebuild.readSeconds.toFixed(0)} s, writing ${r.rebuild.writeSeconds.toFixed(0)} s)`
            : ''
        } | ${r.rebuild.seconds.toFixed(1)} s | ` +
          `${r.floorLadder.seconds.toFixed(1)} s (${n(r.floorLadder.people)} people with outreach) | < 5 min | ${verdict(r.rebuild.seconds < 300)} |`
      : "| ladder rebuild | not run (`--skip-rebuild`): see the full run's section | | < 5 min | |",
    '',
    'API ÷ floor (p50): ' +
      ['my follow-ups', "a person's outreach page", 'log a contact']
        .map((name) => {
          const a = row(name);
          const f = floorRow(name);
          return a && f ? `${name} ${(a.p50 / Math.max(1, f.p50)).toFixed(1)}×` : null;
        })
        .filter(Boolean)
        .join(' · ') +
      '. Latency resolution is 1 ms (autocannon).',
    ...(() => {
      const f = floorRow('log a contact');
      return logApi?.cpuMs && f?.cpuMs
        ? [
            '',
            `CPU per logged contact (the server's process and its PostgreSQL backends, from /proc, during the measured seconds): API ` +
              `${logApi.cpuMs.toFixed(2)} ms, floor ${f.cpuMs.toFixed(2)} ms (${(logApi.cpuMs / f.cpuMs).toFixed(1)}×). On a shared machine this says ` +
              'what a log costs; req/s and latency also say how much CPU the run was given.',
          ]
        : [];
    })(),
    '',
    'What each floor does (tools/bench/outreach.cjs, `--serve-floor` in its own process: a bare `node:http` server with a `pg` pool of 10):',
    "- my follow-ups: one statement, the owner's open follow-ups due within 7 days within the coordinator's provinces, oldest first, LIMIT 200 " +
      '(no session look-up, no time zone read, no GraphQL).',
    "- a person's outreach page: one statement, the person's 11 newest contacts within the provinces, with the recorder's name.",
    "- log a contact: one statement of CTEs: the outreach row (ON CONFLICT (client_id) DO NOTHING), an audit row, a timeline row and the person's stage " +
      "(a simplified rule); the API also checks the person, campaign, asks and follow-up owner, writes the audit and timeline of the person's organizations, " +
      'and places the person on the ladder under a row lock (from the stored best fact and the new one, decision 115). ' +
      '`--log-only --count-statements` lists the statements the API sends per log.',
    "- digest: one statement that reads every coordinator's due follow-ups with the person's name and do-not-contact (the e-mails' lines); the job " +
      "also finds the due users, then per batch of 250 users one transaction claims their days in one insert, reads each digest section's lines for all " +
      "of them in one statement, renders each e-mail in its user's language and queues them with their outbox rows in two inserts (decision 092).",
    '- ladder: one `SELECT DISTINCT ON (person_id)` over every outreach into a temporary table (the outreach rows of ladder-rules.ts), writing nothing; ' +
      "the command places every person in keyset batches of 50,000 (decision 092): it locks the batch's states, reads each signal's facts for the batch in " +
      'one statement, applies the rule table in memory and writes only what changed (one statement each for `engagement_state`, the people and the ' +
      'timeline). "Moved" is how many people it wrote: a rebuild of a ladder that is right writes nobody; one that moves everybody rewrites every ' +
      'person row and its 16 indexes.',
    '',
    'How the 5 million outreach records are made (`ensureData` in the script): 500 bench coordinators are inserted with the demo password and one region ' +
      'each; then one `INSERT INTO outreach … SELECT … FROM generate_series(1, 5000000)` picks a random person (a numbered temporary table of people ' +
      'and their region), a coordinator of that region as recorder, a channel, an outcome, a date in the last two years, a policy ask for 30 %, and for 10 % ' +
      'a follow-up owned by the recorder, due between 60 days ago and 30 days ahead (done if over two weeks old, and 20 % of the rest). The outreach indexes ' +
      'are dropped for the load and built after it, in the same transaction.',
    '',
    'EXPLAIN (ANALYZE, BUFFERS) of the statements behind the latency targets (the floor statements; ' +
      "the API's add the scope condition the same way), after the run:",
  );
  for (const e of r.explains) lines.push('', `${e.label}:`, '', '```', e.plan, '```');
  return lines.join('\n');
}

if (process.argv[2] === '--serve-floor') floors.serveFloor(floorAnswer);
else if (process.argv[2] === '--run-digest')
  runDigest().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error && error.stack}\n`);
      process.exit(1);
    },
  );
else run(main);
