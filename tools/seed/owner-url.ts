import { AppConfigSchema } from '@crm/platform';

/**
 * migrate, seed and create-admin run as the database owner (decision 067):
 * DATABASE_MIGRATION_URL, or DATABASE_URL where one role does everything
 * (benchmarks; runMigrations refuses the application role).
 */
export function ownerDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.DATABASE_MIGRATION_URL ? 'DATABASE_MIGRATION_URL' : 'DATABASE_URL';
  const url = env.DATABASE_MIGRATION_URL || env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_MIGRATION_URL is not set (the database owner role, e.g. postgres://crm_owner:…@host:5432/coalition_crm)');
  const checked = AppConfigSchema.shape.DATABASE_MIGRATION_URL.safeParse(url);
  if (!checked.success) throw new Error(`${name}: ${checked.error.issues[0]?.message ?? 'is not valid'}`);
  return url;
}
