import type { EntityManager } from 'typeorm';
import { demoMemberOrganization } from './demo-users';

// The toolkit's demo catalogue (each edition with its stock, received as movements so stock
// is the sum of its movements) and a few requests, so its screens are not empty on `npm start`.

export const demoToolkitItems = [
  { key: 'booklet-en', kind: 'booklet', language: 'en', titleEn: 'Campaign booklet (English)', titleFr: 'Livret de campagne (anglais)', stock: 400, low: 50 },
  { key: 'booklet-fr', kind: 'booklet', language: 'fr', titleEn: 'Campaign booklet (French)', titleFr: 'Livret de campagne (français)', stock: 250, low: 50 },
  {
    key: 'poster-en',
    kind: 'poster',
    language: 'en',
    titleEn: 'Stronger Communities poster',
    titleFr: 'Affiche Communautés plus fortes (anglais)',
    stock: 120,
    low: 20,
  },
  {
    key: 'poster-fr',
    kind: 'poster',
    language: 'fr',
    titleEn: 'Stronger Communities poster (French)',
    titleFr: 'Affiche Communautés plus fortes',
    stock: 15,
    low: 20,
  },
  {
    key: 'button',
    kind: 'button',
    language: 'en',
    titleEn: 'Button: I welcome refugees',
    titleFr: 'Macaron\u00a0: J’accueille les réfugiés',
    stock: 1000,
    low: 100,
  },
  {
    key: 'infographic',
    kind: 'digital_file',
    language: 'en',
    titleEn: 'Facts infographic (PDF)',
    titleFr: 'Infographie des faits (PDF)',
    stock: 0,
    low: 0,
    downloadUrl: 'https://example.org/toolkit/facts-infographic.pdf',
  },
] as const;

/**
 * Adds the demo catalogue and requests when the catalogue is empty (idempotent: false, changing
 * nothing, when items exist). Requests are from the member contact's organization and from the
 * public form, in the first steps of their lifecycle (nothing shipped, so no stock moves).
 */
export async function seedDemoToolkit(db: EntityManager): Promise<{ items: number; requests: number } | false> {
  const [{ count }]: { count: string }[] = await db.query(`SELECT count(*) FROM toolkit_item`);
  if (Number(count) > 0) return false;
  const [staff]: { id: string }[] = await db.query(`SELECT id FROM app_user WHERE lower(email) = 'staff@demo.coalition.invalid'`);
  const [member]: { id: string }[] = await db.query(`SELECT id FROM app_user WHERE lower(email) = 'member@demo.coalition.invalid'`);
  const ids = new Map<string, string>();
  for (const item of demoToolkitItems) {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO toolkit_item (kind, language, title_en, title_fr, low_stock_threshold, download_url, on_hand, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [item.kind, item.language, item.titleEn, item.titleFr, item.low, 'downloadUrl' in item ? item.downloadUrl : null, item.stock, staff?.id ?? null],
    );
    ids.set(item.key, row.id);
    if (item.stock > 0) {
      await db.query(`INSERT INTO toolkit_movement (item_id, kind, quantity, reason, actor_id) VALUES ($1, 'received', $2, 'Demo: first print run', $3)`, [
        row.id,
        item.stock,
        staff?.id ?? null,
      ]);
    }
  }
  const requests: {
    status: string;
    source: string;
    language: string;
    organization: boolean;
    name?: string;
    email?: string;
    address?: string[];
    province: string;
    items: [string, number][];
  }[] = [
    {
      status: 'requested',
      source: 'member',
      language: 'en',
      organization: true,
      province: 'ON',
      items: [
        ['booklet-en', 25],
        ['poster-en', 5],
        ['button', 50],
      ],
    },
    {
      status: 'requested',
      source: 'public',
      language: 'fr',
      organization: false,
      name: 'Amina Diallo',
      email: 'amina.diallo@example.org',
      address: ['12 rue Principale', 'Gatineau', 'J8X 1A1'],
      province: 'QC',
      items: [
        ['booklet-fr', 10],
        ['infographic', 1],
      ],
    },
    {
      status: 'approved',
      source: 'public',
      language: 'en',
      organization: false,
      name: 'Daniel Okafor',
      email: 'daniel.okafor@example.org',
      address: ['300 Portage Ave', 'Winnipeg', 'R3C 0B9'],
      province: 'MB',
      items: [
        ['poster-en', 2],
        ['button', 20],
      ],
    },
    { status: 'approved', source: 'staff', language: 'en', organization: true, province: 'ON', items: [['booklet-en', 40]] },
  ];
  for (const [index, request] of requests.entries()) {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO toolkit_request (source, status, language, organization_id, requester_name, requester_email, address_line, city, province_code,
                                    postal_code, created_by_id, download_token, status_changed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, md5(random()::text || $12),
               now() - $12::int * interval '1 day', now() - $12::int * interval '1 day')
       RETURNING id`,
      [
        request.source,
        request.status,
        request.language,
        request.organization ? demoMemberOrganization.id : null,
        request.name ?? null,
        request.email ?? null,
        request.address?.[0] ?? null,
        request.address?.[1] ?? (request.organization ? demoMemberOrganization.city : null),
        request.province,
        request.address?.[2] ?? (request.organization ? demoMemberOrganization.postalCode : null),
        request.source === 'member' ? (member?.id ?? null) : request.source === 'staff' ? (staff?.id ?? null) : null,
        String(index + 1),
      ],
    );
    for (const [key, quantity] of request.items) {
      await db.query(`INSERT INTO toolkit_request_item (request_id, item_id, quantity) VALUES ($1, $2, $3)`, [row.id, ids.get(key), quantity]);
    }
    // Its own timeline, and its organization's.
    await db.query(
      `INSERT INTO activity (subject_type, subject_id, actor_id, kind, record_type, record_id, at)
       SELECT s.type, s.id, r.created_by_id, 'toolkitRequest.created', 'ToolkitRequest', r.id, r.created_at
         FROM toolkit_request r CROSS JOIN LATERAL (VALUES ('ToolkitRequest', r.id), ('Organization', r.organization_id)) AS s(type, id)
        WHERE r.id = $1 AND s.id IS NOT NULL`,
      [row.id],
    );
  }
  return { items: demoToolkitItems.length, requests: requests.length };
}
