import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { migrations } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/** Options shared by the API, the worker, the migrate and seed tools. Never `synchronize`. */
export function dataSourceOptions(url: string, entities: EntityList = [], poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: 'coalition-crm',
    extra: { max: poolSize },
  };
}

export function createDataSource(url: string, entities: EntityList = [], poolSize = 10): DataSource {
  return new DataSource(dataSourceOptions(url, entities, poolSize));
}

/** Applies every pending migration; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, [], 2);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
