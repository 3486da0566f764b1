import 'reflect-metadata';
import path from 'node:path';
import { loadConfigOrExit, preflightOrExit } from '@crm/platform';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await preflightOrExit(config, 'API');
  // In development the API rewrites the committed schema so changes show in review.
  const schemaFile = config.NODE_ENV === 'development' ? path.resolve(process.cwd(), 'apps/api/schema.gql') : undefined;
  const app = await createApi(config, { schemaFile });
  try {
    await app.listen({ port: config.API_PORT, host: config.API_HOST });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `API: port ${config.API_PORT} is already in use; set API_PORT to another port`
        : `API: could not start: ${(error as Error).message}`,
    );
    await app.close().catch(() => undefined);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(`API: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
