import type { EntityManager } from 'typeorm';
import type { GoalMetric } from '@crm/contracts';
import { demoMemberOrganization, demoUsers } from './demo-users';
import { tags as tagVocabulary, type ProvinceCode } from './reference-data';

// Demo organizations and community leaders in every province and territory.
// Deterministic: organizations come from a seeded PRNG, people from md5 of their
// row number in SQL, so every run (and every machine) builds the same dataset.
// `large` (5,000 organizations, 500,000 people) exercises lists, search and
// reports at national scale; everything is multi-row INSERT … SELECT.

export type DemoScale = 'small' | 'large';
export const demoScales: Record<DemoScale, { organizations: number; people: number }> = {
  small: { organizations: 200, people: 2_000 },
  large: { organizations: 5_000, people: 500_000 },
};

const seed = 20_250_620; // World Refugee Day

// Share of organizations and people per province (roughly by population, with a
// floor so the smallest territories still have a few).
const provinceWeights: Record<ProvinceCode, number> = {
  ON: 37,
  QC: 21,
  BC: 13.5,
  AB: 11.5,
  MB: 3.6,
  SK: 3,
  NS: 2.7,
  NB: 2.2,
  NL: 1.5,
  PE: 1,
  NT: 0.6,
  YT: 0.6,
  NU: 0.6,
};

// Cities with a postal prefix of their own (first three characters: forward sortation area).
const cities: Record<ProvinceCode, { name: string; fsa: string; area: string }[]> = {
  ON: [
    { name: 'Toronto', fsa: 'M5V', area: '416' },
    { name: 'Ottawa', fsa: 'K1N', area: '613' },
    { name: 'Hamilton', fsa: 'L8P', area: '905' },
    { name: 'London', fsa: 'N6A', area: '519' },
    { name: 'Kitchener', fsa: 'N2G', area: '519' },
    { name: 'Windsor', fsa: 'N9A', area: '519' },
    { name: 'Sudbury', fsa: 'P3E', area: '705' },
    { name: 'Thunder Bay', fsa: 'P7B', area: '807' },
  ],
  QC: [
    { name: 'Montréal', fsa: 'H2X', area: '514' },
    { name: 'Québec', fsa: 'G1R', area: '418' },
    { name: 'Sherbrooke', fsa: 'J1H', area: '819' },
    { name: 'Gatineau', fsa: 'J8X', area: '819' },
    { name: 'Trois-Rivières', fsa: 'G9A', area: '819' },
    { name: 'Laval', fsa: 'H7N', area: '450' },
  ],
  BC: [
    { name: 'Vancouver', fsa: 'V6B', area: '604' },
    { name: 'Surrey', fsa: 'V3T', area: '604' },
    { name: 'Victoria', fsa: 'V8W', area: '250' },
    { name: 'Kelowna', fsa: 'V1Y', area: '250' },
  ],
  AB: [
    { name: 'Calgary', fsa: 'T2P', area: '403' },
    { name: 'Edmonton', fsa: 'T5J', area: '780' },
    { name: 'Lethbridge', fsa: 'T1J', area: '403' },
    { name: 'Red Deer', fsa: 'T4N', area: '403' },
  ],
  MB: [
    { name: 'Winnipeg', fsa: 'R3C', area: '204' },
    { name: 'Brandon', fsa: 'R7A', area: '204' },
  ],
  SK: [
    { name: 'Saskatoon', fsa: 'S7K', area: '306' },
    { name: 'Regina', fsa: 'S4P', area: '306' },
  ],
  NS: [
    { name: 'Halifax', fsa: 'B3J', area: '902' },
    { name: 'Sydney', fsa: 'B1P', area: '902' },
  ],
  NB: [
    { name: 'Moncton', fsa: 'E1C', area: '506' },
    { name: 'Fredericton', fsa: 'E3B', area: '506' },
    { name: 'Saint John', fsa: 'E2L', area: '506' },
  ],
  NL: [
    { name: "St. John's", fsa: 'A1C', area: '709' },
    { name: 'Corner Brook', fsa: 'A2H', area: '709' },
  ],
  PE: [
    { name: 'Charlottetown', fsa: 'C1A', area: '902' },
    { name: 'Summerside', fsa: 'C1N', area: '902' },
  ],
  NT: [{ name: 'Yellowknife', fsa: 'X1A', area: '867' }],
  YT: [{ name: 'Whitehorse', fsa: 'Y1A', area: '867' }],
  NU: [{ name: 'Iqaluit', fsa: 'X0A', area: '867' }],
};

const kinds = [
  {
    kind: 'settlement_agency',
    en: (c: string) => `${c} Newcomer Settlement Services`,
    fr: (c: string) => `Services d'établissement des nouveaux arrivants de ${c}`,
  },
  {
    kind: 'sponsorship_agreement_holder',
    en: (c: string) => `${c} Refugee Sponsorship Council`,
    fr: (c: string) => `Conseil de parrainage des réfugiés de ${c}`,
  },
  { kind: 'faith_community', en: (c: string) => `${c} Interfaith Refugee Circle`, fr: (c: string) => `Cercle interconfessionnel pour les réfugiés de ${c}` },
  { kind: 'legal_clinic', en: (c: string) => `${c} Refugee Law Clinic`, fr: (c: string) => `Clinique juridique pour réfugiés de ${c}` },
  { kind: 'advocacy_group', en: (c: string) => `${c} Refugee Rights Network`, fr: (c: string) => `Réseau pour les droits des réfugiés de ${c}` },
  { kind: 'youth_group', en: (c: string) => `${c} Youth Welcome Collective`, fr: (c: string) => `Collectif jeunesse d'accueil de ${c}` },
  { kind: 'municipality', en: (c: string) => `City of ${c} Welcoming Committee`, fr: (c: string) => `Comité d'accueil de la Ville de ${c}` },
  { kind: 'business', en: (c: string) => `${c} Employers for Newcomers`, fr: (c: string) => `Employeurs de ${c} pour les nouveaux arrivants` },
  { kind: 'other', en: (c: string) => `${c} Friends of Refugees`, fr: (c: string) => `Les Ami·e·s des réfugiés de ${c}` },
] as const;
const memberships = ['member', 'member', 'associate', 'ally', 'ally', 'lapsed'] as const;

