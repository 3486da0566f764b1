// A floor: hand-written SQL behind a bare node:http server, what a request costs
// without the API's work. It runs as its own process (`SCRIPT --serve-floor`), so
// it does not share a CPU-bound event loop with autocannon. Used by records.cjs,
// outreach.cjs and hot-path.cjs.
'use strict';

const http = require('node:http');
const procs = require('../../dev/procs.cjs');
const { cleanups } = require('./run.cjs');

/**
 * The floor process's side: a server on FLOOR_PORT answering each POST with `{"data": …}`, the data from
 * `answer(route, input, { pool, provinces })` (input: the JSON body), or 500 with the error's message; a pg Pool
 * of `poolSize` on DATABASE_URL, the scope FLOOR_PROVINCES. Says `floor ready`; SIGTERM ends it.
 */
function serveFloor(answer, { poolSize = 10 } = {}) {
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: poolSize });
  const provinces = JSON.parse(process.env.FLOOR_PROVINCES);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        const data = await answer(req.url, body ? JSON.parse(body) : {}, { pool, provinces });
        const json = JSON.stringify({ data });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
        res.end(json);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error && error.message));
      }
    });
  });
  server.listen(Number(process.env.FLOOR_PORT), '127.0.0.1', () => process.stdout.write('floor ready\n'));
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}

/**
 * Starts `script --serve-floor` on a free port for the database `dbUrl` and the scope `provinces`; resolves once
 * it is ready, and it is stopped at the end. `nodeArgs` and `env` add to its command and environment (a profiler).
 */
async function startFloor({ script, dbUrl, provinces, nodeArgs = [], env = {} }) {
  const port = await procs.freePort();
  const handle = procs.startProcess({
    name: 'floor',
    command: process.execPath,
    args: [...nodeArgs, script, '--serve-floor'],
    env: { ...process.env, ...env, DATABASE_URL: dbUrl, FLOOR_PORT: String(port), FLOOR_PROVINCES: JSON.stringify(provinces) },
  });
  cleanups.push(() => handle.stop(5_000));
  await procs.waitForLine(handle, /floor ready/, { timeoutMs: 20_000 });
  return { handle, pid: handle.pid, base: `http://127.0.0.1:${port}` };
}

/** The provinces of the regions of the user `email` (the floor's scope for a coordinator), in order. */
async function coordinatorProvinces(db, email) {
  const { rows } = await db.query(
    `SELECT coalesce(array_agg(DISTINCT rp.province_code ORDER BY rp.province_code), '{}') AS provinces
       FROM app_user u JOIN user_region ur ON ur.user_id = u.id JOIN region_province rp ON rp.region_id = ur.region_id WHERE u.email = $1`,
    [email],
  );
  return rows[0].provinces;
}

module.exports = { serveFloor, startFloor, coordinatorProvinces };
