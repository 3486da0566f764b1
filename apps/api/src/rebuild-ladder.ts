import 'reflect-metadata';
import { EngagementService, rebuildBatchSize } from '@crm/engagement';
import { loadConfigOrExit } from '@crm/platform';
import { createApi } from './bootstrap';

// Places every person on the ladder of engagement again from their records (decisions 081, 092),
// with the same code as the incremental updates, in batches of 50,000: after it, stages equal what the writes left.
// Usage: DATABASE_URL=… REDIS_URL=… node dist/apps/api/src/rebuild-ladder.js [--batch N] [--on-go]
// --on-go: start the API, then rebuild when a line "go" arrives on stdin (the demo seed starts it
// while it writes the records, decision 116); stdin closed without it: stop, rebuilding nothing.
async function main(): Promise<void> {
  const batchArg = process.argv.indexOf('--batch');
  const batchSize = batchArg > 0 ? Number(process.argv[batchArg + 1]) : rebuildBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch needs a whole number of people, at least 1');
  const config = loadConfigOrExit();
  const app = await createApi(config, { logs: false });
  await app.init();
  try {
    if (process.argv.includes('--on-go') && !(await goSaid())) return;
    const started = Date.now();
    const result = await app.get(EngagementService).rebuildAll((done) => process.stdout.write(`\r${done} people`), batchSize);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    process.stdout.write(
      `\nLadder rebuilt: ${result.people} people, ${result.changed} moved, in ${seconds(Date.now() - started)} ` +
        `(${result.batches} batches; reading facts ${seconds(result.readMs)}, writing ${seconds(result.writeMs)})\n`,
    );
  } finally {
    await app.close();
  }
}

/** Whether a line "go" arrives on stdin before it closes. */
function goSaid(): Promise<boolean> {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      text += chunk;
      if (text.split('\n').some((line) => line.trim() === 'go')) resolve(true);
    });
    process.stdin.on('end', () => resolve(false));
  });
}

main().catch((error: unknown) => {
  console.error(`rebuild-ladder failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
