import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { migrations } from './migrations';
import { APP_ROLE, MIGRATIONS_TABLE } from './roles';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/** Options shared by the API, the worker, the migrate and seed tools. Never `synchronize`. */
export function dataSourceOptions(url: string, entities: EntityList = [], poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Extensions come from migrations, run by the owner; the application role may not
    // create them, and TypeORM's attempt left an error in PostgreSQL's log at every start.
    installExtensions: false,
    logging: false,
    applicationName: 'coalition-crm',
    extra: { max: poolSize },
  };
}

export function createDataSource(url: string, entities: EntityList = [], poolSize = 10): DataSource {
  return new DataSource(dataSourceOptions(url, entities, poolSize));
}

/** Applies every pending migration as the owner role of `url`; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, [], 2);
  await dataSource.initialize();
  try {
    const [{ user }]: { user: string }[] = await dataSource.query('SELECT current_user AS "user"');
    if (user === APP_ROLE) {
      throw new Error(`migrations run as the database owner, not as ${APP_ROLE}: set DATABASE_MIGRATION_URL to the owner's URL (decision 067)`);
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
