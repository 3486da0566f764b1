import 'reflect-metadata';
import path from 'node:path';
import { parseConfig } from '@crm/platform';
import { createApi } from './bootstrap';

// Writes apps/api/schema.gql from the code-first resolvers (no listening socket).
async function main(): Promise<void> {
  const config = parseConfig({ ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  const app = await createApi(config, { schemaFile: path.resolve('apps/api/schema.gql'), logs: false });
  await app.init();
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