// A mix of names common in Canada, with accents and spellings search must bridge.
const firstNames = [
  'Mohammed',
  'Muhammad',
  'Amina',
  'Fatima',
  'Ahmed',
  'Aisha',
  'Omar',
  'Layla',
  'Yusuf',
  'Mariam',
  'Hassan',
  'Noor',
  'Hélène',
  'Émilie',
  'François',
  'Chloé',
  'Zoé',
  'Geneviève',
  'Jérôme',
  'André',
  'Mathieu',
  'Marie-Ève',
  'Léa',
  'Noémie',
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Sophia',
  'Ethan',
  'Grace',
  'Daniel',
  'Sarah',
  'David',
  'Hannah',
  'Michael',
  'Thi',
  'Minh',
  'Linh',
  'Wei',
  'Mei',
  'Jin',
  'Priya',
  'Arjun',
  'Harpreet',
  'Simran',
  'Ravi',
  'Anjali',
  'Kwame',
  'Amara',
  'Chidi',
  'Abebe',
  'Selam',
  'Yohannes',
  'Nadia',
  'Sami',
  'Rania',
  'Tariq',
  'Ingrid',
  'Björn',
  'Sinéad',
  'Siobhán',
  'José',
  'María',
  'Lucía',
  'Andrés',
  'Joaquín',
  'Inés',
  'Nasrin',
  'Reza',
  'Parisa',
  'Darius',
];
const lastNames = [
  'Nguyen',
  'Tran',
  'Pham',
  'Le',
  'Smith',
  'Brown',
  'Wilson',
  'MacDonald',
  'Campbell',
  'Martin',
  'Taylor',
  'Anderson',
  'Tremblay',
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Pelletier',
  'Leblanc',
  'Li',
  'Wang',
  'Chen',
  'Zhang',
  'Singh',
  'Patel',
  'Kaur',
  'Sharma',
  'Khan',
  'Ali',
  'Hassan',
  'Ibrahim',
  'Abdullah',
  'Haddad',
  'Nasser',
  'Mohamud',
  'Warsame',
  'Abdi',
  'Osei',
  'Mensah',
  'Okafor',
  'Tesfaye',
  'Haile',
  'Kebede',
  'Kim',
  'Park',
  'Garcia',
  'Rodriguez',
  'Martinez',
  'Santos',
  'Hosseini',
  'Rahimi',
  "O'Brien",
  'Murphy',
  'Kowalski',
  'Nowak',
  'Petrov',
  'Ivanova',
  'Yilmaz',
  'Demir',
  'Al-Sayed',
  'Mbeki',
  'Diallo',
  'Traoré',
];
const titles = [
  'Executive Director',
  'Board Chair',
  'Settlement Counsellor',
  'Volunteer Coordinator',
  'Imam',
  'Pastor',
  'Rabbi',
  'Priest',
  'City Councillor',
  'Mayor',
  'School Principal',
  'Professor',
  'Reporter',
  'Editor',
  'Owner',
  'Youth Worker',
  'Lawyer',
  'Sponsorship Group Lead',
  'Community Organizer',
  'Program Manager',
];
const leaderCategories = ['faith', 'business', 'elected_municipal', 'education', 'media', 'community'];

