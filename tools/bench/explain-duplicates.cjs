#!/usr/bin/env node
// EXPLAIN ANALYZE of the possible-duplicates queue (decisions 028, 118): the first page, a page
// in the middle and the page past the end of one rule, a page of 25, three runs each, as
// national staff. Reads only: run it on a seeded database (e.g. the large seed) after
// `node tools/build/compile-node.cjs`.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench_large \
//     node tools/bench/explain-duplicates.cjs [Organization|Person] [NAME_CITY|EMAIL] [--plans]
'use strict';

const { Client } = require('pg');
const { defineAbilityFor } = require('../../dist/libs/shared/authz/src');
const { DuplicatePairsRepository } = require('../../dist/libs/api/people/src/duplicate-pairs/duplicate-pairs.repository');
const { encodeCursor } = require('../../dist/libs/api/platform/src');

async function main() {
  const [kind = 'Organization', reason = 'NAME_CITY'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const showPlans = process.argv.includes('--plans');
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const repository = new DuplicatePairsRepository(null);
    const ability = defineAbilityFor({ id: '00000000-0000-4000-8000-000000000000', role: 'STAFF', provinceCodes: [], organizationId: null });
    // Every pair, in the queue's order, to find the cursors of the middle and of the end.
    const everything = repository.pageQuery(ability, kind, reason, 10_000_000, null);
    const { rows } = await db.query(everything.sql, everything.values);
    const cursorAt = (row) => encodeCursor([...Array.from({ length: everything.keys }, (_v, i) => String(row[`k${i}`])), row.aId, row.bId]);
    console.log(`${kind} ${reason}: ${rows.length} pairs`);
    const pages = {
      first: null,
      middle: rows.length ? cursorAt(rows[Math.floor(rows.length / 2)]) : null,
      'past the end': rows.length ? cursorAt(rows[rows.length - 1]) : null,
    };
    for (const [label, after] of Object.entries(pages)) {
      const page = repository.pageQuery(ability, kind, reason, 25, after);
      const times = [];
      let plan = '';
      for (let run = 0; run < 3; run++) {
        const result = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${page.sql}`, page.values);
        plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
        times.push(Number(/Execution Time: ([\d.]+)/.exec(plan)[1]));
      }
      console.log(`${label}: ${times.map((time) => time.toFixed(1)).join(' / ')} ms`);
      if (showPlans) console.log(plan);
    }
  } finally {
    await db.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
