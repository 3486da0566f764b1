'use strict';
// Talking to the API from a benchmark: one way to post a GraphQL request, to judge an
// answer, to sign in and to load it with autocannon, for every tool under tools/bench
// and tools/faults.

// The development seed's demo users (libs/api/seed-data/src/demo-users.ts), all with one password.
const DEMO_PASSWORD = 'coalition-demo-password';
const DEMO = {
  ADMIN: 'admin@demo.coalition.invalid',
  STAFF: 'staff@demo.coalition.invalid',
  COORDINATOR: 'ontario@demo.coalition.invalid',
};

/** A JSON request's headers, with the bearer token when there is one. */
function jsonHeaders(token) {
  return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** A correct answer has data and no errors (GraphQL errors may come with HTTP 200). */
function isGoodBody(body) {
  return typeof body === 'string' && body.startsWith('{"data":{') && !body.includes('"errors"');
}

/**
 * POSTs `body` (already an object) as JSON and answers the parsed result; anything but
 * HTTP 200 with a good body (`isGood`, default isGoodBody) throws with the start of the answer.
 */
async function post(url, body, token, { isGood = isGoodBody, timeoutMs = 60_000 } = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: jsonHeaders(token),
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (response.status !== 200 || !isGood(text)) throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/**
 * Signs in at the GraphQL endpoint `url`: { token, userId, role, who }. The arguments are
 * inline (JSON strings are valid GraphQL strings), so no tool depends on the input type's name.
 */
async function signIn(url, email, password = DEMO_PASSWORD) {
  const query = `mutation { signIn(input: { email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)} }) { token user { id role } } }`;
  const result = await post(url, { query }, undefined, { timeoutMs: 10_000 });
  const { token, user } = result.data.signIn;
  return { token, userId: user.id, role: user.role, who: `${email} (${user.role})` };
}

/** autocannon POSTing `body` as JSON over keep-alive connections for `duration` s; a request is bad unless isGoodBody. */
function autocannonPost(url, body, token, { connections, duration }) {
  const autocannon = require('autocannon');
  return autocannon({ url, method: 'POST', headers: jsonHeaders(token), body: JSON.stringify(body), connections, duration, verifyBody: isGoodBody });
}

module.exports = { DEMO, DEMO_PASSWORD, jsonHeaders, isGoodBody, post, signIn, autocannonPost };
