import type { EntityManager } from 'typeorm';
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
            s.stage, CASE WHEN s.stage <> 'identified' THEN 'Demo data' END,
            pg_temp.h(d.i, 'ce') % 100 < 70, pg_temp.h(d.i, 'cp') % 100 < 40, pg_temp.h(d.i, 'dnc') % 100 < 3, pg_temp.h(d.i, 'lx') % 100 < 8,
            CASE WHEN pg_temp.h(d.i, 'tag') % 100 < 40 THEN ARRAY[($5::text[])[1 + pg_temp.h(d.i, 'tag2') % cardinality($5::text[])]] ELSE '{}' END,
            timestamptz '2024-01-01' + pg_temp.h(d.i, 'created') % 15000 * interval '1 hour',
            timestamptz '2024-01-01' + pg_temp.h(d.i, 'created') % 15000 * interval '1 hour' + pg_temp.h(d.i, 'upd') % 2000 * interval '1 hour'
       FROM demo_person d
       CROSS JOIN LATERAL (SELECT CASE WHEN r < 40 THEN 'identified' WHEN r < 65 THEN 'contacted' WHEN r < 83 THEN 'engaged' WHEN r < 95 THEN 'committed'
                                       ELSE 'champion' END AS stage
                             FROM (SELECT pg_temp.h(d.i, 'stage') % 100 AS r) AS x) AS s`,
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
  step('events and pledges');
  for (const index of indexes) await db.query(index.definition);
  step('indexes');
  await db.query(`ANALYZE organization, person, affiliation, activity`);
  return { organizations: organizations.length + 1, people: size.people };
}

// A few events across Canada's zones (days from the seeding, wall-clock times in each
// event's own zone, decision 110) and pledges of the first people of two provinces, so
// the events and pledges screens are not empty on a fresh machine.
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
  },
] as const;

async function seedDemoEvents(db: EntityManager, users: DemoUserIds): Promise<void> {
  await db.query(
    `INSERT INTO event (campaign_id, title_en, title_fr, kind, province_code, time_zone, starts_at, ends_at, place, online_url, capacity, status,
                        owner_id, created_by_id)
     SELECT c.id, x.en, x.fr, x.kind, x.province, x.zone,
            ((current_date + x.days)::timestamp + x.clock::time) AT TIME ZONE x.zone,
            ((current_date + x.days)::timestamp + x.clock::time + interval '2 hours') AT TIME ZONE x.zone,
            x.place, CASE WHEN x.place IS NULL THEN 'https://example.org/webinar' END, x.capacity, x.status, x.owner_id, x.owner_id
       FROM jsonb_to_recordset($1::jsonb) AS x(days int, clock text, zone text, province text, kind text, status text, capacity int, en text, fr text,
                                                place text, owner_id uuid)
       JOIN campaign c ON c.is_default`,
    [JSON.stringify(demoEvents.map((event) => ({ ...event, owner_id: users[event.owner] })))],
  );
  // Pledges of the first people (by name) of Ontario and Quebec: one each of a few kinds, at different steps.
  await db.query(
    `INSERT INTO pledge (campaign_id, person_id, kind, policy_ask_id, due_on, status, fulfilled_at, province_code, owner_id, created_by_id)
     SELECT c.id, p.id, k.kind, CASE WHEN k.kind = 'contact_mp' THEN (SELECT a.id FROM policy_ask a WHERE a.campaign_id = c.id ORDER BY a.position LIMIT 1) END,
            current_date + k.due, k.status, CASE WHEN k.status = 'fulfilled' THEN now() END, p.province_code,
            CASE p.province_code WHEN 'ON' THEN $1::uuid ELSE $2::uuid END, CASE p.province_code WHEN 'ON' THEN $1::uuid ELSE $2::uuid END
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
