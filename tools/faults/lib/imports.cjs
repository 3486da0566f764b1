// CSV imports over HTTP and GraphQL, as the staff app's wizard makes them, and
// the checks that every row went in exactly once.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const procs = require('../../dev/procs.cjs');
const { graphql, until } = require('./client.cjs');
const { killWorker, startWorker } = require('./stack.cjs');

const provinces = ['Ontario', 'Québec', 'British Columbia', 'Alberta', 'Manitoba', 'Nova Scotia'];

/** A people file of `rows` new people whose e-mails start with `tag-`. */
function writeCsv(tag, rows) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-faults-csv-')), `${tag}.csv`);
  const lines = ['First Name,Last Name,Email,Phone,State/Province,City,Tags'];
  for (let i = 0; i < rows; i++) {
    lines.push(`Amina,Haddad-${i},${tag}-${i}@example.org,613-555-${String(i % 10000).padStart(4, '0')},${provinces[i % 6]},Ottawa,${i % 3 ? 'Youth' : ''}`);
  }
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return { file, cleanup: () => fs.rmSync(path.dirname(file), { recursive: true, force: true }) };
}

/** Uploads, maps as guessed, runs the dry run: answers the batch id, VALIDATED. */
async function checkedImport(api, token, tag, rows) {
  const csv = writeCsv(tag, rows);
  try {
    const response = await fetch(`${api.base}/imports?kind=people&filename=${tag}.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: fs.createReadStream(csv.file),
      duplex: 'half',
    });
    const uploaded = await response.json();
    if (!response.ok) throw new Error(`upload: HTTP ${response.status} ${JSON.stringify(uploaded)}`);
    const id = uploaded.importBatch.id;
    const guess = await graphql(api.base, 'query ($id: ID!) { guessImportMapping(batchId: $id) { columns { column field } } }', { id }, token);
    const mapping = guess.data.guessImportMapping.columns.map((c) => ({ column: c.column, field: c.field }));
    const mapped = await graphql(
      api.base,
      'mutation ($input: SetImportMappingInput!) { setImportMapping(input: $input) { id } }',
      { input: { batchId: id, mapping, duplicatePolicy: 'SKIP', skipInvalidRows: false } },
      token,
    );
    if (mapped.shape !== 'data') throw new Error(`mapping: ${JSON.stringify(mapped.errors)}`);
    await graphql(api.base, 'mutation ($id: ID!) { dryRunImport(batchId: $id) { id } }', { id }, token);
    return id;
  } finally {
    csv.cleanup();
  }
}

async function batchState(db, id) {
  const { rows } = await db.query(
    `SELECT status, applied_rows AS applied, created_count AS created, last_error AS "lastError" FROM import_batch WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** Every row of the file is one new person, and every staged row is marked applied once. */
async function importedOnce(db, id, tag, rows) {
  const batch = await batchState(db, id);
  const people = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT emails[1])::int AS "distinct" FROM person WHERE emails[1] LIKE $1`, [`${tag}-%`]))
    .rows[0];
  const marks = (
    await db.query(
      `SELECT count(*) FILTER (WHERE applied = 'created')::int AS created, count(*) FILTER (WHERE applied_at IS NULL)::int AS pending
         FROM import_row WHERE batch_id = $1`,
      [id],
    )
  ).rows[0];
  const ok =
    batch.status === 'imported' && batch.created === rows && people.n === rows && people.distinct === rows && marks.created === rows && marks.pending === 0;
  return { ok, status: batch.status, created: batch.created, people: people.n, distinct: people.distinct, pending: marks.pending };
}

/**
 * `plan` lists, per import, the fractions of its rows after which the worker
 * is killed (kill -9, restarted at once). Answers each import's check and each
 * kill's lost time: from the kill until rows apply again.
 */
async function importsUnderKills(stack, api, token, { rows, plan, run }) {
  const db = new Client({ connectionString: stack.database.url });
  await db.connect();
  const results = [];
  try {
    for (const [i, fractions] of plan.entries()) {
      const tag = `faults-${run}-import${i + 1}`;
      const id = await checkedImport(api, token, tag, rows);
      await until(async () => (await batchState(db, id)).status === 'validated', { timeoutMs: 300_000, what: `dry run of ${tag}` });
      const startedAt = Date.now();
      await graphql(api.base, 'mutation ($id: ID!) { runImport(batchId: $id) { id } }', { id }, token);
      const kills = [];
      for (const fraction of fractions) {
        const before = await until(
          async () => {
            const { applied, status } = await batchState(db, id);
            if (status !== 'importing') throw new Error(`${tag} is ${status} before its kill at ${fraction * 100}%`);
            return applied >= fraction * rows ? applied : undefined;
          },
          { timeoutMs: 300_000, everyMs: 20, what: `${tag} reaching ${fraction * 100}%` },
        );
        const victim = stack.workers.pop();
        await killWorker(victim);
        const killedAt = Date.now();
        await startWorker(stack);
        await until(async () => (await batchState(db, id)).applied > before, { timeoutMs: 300_000, everyMs: 20, what: `${tag} resuming` });
        kills.push({ atRow: before, lostMs: Date.now() - killedAt });
        procs.say(`  ${tag}: worker killed at row ${before}; rows applying again ${((Date.now() - killedAt) / 1000).toFixed(1)} s later`);
      }
      await until(
        async () => {
          const { status, lastError } = await batchState(db, id);
          if (status === 'failed' || status === 'cancelled') throw new Error(`${tag} ended ${status}: ${lastError}`);
          return status === 'imported';
        },
        { timeoutMs: 600_000, what: `${tag} finishing` },
      );
      const check = await importedOnce(db, id, tag, rows);
      results.push({ tag, rows, seconds: (Date.now() - startedAt) / 1000, kills, ...check });
      procs.say(`  ${tag}: ${check.status}, ${check.people} people (${check.distinct} distinct), ${check.pending} rows pending`);
    }
  } finally {
    await db.end();
  }
  return results;
}

module.exports = { checkedImport, batchState, importedOnce, importsUnderKills };
