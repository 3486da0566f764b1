import type { EntityManager } from 'typeorm';

// One demo account per role, for development and the browser journeys. The
// password is public on purpose: never seed these into a real installation.
export const demoPassword = 'coalition-demo-password';

export const demoUsers = [
  { email: 'admin@demo.coalition.invalid', name: 'Alex Admin', role: 'ADMIN', regions: [] as string[], language: 'en' },
  { email: 'staff@demo.coalition.invalid', name: 'Sam Staff', role: 'STAFF', regions: [], language: 'fr' },
  { email: 'ontario@demo.coalition.invalid', name: 'Olivia Ontario', role: 'COORDINATOR', regions: ['ontario'], language: 'en' },
  { email: 'quebec@demo.coalition.invalid', name: 'Quentin Québec', role: 'COORDINATOR', regions: ['quebec'], language: 'fr' },
  { email: 'member@demo.coalition.invalid', name: 'Maya Member', role: 'MEMBER', regions: [], language: 'en' },
  { email: 'funder@demo.coalition.invalid', name: 'Fatima Funder', role: 'FUNDER', regions: [], language: 'en' },
] as const;

/** Creates the demo users if missing (idempotent). `hash` is the argon2id hash of demoPassword. */
export async function seedDemoUsers(db: EntityManager, hash: string): Promise<void> {
  for (const user of demoUsers) {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO app_user (email, name, role, preferred_language, password_hash, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name
       RETURNING id`,
      [user.email, user.name, user.role, user.language, hash],
    );
    if (user.regions.length) {
      await db.query(
        `INSERT INTO user_region (user_id, region_id) SELECT $1, id FROM region WHERE code = ANY($2::text[]) ON CONFLICT DO NOTHING`,
        [row.id, user.regions],
      );
    }
  }
}
