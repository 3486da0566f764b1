// Talking to the API from outside, as a client would, and judging each answer.
'use strict';

const { DEMO, DEMO_PASSWORD, jsonHeaders } = require('../../bench/lib/graphql.cjs');

// What an answer must never show a client: addresses, ports, driver errors, SQL, stack frames.
const LEAKS = [
  /\b127\.0\.0\.1\b|localhost/i,
  /\bE(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT)\b/,
  /Connection terminated/i,
  /\b(SELECT|INSERT|UPDATE)\b .*\b(FROM|INTO|SET)\b/,
  /\bat \S+\.js:\d+/,
];

/**
 * One GraphQL request. Never throws: answers { status, ms, data, errors, code,
 * shape } where shape is 'data' (no errors), 'graphql-error' (errors with a
 * code), or what was wrong ('no-code', 'not-graphql', 'network'); `leak` names a
 * pattern of internals found in the body.
 */
async function graphql(base, query, variables = {}, token = null, { timeoutMs = 15_000 } = {}) {
  const started = Date.now();
  let response;
  let text = '';
  try {
    response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: jsonHeaders(token),
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return { status: 0, ms: Date.now() - started, shape: 'network', reason: error.cause?.code ?? error.name };
  }
  const ms = Date.now() - started;
  const leak = LEAKS.find((pattern) => pattern.test(text));
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return { status: response.status, ms, shape: 'not-graphql', leak: leak?.source, body: text.slice(0, 200) };
  }
  if (!body || typeof body !== 'object' || (!('data' in body) && !Array.isArray(body.errors))) {
    return { status: response.status, ms, shape: 'not-graphql', leak: leak?.source, body: text.slice(0, 200) };
  }
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const code = errors[0]?.extensions?.code;
  const shape = errors.length === 0 ? 'data' : errors.every((e) => typeof e?.extensions?.code === 'string') ? 'graphql-error' : 'no-code';
  return { status: response.status, ms, data: body.data ?? null, errors, code, shape, leak: leak?.source };
}

async function signIn(base, email, password = DEMO_PASSWORD) {
  const answer = await graphql(base, 'mutation ($input: SignInInputType!) { signIn(input: $input) { token } }', { input: { email, password } });
  if (answer.shape !== 'data') throw new Error(`sign-in as ${email} failed: ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data.signIn.token;
}

async function readiness(base) {
  try {
    const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(3000) });
    const body = await response.json();
    return { status: response.status, down: Object.keys(body.error ?? {}), details: body.details };
  } catch (error) {
    return { status: 0, down: ['api'], reason: error.message };
  }
}

/** p-th percentile (0-100) of numbers. */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function until(probe, { timeoutMs = 60_000, everyMs = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

module.exports = { DEMO, DEMO_PASSWORD, graphql, signIn, readiness, percentile, until };
