#!/usr/bin/env node
// Cost of one sign-in on this machine: argon2id hash and verify in-process, and the
// signIn mutation end to end against a running API (`npm start` gives one).
// Usage: node tools/bench/sign-in.cjs [--url http://127.0.0.1:4000/graphql] [--count 30]
const { performance } = require('node:perf_hooks');
const { hash, verify } = require('@node-rs/argon2');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const url = arg('url', 'http://127.0.0.1:4000/graphql');
const count = Number(arg('count', '30'));
const options = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main() {
  const hashes = [];
  const verifies = [];
  let stored;
  for (let i = 0; i < count; i += 1) {
    let t = performance.now();
    stored = await hash('correct horse battery staple', options);
    hashes.push(performance.now() - t);
    t = performance.now();
    await verify(stored, 'correct horse battery staple');
    verifies.push(performance.now() - t);
  }
  console.log(
    `argon2id m=19456 t=2 p=1, ${count} runs: hash p50 ${percentile(hashes, 50).toFixed(1)} ms, verify p50 ${percentile(verifies, 50).toFixed(1)} ms, ` +
      `verify p95 ${percentile(verifies, 95).toFixed(1)} ms`,
  );

  const body = JSON.stringify({
    query: 'mutation($input: SignInInputType!) { signIn(input: $input) { token } }',
    variables: { input: { email: 'admin@demo.coalition.invalid', password: 'coalition-demo-password' } },
  });
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = await response.json();
    if (!json.data?.signIn?.token) throw new Error(`sign-in failed: ${JSON.stringify(json.errors ?? json)}`);
    times.push(performance.now() - t);
  }
  console.log(
    `signIn mutation end to end (${url}), ${count} sequential: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
  );
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
