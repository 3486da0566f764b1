'use strict';
// Talking to the API from a benchmark: one way to post a GraphQL request, to judge an
// answer, and to sign in, for every tool under tools/bench.

const DEMO_PASSWORD = 'coalition-demo-password';

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
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
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

module.exports = { DEMO_PASSWORD, isGoodBody, post, signIn };
