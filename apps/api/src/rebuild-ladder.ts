import 'reflect-metadata';
import { EngagementService } from '@crm/engagement';
import { loadConfigOrExit } from '@crm/platform';
import { createApi } from './bootstrap';

// Places every person on the ladder of engagement again from their records (decision 081),
// with the same code as the incremental updates: after it, stages equal what the writes left.
// Usage: DATABASE_URL=… REDIS_URL=… node dist/apps/api/src/rebuild-ladder.js
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApi(config, { logs: false });
  await app.init();
  try {
    const started = Date.now();
    const result = await app.get(EngagementService).rebuildAll((done) => process.stdout.write(`\r${done} people`));
    process.stdout.write(`\nLadder rebuilt: ${result.people} people, ${result.changed} moved, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`rebuild-ladder failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
