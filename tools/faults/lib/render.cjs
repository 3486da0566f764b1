// The drill's results as a section of docs/reliability.md, and the targets missed.
'use strict';

const { timestamp, verdict } = require('../../bench/lib/report.cjs');

const START = '<!-- faults:start -->';
const END = '<!-- faults:end -->';

const s = (ms) => (ms === null || ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const n = (value) => Number(value).toLocaleString('en-US');
const list = (counts) =>
  Object.entries(counts ?? {})
    .map(([key, value]) => `${key} ${n(value)}`)
    .join(', ') || 'none';

/** [fault, what was done, what was measured, target, met?] per scenario that ran. */
function rows(results) {
  const out = [];
  const w = results.writers;
  if (w) {
    out.push([
      `${w.writers} concurrent writers, ${w.seconds.toFixed(0)} s`,
      `creates and versioned updates of people and organizations (GraphQL): ${n(w.creates)} creates, ${n(w.updates)} updates (${w.perSecond.toFixed(0)}/s; ` +
        `p50 ${w.p50} ms, p99 ${w.p99} ms); refused: ${list(w.errors)}`,
      `of ${n(w.records)} acknowledged records: ${w.missing} missing, ${w.behind} behind their last acknowledged version; ${w.status5xx} answers 5xx`,
      'every acknowledged write in the database; no 5xx',
      w.missing === 0 && w.behind === 0 && w.status5xx === 0,
    ]);
  }
  for (const imp of results.imports ?? []) {
    const kills = imp.kills.map((kill) => `row ${n(kill.atRow)} → ${s(kill.lostMs)}`).join('; ');
    out.push([
      imp.kills.length ? `\`kill -9\` of the worker ×${imp.kills.length} during a ${n(imp.rows)}-row import` : `${n(imp.rows)}-row import, no kill (baseline)`,
      `upload (POST /imports), dryRunImport, runImport${imp.kills.length ? '; the worker restarted at once after each kill' : ''}`,
      `${imp.status}, ${n(imp.people)} people (${n(imp.distinct)} distinct), ${imp.pending} rows pending; run ${imp.seconds.toFixed(1)} s` +
        `${kills ? `; killed at ${kills} lost (until rows applied again)` : ''}`,
      `finishes; every row once${imp.kills.length ? '; < 20 s lost per kill (was ~62 s)' : ''}`,
      imp.ok && imp.kills.every((kill) => kill.lostMs < 20_000),
    ]);
  }
  const r = results.redis;
  if (r) {
    // 503 throughout, always saying jobs are down, and Redis with them (in the last moments Redis answers again while jobs do not flow yet).
    const readyOk =
      r.readyDuring.length > 0 &&
      r.readyDuring.every((text) => text.startsWith('503') && text.includes('jobs')) &&
      r.readyDuring.some((t) => t.includes('redis'));
    out.push([
      `Redis stopped ${r.outageSeconds.toFixed(1)} s`,
      `4 writers inviting users throughout (each invitation stores an e-mail; SMTP unset: delivered = stored)`,
      `${n(r.accepted)} invitations accepted (${n(r.writtenDuring)} during the outage), refused: ${list(r.refused)}; ${n(r.mails)} e-mails, ` +
        `${r.once ? 'each delivered once' : '**some not exactly once**'}; those written during the outage delivered ` +
        `${s(r.deliveredAfterBackFirst)} (first), ${s(r.deliveredAfterBackP50)} (median), ${s(r.deliveredAfterBackMax)} (last) after Redis returned; ` +
        `/health/ready meanwhile: ${r.readyDuring.join(' / ')}; 200 again ${s(r.readyAgainMs)} after; worker log lines that are not JSON: ${r.workerNonJson}`,
      'writes accepted; every e-mail once: the first within 2 s (was ~19 s), the last within 5 s; readiness says what is down; ' +
        'log one JSON line per event',
      Object.keys(r.refused).length === 0 &&
        r.once &&
        r.deliveredAfterBackFirst !== null &&
        r.deliveredAfterBackFirst <= 2000 &&
        r.deliveredAfterBackMax <= 5000 &&
        readyOk &&
        r.workerNonJson === 0,
    ]);
  }
  const p = results.postgres;
  if (p) {
    const clean = (p.shapes['graphql-error'] ?? 0) === p.answers && p.leaks === 0;
    out.push([
      `PostgreSQL cut off ${p.outageSeconds.toFixed(1)} s (TCP proxy: connections reset and refused)`,
      '20 signed-in loops (half the sessions cached, half first used during the cut): `me` and a page of people',
      `${n(p.answers)} answers during the cut: ${list(p.shapes)}; codes ${list(p.codes)}; HTTP ${list(p.statuses)}; ` +
        `with internals (host, port, driver error, SQL, stack): ${p.leaks}; slowest ${p.slowest} ms; /health/ready: ${p.readyDuring}; ` +
        `data again ${s(p.firstBackMs)} after PostgreSQL (first loop), ` +
        `${s(p.allBackMs)} (all loops), no restart`,
      'every answer a GraphQL error with a code, nothing internal; answers again within 1 s',
      clean && p.firstBackMs !== null && p.firstBackMs <= 1000,
    ]);
  }
  const x = results.replicas;
  if (x) {
    out.push([
      `${x.apis} APIs and ${x.workers} workers on the same services`,
      '20 sign-outs on one API, the session cached on the other; an import; the repeatable job every second',
      `sign-out honoured by the other API after ${x.signOutP50} ms (median), ${x.signOutMax} ms (max); ` +
        `import ${x.import.status}, ${n(x.import.people)} people (${n(x.import.distinct)} distinct), run by ${x.importRuns} worker(s); ` +
        `${x.ticks} ticks: ${x.ticksOnce ? 'each ran once' : '**not each once**'}, ` +
        `${x.tickGapsOk ? 'none skipped' : '**gaps**'}, spread over ${x.tickWorkers} worker(s)`,
      'sign-out within 1 s; import once; each tick once',
      x.signOutMax <= 1000 && x.import.ok && x.importRuns === 1 && x.ticksOnce && x.tickGapsOk && x.ticks > 0,
    ]);
  }
  return out;
}

function render({ options, results, minutes, machine, commit, command }) {
  const table = rows(results);
  return [
    START,
    '## Fault drills',
    '',
    `Written by \`tools/faults/run.cjs\` on ${timestamp()} (${minutes.toFixed(1)} minutes); re-running it replaces this section.`,
    '',
    '```sh',
    command,
    '```',
    '',
    `- Machine: ${machine}; commit ${commit}`,
    `- One API and one worker (compiled, \`NODE_ENV=production\`, API \`LOG_LEVEL=${options.logLevel}\`) unless the row says otherwise, on a fresh ` +
      'database with the development seed, reached through a TCP proxy the drill cuts, and a private redis-server (AOF on) it stops; everything on ' +
      'this machine, shared with other work.',
    '',
    '| fault | what the drill did | measured | target | |',
    '|---|---|---|---|---|',
    ...table.map(([fault, done, measured, target, ok]) => `| ${fault} | ${done} | ${measured} | ${target} | ${verdict(ok)} |`),
    END,
  ].join('\n');
}

function failures(results) {
  return rows(results)
    .filter((row) => !row[4])
    .map((row) => row[0]);
}

render.START = START;
render.END = END;
render.failures = failures;

module.exports = { render };
