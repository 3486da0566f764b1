import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { freePort } from '@crm/platform/testing';

// Runs the compiled API (`npm test` compiles before integration tests) as a user would.
const main = path.resolve(__dirname, '../../../dist/apps/api/src/main.js');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function runApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // A start that neither serves nor exits is killed; generous, as a loaded machine starts Node slowly.
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('API start-up faults: one clear message, non-zero exit', () => {
  beforeAll(() => {
    if (!existsSync(main)) throw new Error(`compile first: ${main} is missing (node tools/build/compile-node.cjs)`);
  });

  it('names each bad setting without echoing secrets', async () => {
    const { code, stderr } = await runApi({ DATABASE_URL: 'mysql://root:hunter2@db/x', API_PORT: 'eighty', REDIS_URL: redisUrl });
    expect(code).toBe(1);
    expect(stderr).toMatch(/API_PORT: /);
    expect(stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(stderr).not.toContain('hunter2');
  });

  it('says which database cannot be reached, password hidden', async () => {
    const port = await freePort();
    const { code, stderr } = await runApi({
      DATABASE_URL: `postgres://crm:s3cret@127.0.0.1:${port}/crm`,
      REDIS_URL: redisUrl,
      API_PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`DATABASE_URL postgres://crm:***@127.0.0.1:${port}/crm cannot be reached: ECONNREFUSED`);
    expect(stderr).not.toContain('s3cret');
  });

  it('says Redis cannot be reached', async () => {
    const port = await freePort();
    const { code, stderr } = await runApi({ DATABASE_URL: databaseUrl, REDIS_URL: `redis://127.0.0.1:${port}`, API_PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(stderr).toContain(`REDIS_URL redis://127.0.0.1:${port} cannot be reached`);
  });

  it('says the port is in use', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', () => resolve()));
    try {
      const { code, stderr } = await runApi({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, API_PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} is already in use; set API_PORT`);
    } finally {
      blocker.close();
    }
  });
});
