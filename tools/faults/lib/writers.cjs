// 100 concurrent writers: creates and versioned updates of people and
// organizations through GraphQL; afterwards every acknowledged write is looked
// for in the database.
'use strict';

const { Client } = require('pg');
const procs = require('../../dev/procs.cjs');
const { DEMO, graphql, signIn, percentile } = require('./client.cjs');

const CREATE = {
  person: `mutation ($input: CreatePersonInputType!) { createPerson(input: $input) { id version notes } }`,
  organization: `mutation ($input: CreateOrganizationInputType!) { createOrganization(input: $input) { id version notes } }`,
};
const UPDATE = {
  person: `mutation ($input: UpdatePersonInputType!) { updatePerson(input: $input) { id version notes } }`,
  organization: `mutation ($input: UpdateOrganizationInputType!) { updateOrganization(input: $input) { id version notes } }`,
};
const provinces = ['ON', 'QC', 'BC', 'AB', 'MB', 'NS'];

/**
 * Each writer owns the records it creates and updates them one at a time, so
 * the last acknowledged version and notes of each record are exactly what the
 * database must hold (an update that committed but whose answer was lost would
 * show as "ahead", not as lost).
 */
async function writers(stack, api, { writers: count, durationSeconds }) {
  const tokens = await Promise.all([signIn(api.base, DEMO.ADMIN), signIn(api.base, DEMO.STAFF)]);
  const run = Date.now().toString(36);
  const acked = new Map(); // id -> { kind, version, notes }
  const tally = { creates: 0, updates: 0, status5xx: 0, errors: {}, shapes: {}, latencies: [] };
  const end = Date.now() + durationSeconds * 1000;

  async function writer(w) {
    const token = tokens[w % tokens.length];
    const mine = [];
    for (let n = 0; Date.now() < end; n++) {
      const notes = `faults ${run} w${w} n${n}`;
      const create = mine.length < 3 || Math.random() < 0.4;
      const kind = (create ? n : mine.length) % 2 === 0 ? 'person' : 'organization';
      let answer;
      let record;
      if (create) {
        const input =
          kind === 'person'
            ? { firstName: 'Writer', lastName: `W${w}-${n}-${run}`, provinceCode: provinces[w % provinces.length], notes }
            : { nameEn: `Faults ${run} W${w}-${n}`, kind: 'other', provinceCode: provinces[w % provinces.length], notes };
        answer = await graphql(api.base, CREATE[kind], { input }, token);
      } else {
        record = mine[Math.floor(Math.random() * mine.length)];
        answer = await graphql(api.base, UPDATE[record.kind], { input: { id: record.id, version: record.version, notes } }, token);
      }
      tally.latencies.push(answer.ms);
      tally.shapes[answer.shape] = (tally.shapes[answer.shape] ?? 0) + 1;
      if (answer.status >= 500) tally.status5xx++;
      if (answer.shape !== 'data') {
        const key = answer.code ?? answer.shape;
        tally.errors[key] = (tally.errors[key] ?? 0) + 1;
        continue;
      }
      const result = Object.values(answer.data)[0];
      if (create) {
        tally.creates++;
        const created = { id: result.id, kind, version: result.version, notes: result.notes };
        mine.push(created);
        acked.set(created.id, created);
      } else {
        tally.updates++;
        record.version = result.version;
        record.notes = result.notes;
      }
    }
  }

  procs.say(`writers: ${count} concurrent writers for ${durationSeconds} s…`);
  const started = Date.now();
  await Promise.all(Array.from({ length: count }, (_, w) => writer(w)));
  const seconds = (Date.now() - started) / 1000;

  // Every acknowledged record, with its last acknowledged version and notes, must be in the database.
  const client = new Client({ connectionString: stack.database.url });
  await client.connect();
  let missing = 0;
  let behind = 0;
  let ahead = 0;
  try {
    for (const kind of ['person', 'organization']) {
      const records = [...acked.values()].filter((r) => r.kind === kind);
      const { rows } = await client.query(`SELECT id, version, notes FROM ${kind} WHERE id = ANY($1::uuid[])`, [records.map((r) => r.id)]);
      const found = new Map(rows.map((row) => [row.id, row]));
      for (const record of records) {
        const row = found.get(record.id);
        if (!row) missing++;
        else if (row.version < record.version || (row.version === record.version && row.notes !== record.notes)) behind++;
        else if (row.version > record.version) ahead++;
      }
    }
  } finally {
    await client.end();
  }
  return {
    writers: count,
    seconds,
    creates: tally.creates,
    updates: tally.updates,
    perSecond: (tally.creates + tally.updates) / seconds,
    records: acked.size,
    missing,
    behind,
    ahead,
    status5xx: tally.status5xx,
    errors: tally.errors,
    p50: percentile(tally.latencies, 50),
    p99: percentile(tally.latencies, 99),
  };
}

module.exports = { writers };
