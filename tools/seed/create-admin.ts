import { newSecretToken } from '@crm/identity';
import { createDataSource } from '@crm/platform';
import { ownerDatabaseUrl } from './owner-url';

// The first ADMIN of a real installation (the seed creates no users in
// production): creates the account without a password and prints a one-time
// invitation link, valid 72 hours, to choose one.
// Usage: DATABASE_MIGRATION_URL=… STAFF_URL=https://crm.example.org node dist/tools/seed/create-admin.js --email a@b.org --name "Full Name" [--language fr]
function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const email = arg('email')?.trim().toLowerCase();
  const name = arg('name')?.trim();
  const language = arg('language') ?? 'en';
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error('--email must be a valid e-mail address');
  if (!name) throw new Error('--name is required');
  if (language !== 'en' && language !== 'fr') throw new Error('--language must be en or fr');
  const dataSource = createDataSource(ownerDatabaseUrl(), [], 2);
  await dataSource.initialize();
  try {
    const { token, hash } = newSecretToken();
    await dataSource.transaction(async (manager) => {
      const existing = await manager.query(`SELECT 1 FROM app_user WHERE lower(email) = $1`, [email]);
      if (existing.length) throw new Error(`a user with the e-mail ${email} already exists`);
      const [user]: { id: string }[] = await manager.query(
        `INSERT INTO app_user (email, name, role, preferred_language, invited_at) VALUES ($1, $2, 'ADMIN', $3, now()) RETURNING id`,
        [email, name, language],
      );
      await manager.query(`INSERT INTO user_token (user_id, kind, token_hash, expires_at) VALUES ($1, 'invitation', $2, now() + interval '72 hours')`, [
        user.id,
        hash,
      ]);
      await manager.query(
        `INSERT INTO audit_entry (action, subject_type, subject_id, changes) VALUES ('user.createAdmin', 'User', $1, '{"role":{"from":null,"to":"ADMIN"}}')`,
        [user.id],
      );
    });
    const staffUrl = process.env.STAFF_URL ?? 'http://127.0.0.1:3000';
    console.log(`ADMIN ${email} created. Open this link within 72 hours to choose the password:\n  ${staffUrl}/invitation/${token}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`create-admin failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
