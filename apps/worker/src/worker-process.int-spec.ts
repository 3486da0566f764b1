import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@crm/platform/testing';

// The compiled worker as it runs in production (`npm test` compiles first).
const main = path.resolve(__dirname, '../../../dist/apps/worker/src/main.js');

describe('worker process', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!existsSync(main)) throw new Error(`compile first: ${main} is missing`);
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('starts, says it is ready, and exits 0 promptly on SIGTERM', async () => {
    const child = spawn(process.execPath, [main], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: database.url,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!stdout.includes('worker ready') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(stdout).toContain('worker ready');
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running after 10 s'), 10_000))]);
    if (code === 'still running after 10 s') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  });
});
