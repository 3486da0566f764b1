import { checkApplicationGrants, runMigrations } from '@crm/platform';
import { Client } from 'pg';
import { ownerDatabaseUrl } from './owner-url';

// Applies pending migrations as the owner role, then checks what the application
// role may do (decision 067): a table left without its grants stops here, before
// the API starts and fails on it.
async function main(): Promise<void> {
  const url = ownerDatabaseUrl();
  const applied = await runMigrations(url);
  console.log(applied.length ? `migrate: applied ${applied.join(', ')}` : 'migrate: database is up to date');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const report = await checkApplicationGrants(async (sql) => (await client.query(sql)).rows);
    for (const warning of report.warnings) console.warn(`migrate: warning: ${warning}`);
    if (report.errors.length) throw new Error(`the application role's privileges are wrong:\n  - ${report.errors.join('\n  - ')}`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