/** mulberry32: a small, fast, seedable PRNG (same sequence everywhere). */
function prng(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts per province summing to `total`, each at least `floor`. */
export function allocate(total: number, floor: number): Record<ProvinceCode, number> {
  const codes = Object.keys(provinceWeights) as ProvinceCode[];
  const sum = codes.reduce((acc, code) => acc + provinceWeights[code], 0);
  const counts = Object.fromEntries(codes.map((code) => [code, Math.max(floor, Math.floor((total * provinceWeights[code]) / sum))])) as Record<
    ProvinceCode,
    number
  >;
  counts.ON += total - codes.reduce((acc, code) => acc + counts[code], 0);
  return counts;
}

const postalLetters = 'ABCEGHJKLMNPRSTVWXYZ';

interface DemoUserIds {
  staff: string;
  ontario: string;
  quebec: string;
}

/**
 * Adds the demo organizations and people (with affiliations and a "created"
 * timeline entry each). Returns false, changing nothing, when demo records are
 * already there (other than the member contact's organization).
 */
export async function seedDemoRecords(
  db: EntityManager,
  scale: DemoScale,
  progress: (step: string) => void = () => undefined,
): Promise<{ organizations: number; people: number } | false> {
  const [{ count }]: { count: string }[] = await db.query(`SELECT count(*) FROM organization WHERE id <> $1`, [demoMemberOrganization.id]);
  if (Number(count) > 0) return false;
  const users = await demoUserIds(db);
  const started = Date.now();
  const step = (name: string) => progress(`${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  // Bulk loading into indexed tables is slow (GIN above all): set the secondary
  // indexes aside and build each once at the end. Their definitions are read from
  // the catalogue, so the migration stays the only place that declares them.
  await db.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  const indexes: { name: string; definition: string }[] = await db.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname IN ('person', 'affiliation', 'activity') AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
  const size = demoScales[scale];
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  // Organizations: generated here (a few thousand), written in chunks.
  const organizations: Record<string, unknown>[] = [];
  for (const [province, total] of Object.entries(allocate(size.organizations - 1, 3)) as [ProvinceCode, number][]) {
    for (let rank = 0; rank < total; rank += 1) {
      const city = cities[province][rank % cities[province].length];
      const kind = kinds[(rank + Math.floor(random() * 3)) % kinds.length];
      // Many organizations share a city and kind: a branch number keeps names apart.
      const branch = Math.floor(rank / (cities[province].length * kinds.length));
      const suffix = branch > 0 ? ` ${branch + 1}` : '';
      const membership = pick(memberships);
      organizations.push({
        n: organizations.length + 1,
        province_code: province,
        rank,
        name_en: `${kind.en(city.name)}${suffix}`,
        name_fr: `${kind.fr(city.name)}${suffix}`,
        kind: kind.kind,
        membership,
        membership_since: membership === 'ally' ? null : `${2005 + Math.floor(random() * 20)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`,
        city: city.name,
        postal_code: `${city.fsa} ${Math.floor(random() * 10)}${pick([...postalLetters])}${Math.floor(random() * 10)}`,
        email: `info${organizations.length + 1}@${kind.kind.replace(/_/g, '-')}.example.org`,
        phone: `+1${city.area}55501${String(Math.floor(random() * 100)).padStart(2, '0')}`,
        website: random() < 0.7 ? `https://org${organizations.length + 1}.example.org` : null,
        tags: random() < 0.5 ? [pick(tagVocabulary).slug] : [],
        owner_id: province === 'ON' && rank % 10 === 0 ? users.ontario : province === 'QC' && rank % 10 === 0 ? users.quebec : null,
      });
    }
  }
  await db.query(`CREATE TEMP TABLE demo_org (n int, id uuid, province_code char(2), rank int) ON COMMIT DROP`);
  for (let start = 0; start < organizations.length; start += 1000) {
    const chunk = JSON.stringify(organizations.slice(start, start + 1000));
    await db.query(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(n int, province_code char(2), rank int, name_en text, name_fr text, kind text, membership text,
                                                          membership_since date, city text, postal_code text, email text, phone text, website text,
                                                          tags text[], owner_id uuid)),
       inserted AS (
         INSERT INTO organization (id, name_en, name_fr, kind, membership, membership_since, province_code, city, postal_code, email, phone, website,
                                   tags, owner_id, created_by_id, created_at, updated_at)
         SELECT md5('demo-organization-' || x.n)::uuid, x.name_en, x.name_fr, x.kind, x.membership, x.membership_since, x.province_code, x.city,
                x.postal_code, x.email, x.phone, x.website, x.tags, x.owner_id, $2, timestamptz '2024-01-01' + x.n * interval '37 minutes',
                timestamptz '2024-01-01' + x.n * interval '37 minutes'
           FROM x
         RETURNING id)
       INSERT INTO demo_org (n, id, province_code, rank) SELECT x.n, md5('demo-organization-' || x.n)::uuid, x.province_code, x.rank FROM x`,
      [chunk, users.staff],
    );
  }
  // The member contact's organization takes part like any other Ontario one.
  await db.query(`INSERT INTO demo_org (n, id, province_code, rank) SELECT 0, $1, 'ON', count(*) FROM demo_org WHERE province_code = 'ON'`, [
    demoMemberOrganization.id,
  ]);
  await db.query(`CREATE INDEX ON demo_org (province_code, rank)`);

  step('organizations');
  // People: generated in SQL. h(i, salt) is a deterministic hash in [0, 2^32).
  await db.query(`
    CREATE FUNCTION pg_temp.h(i bigint, salt text) RETURNS bigint LANGUAGE sql IMMUTABLE
    AS $fn$ SELECT ('x' || substr(md5(salt || ':' || i), 1, 8))::bit(32)::bigint $fn$`);
  const provinceBounds: { code: string; lo: number; hi: number }[] = [];
  let cumulative = 0;
  for (const [code, total] of Object.entries(allocate(size.people, 10))) {
    provinceBounds.push({ code, lo: cumulative, hi: cumulative + total });
    cumulative += total;
  }
  const cityRows = Object.entries(cities).flatMap(([code, list]) =>
    list.map((city, index) => ({ code, index, name: city.name, area: city.area, count: list.length })),
  );
  await db.query(
    `CREATE TEMP TABLE demo_place ON COMMIT DROP AS
       SELECT b.code AS province_code, b.lo, b.hi, c.index, c.name AS city, c.area, c.count AS city_count,
              (SELECT count(*) FROM demo_org o WHERE o.province_code = b.code) AS org_count
         FROM jsonb_to_recordset($1::jsonb) AS b(code text, lo int, hi int)
         JOIN jsonb_to_recordset($2::jsonb) AS c(code text, index int, name text, area text, count int) ON c.code = b.code`,
    [JSON.stringify(provinceBounds), JSON.stringify(cityRows)],
  );
  // Row i falls in its province's [lo, hi) slot; its city is h(i) modulo the province's cities.
  await db.query(
    `CREATE TEMP TABLE demo_person ON COMMIT DROP AS
       SELECT g.i, md5('demo-person-' || g.i)::uuid AS id, pl.province_code, pl.city, pl.area, pl.org_count,
              ($1::text[])[1 + pg_temp.h(g.i, 'first') % cardinality($1::text[])] AS first_name,
              ($2::text[])[1 + pg_temp.h(g.i, 'last') % cardinality($2::text[])] AS last_name
         FROM generate_series(0, $3::int - 1) AS g(i)
         JOIN demo_place pl ON g.i >= pl.lo AND g.i < pl.hi AND pl.index = pg_temp.h(g.i, 'city') % pl.city_count`,
    [firstNames, lastNames, size.people],
  );
  await db.query(
    `INSERT INTO person (id, first_name, last_name, preferred_language, emails, phones, leader_category, province_code, city, owner_id,
                         created_by_id, engagement_stage, engagement_reason, consent_email, consent_phone, do_not_contact, lived_experience,
                         tags, created_at, updated_at)
     SELECT d.id, d.first_name, d.last_name,
            CASE WHEN pg_temp.h(d.i, 'lang') % 100 < CASE d.province_code WHEN 'QC' THEN 85 WHEN 'NB' THEN 33 WHEN 'ON' THEN 8 ELSE 3 END
                 THEN 'fr' ELSE 'en' END,
            ARRAY[lower(regexp_replace(f_unaccent(d.first_name || '.' || d.last_name), '[^A-Za-z.]', '', 'g')) || d.i || '@example.org'],
            CASE WHEN pg_temp.h(d.i, 'phone') % 100 < 60 THEN ARRAY['+1' || d.area || '55501' || lpad((d.i % 100)::text, 2, '0')] ELSE '{}' END,
            CASE WHEN pg_temp.h(d.i, 'cat') % 10 = 0 THEN NULL ELSE ($1::text[])[1 + pg_temp.h(d.i, 'cat2') % cardinality($1::text[])] END,
            d.province_code, d.city,
            CASE WHEN pg_temp.h(d.i, 'own') % 100 < 10 THEN CASE d.province_code WHEN 'ON' THEN $2::uuid WHEN 'QC' THEN $3::uuid END END,
            CASE WHEN pg_temp.h(d.i, 'by') % 100 < 30
                  THEN CASE d.province_code WHEN 'ON' THEN $2::uuid WHEN 'QC' THEN $3::uuid ELSE $4::uuid END ELSE $4::uuid END,
            'identified', NULL,
            pg_temp.h(d.i, 'ce') % 100 < 70, pg_temp.h(d.i, 'cp') % 100 < 40, pg_temp.h(d.i, 'dnc') % 100 < 3, pg_temp.h(d.i, 'lx') % 100 < 8,
            CASE WHEN pg_temp.h(d.i, 'tag') % 100 < 40 THEN ARRAY[($5::text[])[1 + pg_temp.h(d.i, 'tag2') % cardinality($5::text[])]] ELSE '{}' END,
            timestamptz '2024-01-01' + pg_temp.h(d.i, 'created') % 15000 * interval '1 hour',
            timestamptz '2024-01-01' + pg_temp.h(d.i, 'created') % 15000 * interval '1 hour' + pg_temp.h(d.i, 'upd') % 2000 * interval '1 hour'
       FROM demo_person d`,
    [leaderCategories, users.ontario, users.quebec, users.staff, tagVocabulary.map((tag) => tag.slug)],
  );
  step('people');
  // 85% work with an organization of their province, 10% with a second one too.
  await db.query(
    `INSERT INTO affiliation (person_id, organization_id, title)
     SELECT d.id, o.id, ($1::text[])[1 + pg_temp.h(d.i, 'title' || k) % cardinality($1::text[])]
       FROM demo_person d
       CROSS JOIN generate_series(1, 2) AS k
       JOIN demo_org o ON o.province_code = d.province_code AND o.rank = pg_temp.h(d.i, 'org' || k) % d.org_count
      WHERE (k = 1 AND pg_temp.h(d.i, 'aff') % 100 < 85) OR (k = 2 AND pg_temp.h(d.i, 'aff') % 100 < 10)
     ON CONFLICT DO NOTHING`,
    [titles],
  );
  step('affiliations');
  await db.query(
    `INSERT INTO activity (subject_type, subject_id, actor_id, kind, record_type, record_id, at)
     SELECT 'Organization', o.id, o.created_by_id, 'record.created', 'Organization', o.id, o.created_at FROM organization o
     UNION ALL
     SELECT 'Person', p.id, p.created_by_id, 'record.created', 'Person', p.id, p.created_at FROM person p`,
  );
  step('timeline');
  await seedDemoEvents(db, users);
  step('events');
  // The demo's story (decision 116): at the demo scale, the contacts, pledges, attendance and stories
  // that stand behind each person's stage. Everyone starts identified with no reason; the ladder's own
  // rebuild places them afterwards (`placeDemoLadder`). The large scale has none of them: all stay
  // identified, which is what the rebuild would leave (the outreach bench adds its own outreach).
  if (scale === 'small') {
    await seedDemoPledges(db, users);
    await seedDemoOutreach(db, users);
    await seedDemoAttendance(db);
    await seedDemoStories(db, users);
    await seedDemoGoals(db);
    step('outreach, pledges, attendance, stories and goals');
  }
  for (const index of indexes) await db.query(index.definition);
  step('indexes');
  await db.query(`ANALYZE organization, person, affiliation, activity`);
  return { organizations: organizations.length + 1, people: size.people };
}

// A few events across Canada's zones (days from the seeding, wall-clock times in each
// event's own zone, decision 110), so the events screens are not empty on a fresh machine.
const demoEvents = [
  {
    days: 5,
    clock: '18:30',
    zone: 'America/Toronto',
    province: 'ON',
    kind: 'workshop',
    status: 'confirmed',
    capacity: 25,
    owner: 'ontario',
    en: 'Know your rights: a workshop for newcomers',
    fr: 'Connaître ses droits\u00a0: atelier pour personnes nouvellement arrivées',
    place: 'Toronto Public Library, Bloor/Gladstone',
  },
  {
    days: 10,
    clock: '19:00',
    zone: 'America/Halifax',
    province: 'NS',
    kind: 'forum',
    status: 'confirmed',
    capacity: 80,
    owner: 'staff',
    en: 'Community forum: welcoming refugees in Halifax',
    fr: 'Forum communautaire\u00a0: accueillir les personnes réfugiées à Halifax',
    place: 'Halifax Central Library',
  },
  {
    days: 12,
    clock: '19:00',
    zone: 'America/Toronto',
    province: 'QC',
    kind: 'screening',
    status: 'planned',
    capacity: 60,
    owner: 'quebec',
    en: 'Film screening and discussion',
    fr: 'Projection et discussion',
    place: 'Cinéma du Parc, Montréal',
  },
  {
    days: 20,
    clock: '19:00',
    zone: 'America/St_Johns',
    province: 'NL',
    kind: 'vigil',
    status: 'planned',
    capacity: null,
    owner: 'staff',
    en: 'Candlelight vigil for refugee rights',
    fr: 'Veillée aux chandelles pour les droits des réfugiés',
    place: 'Harbourside Park, St. John’s',
  },
  {
    days: 30,
    clock: '12:00',
    zone: 'America/Winnipeg',
    province: 'MB',
    kind: 'webinar',
    status: 'planned',
    capacity: 200,
    owner: 'staff',
    en: 'Webinar: how to meet your MP',
    fr: 'Webinaire\u00a0: comment rencontrer sa ou son député',
    place: null,
  },
  {
    days: 45,
    clock: '17:00',
    zone: 'America/Vancouver',
    province: 'BC',
    kind: 'mp_meeting',
    status: 'planned',
    capacity: 12,
    owner: 'staff',
    en: 'Meeting with Vancouver MPs',
    fr: 'Rencontre avec des députés de Vancouver',
    place: 'Vancouver Community College',
  },
  {
    days: 18,
    clock: '18:00',
    zone: 'America/Toronto',
    province: 'ON',
    kind: 'workshop',
    status: 'confirmed',
    capacity: 30,
    owner: 'ontario',
    en: 'Private sponsorship: an information evening',
    fr: 'Parrainage privé\u00a0: soirée d’information',
    place: 'Ottawa Community Welcome Centre',
    hostedByMember: true,
  },
  {
    days: -14,
    clock: '19:00',
    zone: 'America/Toronto',
    province: 'ON',
    kind: 'forum',
    status: 'held',
    capacity: 40,
    owner: 'ontario',
    en: 'Ottawa forum on private sponsorship',
    fr: 'Forum d’Ottawa sur le parrainage privé',
    place: 'Ottawa City Hall',
    hostedByMember: true,
  },
] as const;

// The member contact's organization hosts two of them (the held Ottawa forum and an evening to come), so
// a member's home shows what their organization hosts.
async function seedDemoEvents(db: EntityManager, users: DemoUserIds): Promise<void> {
  await db.query(
    `INSERT INTO event (campaign_id, title_en, title_fr, kind, province_code, time_zone, starts_at, ends_at, place, online_url, capacity, status,
                        organization_id, owner_id, created_by_id)
     SELECT c.id, x.en, x.fr, x.kind, x.province, x.zone,
            ((current_date + x.days)::timestamp + x.clock::time) AT TIME ZONE x.zone,
            ((current_date + x.days)::timestamp + x.clock::time + interval '2 hours') AT TIME ZONE x.zone,
            x.place, CASE WHEN x.place IS NULL THEN 'https://example.org/webinar' END, x.capacity, x.status, x.organization_id, x.owner_id, x.owner_id
       FROM jsonb_to_recordset($1::jsonb) AS x(days int, clock text, zone text, province text, kind text, status text, capacity int, en text, fr text,
                                                place text, organization_id uuid, owner_id uuid)
       JOIN campaign c ON c.is_default`,
    [
      JSON.stringify(
        demoEvents.map((event) => ({
          ...event,
          organization_id: 'hostedByMember' in event ? demoMemberOrganization.id : null,
          owner_id: users[event.owner],
        })),
      ),
    ],
  );
}

// Pledges of the first people (by name) of Ontario and Quebec: one each of a few kinds, at different steps.
async function seedDemoPledges(db: EntityManager, users: DemoUserIds): Promise<void> {
  await db.query(
    `INSERT INTO pledge (id, campaign_id, person_id, kind, policy_ask_id, due_on, status, fulfilled_at, province_code, owner_id, created_by_id, created_at,
                         updated_at)
     SELECT md5('demo-pledge-' || p.province_code || k.n)::uuid, c.id, p.id, k.kind,
            CASE WHEN k.kind = 'contact_mp' THEN (SELECT a.id FROM policy_ask a WHERE a.campaign_id = c.id ORDER BY a.position LIMIT 1) END,
            current_date + k.due, k.status, CASE WHEN k.status = 'fulfilled' THEN now() - interval '8 days' END, p.province_code,
            CASE p.province_code WHEN 'ON' THEN $1::uuid ELSE $2::uuid END, CASE p.province_code WHEN 'ON' THEN $1::uuid ELSE $2::uuid END,
            now() - (10 + 6 * k.n) * interval '1 day', now() - (10 + 6 * k.n) * interval '1 day'
       FROM campaign c
       CROSS JOIN LATERAL (SELECT pp.id, pp.province_code,
                                  row_number() OVER (PARTITION BY pp.province_code ORDER BY pp.last_name, pp.first_name, pp.id) AS n
                             FROM person pp WHERE pp.province_code IN ('ON', 'QC')) p
       JOIN (VALUES (1, 'speak_up', 14, 'pledged'), (2, 'host_event', 30, 'in_progress'), (3, 'share_facts', -7, 'fulfilled'),
                    (4, 'contact_mp', 21, 'pledged'), (5, 'recruit_leader', 60, 'pledged')) AS k(n, kind, due, status) ON k.n = p.n
      WHERE c.is_default
        AND (k.kind <> 'contact_mp' OR EXISTS (SELECT 1 FROM policy_ask a WHERE a.campaign_id = c.id))`,
    [users.ontario, users.quebec],
  );
  // The member contact's organization pledged to host an event (the information evening), under way.
  await db.query(
    `INSERT INTO pledge (id, campaign_id, organization_id, kind, due_on, status, province_code, owner_id, created_by_id, created_at, updated_at)
     SELECT md5('demo-pledge-member-organization')::uuid, c.id, $1::uuid, 'host_event', current_date + 18, 'in_progress', 'ON', $2::uuid, $2::uuid,
            now() - interval '20 days', now() - interval '6 days'
       FROM campaign c WHERE c.is_default`,
    [demoMemberOrganization.id, users.ontario],
  );
}

// What a contact's notes say, by outcome, in the author's language: plain phrases, nobody's personal data.
const outreachNotes: Record<'en' | 'fr', Record<string, string[]>> = {
  en: {
    noAnswer: ['Left a voicemail.', 'No answer; sent the fact sheet by email instead.'],
    followUpNeeded: ['Asked us to call back after their board meeting.', 'Busy this month; wants to hear from us again soon.'],
    interested: ['Interested in the private sponsorship backlog; asked for the one-page brief.', 'Keen to hear more about the next community forum.'],
    committed: ['Agreed to raise the campaign at their next council meeting.', 'Will sign the open letter and share it with their network.'],
    declined: ['Not able to take part this year.', 'Prefers not to take a public position for now.'],
  },
  fr: {
    noAnswer: ['Message laissé sur la boîte vocale.', 'Pas de réponse; fiche d’information envoyée par courriel.'],
    followUpNeeded: ['Demande qu’on rappelle après la réunion de son conseil.', 'Mois chargé; souhaite qu’on le recontacte bientôt.'],
    interested: ['Intéressé par les délais du parrainage privé; a demandé la note d’une page.', 'Souhaite en savoir plus sur le prochain forum.'],
    committed: ['Accepte de parler de la campagne à la prochaine séance du conseil.', 'Signera la lettre ouverte et la fera circuler.'],
    declined: ['Ne peut pas participer cette année.', 'Préfère ne pas prendre position publiquement pour l’instant.'],
  },
};

/**
 * Contacts logged by the coordinators (their own province) and national staff over the last months:
 * about half of Ontario's and Quebec's people and a third elsewhere, one to three contacts each, the
 * latest the most telling (no answer, call back, interested, committed or declined); some name a policy
 * ask of the default campaign; the coordinators' latest contacts leave open follow-ups, a few overdue,
 * some due today or this week. Each contact is on its person's and organizations' timelines.
 */
async function seedDemoOutreach(db: EntityManager, users: DemoUserIds): Promise<void> {
  await db.query(
    `CREATE TEMP TABLE demo_outreach ON COMMIT DROP AS
     WITH reached AS (
       SELECT d.i, d.id AS person_id, d.province_code, 1 + pg_temp.h(d.i, 'contacts') % 3 AS n, pg_temp.h(d.i, 'last') % 100 AS last,
              CASE WHEN pg_temp.h(d.i, 'author') % 100 < 80 THEN CASE d.province_code WHEN 'ON' THEN $1::uuid WHEN 'QC' THEN $2::uuid END END AS coordinator
         FROM demo_person d
        WHERE pg_temp.h(d.i, 'reached') % 100 < CASE WHEN d.province_code IN ('ON', 'QC') THEN 50 ELSE 30 END),
     contact AS (
       SELECT r.*, k, COALESCE(r.coordinator, $3::uuid) AS author,
              -- The latest contact carries the person's outcome; earlier ones went unanswered or asked for a call back.
              CASE WHEN k < r.n THEN CASE WHEN pg_temp.h(r.i, 'early' || k) % 100 < 60 THEN 'noAnswer' ELSE 'followUpNeeded' END
                   WHEN r.last < 25 THEN 'noAnswer' WHEN r.last < 42 THEN 'followUpNeeded' WHEN r.last < 72 THEN 'interested'
                   WHEN r.last < 90 THEN 'committed' ELSE 'declined' END AS outcome,
              current_date - (pg_temp.h(r.i, 'recent') % 90 + (r.n - k) * (14 + pg_temp.h(r.i, 'gap' || k) % 28))::int AS occurred_on,
              pg_temp.h(r.i, 'channel' || k) % 100 AS c
         FROM reached r CROSS JOIN LATERAL generate_series(1, r.n) AS k)
     SELECT x.*, md5('demo-outreach-' || x.i || '-' || x.k)::uuid AS id,
            CASE WHEN x.c < 35 THEN 'call' WHEN x.c < 60 THEN 'email' WHEN x.c < 80 THEN 'meeting' WHEN x.c < 90 THEN 'event' WHEN x.c < 95 THEN 'letter'
                 ELSE 'social' END AS channel,
            -- Open follow-ups of the coordinators, from five days overdue to eight days ahead.
            CASE WHEN x.k = x.n AND x.coordinator IS NOT NULL AND x.outcome IN ('noAnswer', 'followUpNeeded', 'interested')
                      AND pg_temp.h(x.i, 'follow') % 100 < 12 AND x.occurred_on < current_date - 5
                 THEN current_date + (pg_temp.h(x.i, 'due') % 14)::int - 5 END AS follow_up_on
       FROM contact x`,
    [users.ontario, users.quebec, users.staff],
  );
  await db.query(
    `INSERT INTO outreach (id, person_id, campaign_id, channel, occurred_on, outcome, notes, policy_ask_id, follow_up_on, follow_up_owner_id,
                           created_by_id, created_at, updated_at)
     SELECT o.id, o.person_id, c.id, o.channel, o.occurred_on, o.outcome,
            CASE WHEN pg_temp.h(o.i, 'note' || o.k) % 100 < 70
                 THEN (CASE WHEN o.author = $1::uuid THEN $3::jsonb ELSE $2::jsonb END -> o.outcome ->> (pg_temp.h(o.i, 'which' || o.k) % 2)::int) END,
            CASE WHEN o.outcome IN ('interested', 'committed') AND o.channel IN ('meeting', 'call', 'event') AND cardinality(a.ids) > 0
                      AND pg_temp.h(o.i, 'ask' || o.k) % 100 < 40
                 THEN a.ids[1 + pg_temp.h(o.i, 'which-ask' || o.k) % cardinality(a.ids)] END,
            o.follow_up_on, CASE WHEN o.follow_up_on IS NOT NULL THEN o.coordinator END, o.author,
            o.occurred_on + time '10:00' + pg_temp.h(o.i, 'hour' || o.k) % 480 * interval '1 minute',
            o.occurred_on + time '10:00' + pg_temp.h(o.i, 'hour' || o.k) % 480 * interval '1 minute'
       FROM demo_outreach o
       JOIN campaign c ON c.is_default
       CROSS JOIN LATERAL (SELECT COALESCE(array_agg(pa.id ORDER BY pa.position), '{}') AS ids FROM policy_ask pa WHERE pa.campaign_id = c.id) a`,
    [users.quebec, JSON.stringify(outreachNotes.en), JSON.stringify(outreachNotes.fr)],
  );
  // "Logged a contact" on the person's timeline and on each of their organizations' (as logging one writes it).
  await db.query(
    `INSERT INTO activity (subject_type, subject_id, actor_id, kind, record_type, record_id, at)
     SELECT 'Person', o.person_id, o.created_by_id, 'outreach.created', 'Outreach', o.id, o.created_at FROM outreach o
     UNION ALL
     SELECT 'Organization', a.organization_id, o.created_by_id, 'outreach.created', 'Outreach', o.id, o.created_at
       FROM outreach o JOIN affiliation a ON a.person_id = o.person_id`,
  );
}

/**
 * The Ottawa forum two weeks ago was held: some Ontario people who showed interest or committed
 * came (checked in), a few said no, and one of them hosted it.
 */
async function seedDemoAttendance(db: EntityManager): Promise<void> {
  await db.query(
    `INSERT INTO event_rsvp (id, event_id, person_id, response, invited_at, responded_at, checked_in_at, created_by_id, created_at, updated_at)
     SELECT md5('demo-rsvp-' || x.person_id)::uuid, e.id, x.person_id, x.response, e.starts_at - interval '20 days', e.starts_at - interval '12 days',
            CASE WHEN x.response = 'yes' THEN e.starts_at + interval '5 minutes' END, e.owner_id, e.starts_at - interval '20 days',
            e.starts_at - interval '12 days'
       FROM event e
       JOIN LATERAL (SELECT DISTINCT ON (o.person_id) o.person_id,
                            CASE WHEN pg_temp.h(o.i, 'rsvp') % 100 < 75 THEN 'yes' ELSE 'no' END AS response
                       FROM demo_outreach o
                      WHERE o.province_code = 'ON' AND o.k = o.n AND o.outcome IN ('interested', 'committed') AND pg_temp.h(o.i, 'invited') % 100 < 15
                      ORDER BY o.person_id LIMIT 30) x ON true
      WHERE e.status = 'held' AND e.province_code = 'ON'`,
  );
  await db.query(
    `INSERT INTO event_host (event_id, person_id)
     SELECT r.event_id, r.person_id FROM event_rsvp r JOIN event e ON e.id = r.event_id
      WHERE e.status = 'held' AND r.checked_in_at IS NOT NULL ORDER BY r.person_id LIMIT 1`,
  );
}

// A handful of stories at each step of review (nobody's real story: composites written for the demo).
const demoStories = [
  {
    kind: 'entrepreneurial',
    language: 'en',
    province: 'ON',
    status: 'published',
    owner: 'ontario',
    title: 'A bakery on the main street, after years at a market stall',
    text: 'Arriving with two children and no savings, a former pastry chef sold bread at a weekend market, then opened a bakery that now employs six people.',
  },
  {
    kind: 'community_leadership',
    language: 'fr',
    province: 'QC',
    status: 'published',
    owner: 'quebec',
    title: 'Une table de quartier qui accueille',
    text:
      'Parrainée par un groupe paroissial, une ancienne enseignante anime aujourd’hui la table de concertation de son quartier ' +
      'et accompagne les familles nouvellement arrivées.',
  },
  {
    kind: 'economic',
    language: 'en',
    province: 'AB',
    status: 'approved',
    owner: 'staff',
    title: 'Filling a skilled trades gap',
    text: 'A welder who resettled in Alberta finished his Canadian certification in a year and now trains apprentices at a local fabrication shop.',
  },
  {
    kind: 'innovation',
    language: 'fr',
    province: 'QC',
    status: 'draft',
    owner: 'quebec',
    title: 'Une application pour traduire les formulaires',
    text: 'Deux étudiantes arrivées comme réfugiées ont conçu une application qui aide les familles à remplir les formulaires de l’école et de la clinique.',
  },
  {
    kind: 'community_leadership',
    language: 'en',
    province: 'ON',
    status: 'draft',
    owner: 'ontario',
    title: 'A youth soccer league that welcomes everyone',
    text: 'A former refugee founded a free soccer league in Hamilton; three seasons later it brings together two hundred children from thirty countries.',
  },
  {
    kind: 'economic',
    language: 'en',
    province: 'NS',
    status: 'approved',
    owner: 'staff',
    title: 'Nursing again, in Halifax',
    text: 'A nurse who fled her country had her credentials recognised after bridging courses and now works nights at a Halifax hospital.',
  },
] as const;

async function seedDemoStories(db: EntityManager, users: DemoUserIds): Promise<void> {
  await db.query(
    `INSERT INTO story (id, campaign_id, kind, language, title, text, province_code, organization_id, owner_id, created_by_id, consent_level, consent_date,
                        consent_method, status, published_at, created_at, updated_at)
     SELECT md5('demo-story-' || x.n)::uuid, c.id, x.kind, x.language, x.title, x.text, x.province,
            (SELECT o.id FROM demo_org o WHERE o.province_code = x.province AND o.rank = x.n), x.owner_id, x.owner_id, 'anonymised_public',
            current_date - 40 - x.n, 'written', x.status, CASE WHEN x.status = 'published' THEN now() - (x.n + 3) * interval '1 day' END,
            now() - (30 + x.n) * interval '1 day', now() - (x.n + 3) * interval '1 day'
       FROM jsonb_to_recordset($1::jsonb) AS x(n int, kind text, language text, province text, status text, owner_id uuid, title text, text text)
       JOIN campaign c ON c.is_default`,
    [JSON.stringify(demoStories.map((story, n) => ({ ...story, n, owner_id: users[story.owner] })))],
  );
  await db.query(
    `INSERT INTO activity (subject_type, subject_id, actor_id, kind, record_type, record_id, at)
     SELECT 'Story', s.id, s.created_by_id, 'story.created', 'Story', s.id, s.created_at FROM story s`,
  );
}

// The default campaign's goals, so its page and the funder's home show progress: national
// targets a little above what the demo's records reach, and Ontario's and Quebec's contacts.
const demoGoals: { metric: GoalMetric; region: string | null; target: number }[] = [
  { metric: 'leadersContacted', region: null, target: 1200 },
  { metric: 'leadersEngaged', region: null, target: 600 },
  { metric: 'leadersCommitted', region: null, target: 300 },
  { metric: 'eventsHeld', region: null, target: 12 },
  { metric: 'attendance', region: null, target: 300 },
  { metric: 'pledgesMade', region: null, target: 40 },
  { metric: 'pledgesFulfilled', region: null, target: 20 },
  { metric: 'toolkitsDistributed', region: null, target: 60 },
  { metric: 'storiesGathered', region: null, target: 12 },
  { metric: 'leadersContacted', region: 'ontario', target: 400 },
  { metric: 'leadersContacted', region: 'quebec', target: 300 },
];

async function seedDemoGoals(db: EntityManager): Promise<void> {
  await db.query(
    `INSERT INTO campaign_goal (campaign_id, metric, region_id, target)
     SELECT c.id, x.metric, r.id, x.target
       FROM jsonb_to_recordset($1::jsonb) AS x(metric text, region text, target int)
       JOIN campaign c ON c.is_default
       LEFT JOIN region r ON r.code = x.region`,
    [JSON.stringify(demoGoals)],
  );
}

async function demoUserIds(db: EntityManager): Promise<DemoUserIds> {
  const emailOf = (email: string) => demoUsers.find((user) => user.email === email)!.email;
  const rows: { email: string; id: string }[] = await db.query(`SELECT lower(email) AS email, id FROM app_user WHERE lower(email) = ANY($1::text[])`, [
    demoUsers.map((user) => user.email),
  ]);
  const id = (email: string) => {
    const row = rows.find((r) => r.email === emailOf(email));
    if (!row) throw new Error(`demo user ${email} is missing: seed the demo users first`);
    return row.id;
  };
  return { staff: id('staff@demo.coalition.invalid'), ontario: id('ontario@demo.coalition.invalid'), quebec: id('quebec@demo.coalition.invalid') };
}
