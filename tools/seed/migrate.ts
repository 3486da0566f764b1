import { runMigrations } from '@crm/platform';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const applied = await runMigrations(url);
  console.log(applied.length ? `migrate: applied ${applied.join(', ')}` : 'migrate: database is up to date');
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
