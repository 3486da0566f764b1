// Redis stopped, PostgreSQL cut, and two of everything: the drills that break a
// service under load and measure what clients saw and when things came back.
'use strict';

const { Client } = require('pg');
const procs = require('../../dev/procs.cjs');
const { DEMO, graphql, signIn, readiness, percentile, until } = require('./client.cjs');
const { importedOnce, checkedImport, batchState } = require('./imports.cjs');
const { nonJsonLines, startApi, startWorker } = require('./stack.cjs');

const INVITE = `mutation ($input: InviteUserInputType!) { inviteUser(input: $input) { id } }`;

/** Samples readiness every 250 ms until stopped: [{ at, status, down }]. */
function readinessSampler(api) {
  const samples = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const at = Date.now();
      const { status, down } = await readiness(api.base);
      samples.push({ at, status, down });
      await procs.sleep(250);
    }
  })();
  return {
    samples,
    async stop() {
      stopped = true;
      await loop;
      return samples;
    },
  };
}

/**
 * Redis stopped for `outageSeconds` while 4 writers invite users (each invite
 * stores an e-mail and its job in the outbox): every write accepted, every
 * e-mail delivered once (stored: no SMTP_URL), and how soon after Redis returned.
 */
async function redisOutage(stack, api, { outageSeconds, run }) {
  const token = await signIn(api.base, DEMO.ADMIN);
  const invites = []; // { email, at }
  const refused = {};
  let stop = false;
  async function inviter(w) {
    for (let n = 0; !stop; n++) {
      const email = `faults-${run}-redis-w${w}-${n}@example.org`;
      const answer = await graphql(api.base, INVITE, { input: { email, name: `Invitee ${w}-${n}`, role: 'STAFF' } }, token);
      if (answer.shape === 'data') invites.push({ email, at: Date.now() });
      else refused[answer.code ?? answer.shape] = (refused[answer.code ?? answer.shape] ?? 0) + 1;
      await procs.sleep(100);
    }
  }
  const sampler = readinessSampler(api);
  const writers = Array.from({ length: 4 }, (_, w) => inviter(w));
  await procs.sleep(2000);
  procs.say(`redis: stopping Redis for ${outageSeconds} s under invitations…`);
  const stoppedAt = Date.now();
  await stack.redis.stop();
  await procs.sleep(outageSeconds * 1000);
  await stack.redis.start();
  const backAt = Date.now();
  procs.say(`redis: back after ${((backAt - stoppedAt) / 1000).toFixed(1)} s`);
  await procs.sleep(3000);
  stop = true;
  await Promise.all(writers);

  const db = new Client({ connectionString: stack.database.url });
  await db.connect();
  let mails;
  try {
    const emails = invites.map((invite) => invite.email);
    await until(
      async () => {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE to_address = ANY($1) AND status = 'stored'`, [emails]);
        return rows[0].n >= emails.length;
      },
      { timeoutMs: 120_000, what: 'every invitation e-mail delivered' },
    );
    await procs.sleep(1000); // anything sent twice would show by now
    ({ rows: mails } = await db.query(
      `SELECT to_address AS email, status, attempts, created_at AS "createdAt", delivered_at AS "deliveredAt" FROM mail_message WHERE to_address = ANY($1)`,
      [emails],
    ));
  } finally {
    await db.end();
  }
  const samples = await sampler.stop();
  const byEmail = new Map();
  for (const mail of mails) byEmail.set(mail.email, [...(byEmail.get(mail.email) ?? []), mail]);
  const once = invites.every((invite) => byEmail.get(invite.email)?.length === 1 && byEmail.get(invite.email)[0].attempts === 1);
  const during = mails.filter((mail) => mail.createdAt.getTime() >= stoppedAt && mail.createdAt.getTime() < backAt);
  const afterBack = during.map((mail) => mail.deliveredAt.getTime() - backAt);
  const outageSamples = samples.filter((s) => s.at > stoppedAt + 1000 && s.at < backAt);
  const firstReady = samples.find((s) => s.at >= backAt && s.status === 200);
  return {
    outageSeconds: (backAt - stoppedAt) / 1000,
    accepted: invites.length,
    writtenDuring: during.length,
    refused,
    mails: mails.length,
    once,
    deliveredAfterBackFirst: afterBack.length ? Math.min(...afterBack) : null,
    deliveredAfterBackP50: percentile(afterBack, 50),
    deliveredAfterBackMax: afterBack.length ? Math.max(...afterBack) : null,
    readyDuring: [...new Set(outageSamples.map((s) => `${s.status} (${s.down.join(', ') || 'nothing down'})`))],
    readyAgainMs: firstReady ? firstReady.at - backAt : null,
    workerNonJson: stack.workers.flatMap((worker) => nonJsonLines(worker.logFile)).length,
  };
}

/**
 * PostgreSQL cut (through the proxy) for `outageSeconds` under signed-in load:
 * 20 loops, each with its own token (half used before the cut, so cached; half
 * first used during it), asking for `me` and a page of people. Every answer
 * meanwhile must be a GraphQL error with a code and no internals; afterwards, how
 * soon each loop got data again.
 */
async function postgresOutage(stack, api, { outageSeconds }) {
  const loops = 20;
  const tokens = [];
  for (let i = 0; i < loops; i++) tokens.push(await signIn(api.base, i % 2 ? DEMO.STAFF : DEMO.ADMIN));
  const queries = ['{ me { id } }', '{ people(first: 5) { nodes { id firstName } } }'];
  // The even tokens are used (and cached) before the cut; the odd ones only once it is cut.
  for (let i = 0; i < loops; i += 2) await graphql(api.base, queries[0], {}, tokens[i]);
  let cutAt = Infinity;
  let restoredAt = Infinity;
  let stop = false;
  const during = { answers: 0, shapes: {}, codes: {}, statuses: {}, leaks: 0, slowest: 0 };
  const firstSuccessAfter = new Array(loops).fill(null);
  async function loop(i) {
    for (let n = 0; !stop; n++) {
      if (i % 2 === 1 && Date.now() < cutAt) {
        await procs.sleep(20);
        continue;
      }
      const sentAt = Date.now();
      const answer = await graphql(api.base, queries[n % 2], {}, tokens[i], { timeoutMs: 30_000 });
      if (sentAt >= cutAt && Date.now() <= restoredAt) {
        during.answers++;
        during.shapes[answer.shape] = (during.shapes[answer.shape] ?? 0) + 1;
        during.statuses[answer.status] = (during.statuses[answer.status] ?? 0) + 1;
        if (answer.code) during.codes[answer.code] = (during.codes[answer.code] ?? 0) + 1;
        if (answer.leak) during.leaks++;
        during.slowest = Math.max(during.slowest, answer.ms);
      }
      if (sentAt >= restoredAt && answer.shape === 'data' && firstSuccessAfter[i] === null) firstSuccessAfter[i] = Date.now() - restoredAt;
      await procs.sleep(20);
    }
  }
  const running = Array.from({ length: loops }, (_, i) => loop(i));
  await procs.sleep(2000);
  procs.say(`postgres: cutting PostgreSQL for ${outageSeconds} s under ${loops} signed-in loops…`);
  cutAt = Date.now();
  stack.proxy.cut();
  await procs.sleep(outageSeconds * 1000);
  const ready = await readiness(api.base);
  restoredAt = Date.now();
  stack.proxy.restore();
  await procs.sleep(3000);
  stop = true;
  await Promise.all(running);
  const recovered = firstSuccessAfter.filter((ms) => ms !== null);
  return {
    outageSeconds: (restoredAt - cutAt) / 1000,
    ...during,
    readyDuring: `${ready.status} (${ready.down.join(', ')})`,
    firstBackMs: recovered.length ? Math.min(...recovered) : null,
    allBackMs: recovered.length === loops ? Math.max(...recovered) : null,
  };
}

/**
 * A second API and a second worker on the same PostgreSQL and Redis: a sign-out
 * on one API honoured by the other, an import run once, the repeatable job (every
 * second here) once per tick.
 */
async function replicas(stack, apiA, { rows, run, tickSeconds }) {
  const apiB = await startApi(stack);
  await startWorker(stack);
  const windowStart = new Date();
  procs.say(`replicas: ${stack.apis.length} APIs, ${stack.workers.length} workers`);

  // Sign-out on A, seen by B (which has the session cached).
  const delays = [];
  for (let i = 0; i < 20; i++) {
    const token = await signIn(apiA.base, DEMO.COORDINATOR);
    const warm = await graphql(apiB.base, '{ me { id } }', {}, token);
    if (warm.shape !== 'data') throw new Error(`the token did not work on the second API: ${JSON.stringify(warm.errors)}`);
    const out = await graphql(apiA.base, 'mutation { signOut }', {}, token);
    if (out.shape !== 'data') throw new Error(`sign-out failed: ${JSON.stringify(out.errors)}`);
    const signedOutAt = Date.now();
    await until(async () => (await graphql(apiB.base, '{ me { id } }', {}, token)).code === 'UNAUTHENTICATED', {
      timeoutMs: 30_000,
      everyMs: 10,
      what: 'the sign-out seen by the other API',
    });
    delays.push(Date.now() - signedOutAt);
  }

  // An import with two workers.
  const token = await signIn(apiA.base, DEMO.ADMIN);
  const tag = `faults-${run}-replicas`;
  const id = await checkedImport(apiB, token, tag, rows);
  const db = new Client({ connectionString: stack.database.url });
  await db.connect();
  let imported;
  let ticks;
  try {
    await until(async () => (await batchState(db, id)).status === 'validated', { timeoutMs: 300_000, what: 'dry run with two workers' });
    await graphql(apiA.base, 'mutation ($id: ID!) { runImport(batchId: $id) { id } }', { id }, token);
    await until(async () => (await batchState(db, id)).status === 'imported', { timeoutMs: 600_000, what: 'import with two workers' });
    imported = await importedOnce(db, id, tag, rows);
    // Let the repeatable job tick a while longer with both workers.
    await procs.sleep(Math.max(0, tickSeconds * 1000 - (Date.now() - windowStart.getTime())));
    ({ rows: ticks } = await db.query(
      `SELECT scheduled_at AS at, runs, last_worker AS worker, finished_at IS NOT NULL AS finished
         FROM job_tick WHERE job_name = 'PurgeOutboxJob' AND scheduled_at > $1 AND scheduled_at < now() - interval '2 seconds' ORDER BY scheduled_at`,
      [windowStart],
    ));
  } finally {
    await db.end();
  }
  const runs = stack.workers.map((worker) => countLines(worker.logFile, (line) => line.includes('import run finished') && line.includes(id)));
  const gaps = ticks.slice(1).map((tick, i) => tick.at.getTime() - ticks[i].at.getTime());
  return {
    apis: stack.apis.length,
    workers: stack.workers.length,
    signOutP50: percentile(delays, 50),
    signOutMax: Math.max(...delays),
    import: imported,
    importRuns: runs.reduce((a, b) => a + b, 0),
    ticks: ticks.length,
    ticksOnce: ticks.every((tick) => tick.runs === 1 && tick.finished),
    tickGapsOk: gaps.every((gap) => gap === 1000),
    tickWorkers: new Set(ticks.map((tick) => tick.worker)).size,
  };
}

function countLines(file, predicate) {
  try {
    return require('node:fs').readFileSync(file, 'utf8').split('\n').filter(predicate).length;
  } catch {
    return 0;
  }
}

module.exports = { redisOutage, postgresOutage, replicas };
