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

// The member contact's organization: a real record, so MEMBER screens have something to show.
export const demoMemberOrganization = {
  id: 'c0a11710-0000-4000-8000-000000000001',
  nameEn: 'Ottawa Community Welcome Centre',
  nameFr: "Centre d'accueil communautaire d'Ottawa",
  kind: 'settlement_agency',
  membership: 'member',
  membershipSince: '2016-06-20',
  provinceCode: 'ON',
  city: 'Ottawa',
  postalCode: 'K1N 5T5',
  email: 'info@welcome-centre.example.org',
  website: 'https://welcome-centre.example.org',
  tags: ['private-sponsorship', 'francophone'],
};

/** Creates the demo users (and the member's organization) if missing (idempotent). `hash` is the argon2id hash of demoPassword. */
export async function seedDemoUsers(db: EntityManager, hash: string): Promise<void> {
  const org = demoMemberOrganization;
  await db.query(
    `INSERT INTO organization (id, name_en, name_fr, kind, membership, membership_since, province_code, city, postal_code, email, website, tags)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO NOTHING`,
    [
      org.id,
      org.nameEn,
      org.nameFr,
      org.kind,
      org.membership,
      org.membershipSince,
      org.provinceCode,
      org.city,
      org.postalCode,
      org.email,
      org.website,
      org.tags,
    ],
  );
  for (const user of demoUsers) {
    const organizationId = user.role === 'MEMBER' ? org.id : null;
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO app_user (email, name, role, preferred_language, password_hash, password_changed_at, organization_id)
       VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name, organization_id = EXCLUDED.organization_id
       RETURNING id`,
      [user.email, user.name, user.role, user.language, hash, organizationId],
    );
    if (user.regions.length) {
      await db.query(`INSERT INTO user_region (user_id, region_id) SELECT $1, id FROM region WHERE code = ANY($2::text[]) ON CONFLICT DO NOTHING`, [
        row.id,
        user.regions,
      ]);
    }
  }
}
