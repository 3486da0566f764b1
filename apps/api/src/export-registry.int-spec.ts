import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readCsv } from '@crm/data-transfer';
import { Workbook } from 'exceljs';
import { SessionService } from '@crm/identity';
import { TransferRegistry, type ExportList } from '@crm/records';
import { seedDemoRecords } from '@crm/seed-data';
import { ApiHarness, type DemoRole } from './testing/api-harness';

// The export registry (decision 058): every list a domain registers, exported with
// a filter, holds exactly the rows its GraphQL list shows with that filter, in the
// same order, for every role that may export it. A list registered without filters
// below fails, so a new exportable list is tested the day it registers.

type Filter = Record<string, string | boolean | string[]>;

const filtersByList: Record<string, Filter[]> = {
  people: [
    {},
    { provinceCodes: ['ON', 'QC'] },
    { tags: ['mp-contact'] },
    { engagementStages: ['committed', 'champion'] },
    { leaderCategories: ['faith'] },
    { search: 'Tremblay' },
    { search: 'Marie Côté' },
    { archived: true },
    { sort: 'UPDATED' },
    { provinceCodes: ['ON'], sort: 'UPDATED', tags: ['world-refugee-day'] },
  ],
  outreach: [{}, { channels: ['call', 'meeting'] }, { outcomes: ['committed'] }, { from: '2026-03-01', to: '2026-06-30' }, { search: 'Tremblay' }],
  stories: [
    {},
    { statuses: ['published'] },
    { consentLevels: ['anonymised_public', 'named_public'] },
    { kinds: ['entrepreneurial'] },
    { provinceCodes: ['ON'] },
    { search: 'bakery' },
    { withdrawn: true },
  ],
  pledges: [
    {},
    { statuses: ['pledged', 'in_progress'] },
    { kinds: ['contact_mp', 'speak_up'] },
    { overdue: true },
    { overdue: false, provinceCodes: ['ON'] },
    { statuses: ['fulfilled'], provinceCodes: ['QC', 'BC'] },
  ],
  events: [
    {},
    { statuses: ['planned', 'confirmed'] },
    { kinds: ['forum', 'vigil'] },
    { provinceCodes: ['ON', 'QC'] },
    { search: 'forum' },
    { from: '2026-03-01T00:00:00Z', to: '2026-09-01T00:00:00-04:00' },
  ],
  rsvps: [{}, { responses: ['yes', 'waitlisted'] }, { attended: true }, { attended: false, provinceCodes: ['ON'] }, { provinceCodes: ['QC', 'NS'] }],
  'toolkit-items': [{}, { kinds: ['booklet', 'poster'] }, { lowStock: true }],
  'toolkit-movements': [{}, { kinds: ['received'] }, { kinds: ['adjusted', 'shipped'] }],
  'toolkit-requests': [{}, { status: 'approved' }, { status: 'declined' }, { provinceCodes: ['ON'] }, { status: 'requested', provinceCodes: ['QC', 'ON'] }],
  organizations: [
    {},
    { provinceCodes: ['QC'] },
    { kinds: ['faith_community', 'settlement_agency'] },
    { memberships: ['member'] },
    { search: 'Centre' },
    { archived: true },
    { sort: 'UPDATED' },
  ],
};

const roles: DemoRole[] = ['ADMIN', 'STAFF', 'COORDINATOR', 'COORDINATOR_QC', 'MEMBER', 'FUNDER'];

async function* once(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}

function queryString(filter: Filter): string {
  return new URLSearchParams(
    Object.entries(filter).map(([key, value]): [string, string] => [key, Array.isArray(value) ? value.join(',') : String(value)]),
  ).toString();
}

describe('export registry: each registered list exports exactly its GraphQL list', () => {
  let api: ApiHarness;
  let lists: ExportList[];

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.ownerDataSource.transaction((manager) => seedDemoRecords(manager, 'small'));
    // Some archived records, so the archived filter has rows on both sides.
    await api.ownerDataSource.query(`UPDATE person SET archived_at = now() WHERE id IN (SELECT id FROM person ORDER BY id LIMIT 40)`);
    await api.ownerDataSource.query(`UPDATE organization SET archived_at = now() WHERE id IN (SELECT id FROM organization ORDER BY id LIMIT 8)`);
    // Outreach on 400 people, many on the same day (the list breaks ties by id); some deleted.
    await api.ownerDataSource.query(
      `INSERT INTO outreach (person_id, campaign_id, channel, occurred_on, outcome, notes)
       SELECT p.id, c.id, (ARRAY['meeting', 'call', 'email', 'event', 'letter', 'social'])[1 + abs(hashtext(p.id::text)) % 6],
              date '2026-01-01' + abs(hashtext(p.id::text || 'd')) % 200,
              (ARRAY['noAnswer', 'interested', 'declined', 'committed', 'followUpNeeded'])[1 + abs(hashtext(p.id::text || 'o')) % 5], 'Met at = a forum'
         FROM (SELECT id FROM person ORDER BY id DESC LIMIT 400) p CROSS JOIN campaign c WHERE c.is_default`,
    );
    await api.ownerDataSource.query(`UPDATE outreach SET archived_at = now() WHERE id IN (SELECT id FROM outreach ORDER BY id LIMIT 20)`);
    // Stories in every province, status, consent and kind; every fifth withdrawn (ADMIN's alone to export).
    await api.ownerDataSource.query(
      `INSERT INTO story (campaign_id, kind, language, title, text, province_code, consent_level, consent_date, consent_method, status,
                          storyteller_name, withdrawn_at, created_by_id, owner_id)
       SELECT (SELECT id FROM campaign ORDER BY is_default DESC LIMIT 1),
              (ARRAY['economic', 'entrepreneurial', 'community_leadership', 'innovation'])[1 + i % 4], (ARRAY['en', 'fr'])[1 + i % 2],
              CASE WHEN i % 3 = 0 THEN 'A bakery story ' || i ELSE 'Story ' || i END, 'Text of story ' || i,
              (ARRAY['ON', 'QC', 'BC', 'NS'])[1 + i % 4], (ARRAY['internal', 'anonymised_public', 'named_public'])[1 + i % 3], '2026-01-01', 'written',
              (ARRAY['draft', 'approved', 'published'])[1 + (i / 3) % 3], 'Teller ' || i, CASE WHEN i % 5 = 0 THEN now() END,
              (SELECT id FROM app_user WHERE lower(email) = 'ontario@demo.coalition.invalid'),
              CASE WHEN i % 2 = 0 THEN (SELECT id FROM app_user WHERE lower(email) = 'ontario@demo.coalition.invalid') END
         FROM generate_series(1, 60) AS i`,
    );
    // Pledges of people in three provinces, every kind and status, some overdue, many the same instant (ties broken by id).
    await api.ownerDataSource.query(
      `INSERT INTO pledge (campaign_id, person_id, kind, policy_ask_id, due_on, status, fulfilled_at, overdue_since, province_code,
                           created_by_id, created_at)
       SELECT c.id, p.id, k.kind,
              CASE WHEN k.kind = 'contact_mp' THEN (SELECT a.id FROM policy_ask a WHERE a.campaign_id = c.id ORDER BY a.position LIMIT 1) END,
              date '2026-05-01' + i % 90, s.status, CASE WHEN s.status = 'fulfilled' THEN now() END,
              CASE WHEN i % 7 = 0 AND s.status IN ('pledged', 'in_progress') THEN date '2026-06-01' END, p.province_code,
              (SELECT id FROM app_user WHERE lower(email) = 'ontario@demo.coalition.invalid'), timestamptz '2026-05-01' + (i / 4) * interval '1 hour'
         FROM generate_series(1, 120) AS i
         CROSS JOIN campaign c
         CROSS JOIN LATERAL (SELECT (ARRAY['speak_up', 'host_event', 'share_facts', 'gather_stories', 'contact_mp', 'distribute_toolkits',
                                           'recruit_leader'])[1 + i % 7] AS kind) k
         CROSS JOIN LATERAL (SELECT (ARRAY['pledged', 'in_progress', 'fulfilled', 'lapsed'])[1 + (i / 7) % 4] AS status) s
         CROSS JOIN LATERAL (SELECT id, province_code FROM person
                              WHERE province_code IN ('ON', 'QC', 'BC') AND archived_at IS NULL ORDER BY id OFFSET i LIMIT 1) p
        WHERE c.is_default`,
    );
    // Events in several provinces, kinds and statuses (the demo's few, and these).
    await api.ownerDataSource.query(
      `INSERT INTO event (campaign_id, title_en, title_fr, kind, province_code, time_zone, starts_at, ends_at, status, created_by_id)
       SELECT c.id, CASE WHEN i % 4 = 0 THEN 'Forum ' || i ELSE 'Gathering ' || i END, CASE WHEN i % 2 = 0 THEN 'Rencontre ' || i END,
              (ARRAY['forum', 'vigil', 'webinar', 'workshop', 'screening'])[1 + i % 5], (ARRAY['ON', 'QC', 'BC', 'NS'])[1 + i % 4],
              'America/Toronto', timestamptz '2026-01-15 19:00-05' + (i / 3) * interval '5 days',
              timestamptz '2026-01-15 21:00-05' + (i / 3) * interval '5 days',
              (ARRAY['planned', 'confirmed', 'held', 'cancelled'])[1 + i % 4], (SELECT id FROM app_user WHERE lower(email) = 'ontario@demo.coalition.invalid')
         FROM generate_series(1, 60) AS i CROSS JOIN campaign c WHERE c.is_default`,
    );
    // Answers to those events: people of the event's province, every answer, some checked in, many with the same last name.
    await api.ownerDataSource.query(
      `INSERT INTO event_rsvp (event_id, person_id, response, invited_at, waitlisted_at, checked_in_at)
       SELECT e.id, p.id, a.response, now(), CASE WHEN a.response = 'waitlisted' THEN clock_timestamp() END,
              CASE WHEN a.n % 3 = 0 AND a.response IN ('yes', 'walk_in') THEN now() END
         FROM event e
         CROSS JOIN LATERAL (SELECT pp.id, row_number() OVER (ORDER BY pp.id) AS n FROM person pp
                              WHERE pp.province_code = e.province_code ORDER BY pp.id OFFSET abs(hashtext(e.id::text)) % 50 LIMIT 12) p
         CROSS JOIN LATERAL (SELECT p.n, (ARRAY['invited', 'yes', 'maybe', 'no', 'waitlisted', 'walk_in'])[1 + p.n % 6] AS response) a
        WHERE e.title_en LIKE 'Forum %' OR e.title_en LIKE 'Gathering %'`,
    );
    // Toolkit requests in every status, from organizations in every province; some public (with a requester), some the same instant.
    await api.ownerDataSource.query(
      `WITH item AS (INSERT INTO toolkit_item (kind, language, title_en, title_fr) VALUES ('booklet', 'en', 'Export booklet', 'Livret exporté') RETURNING id),
       requests AS (
         INSERT INTO toolkit_request (source, status, language, organization_id, requester_name, requester_email, province_code, city, decline_reason,
                                      status_changed_at, created_by_id)
         SELECT CASE WHEN i % 4 = 0 THEN 'public' ELSE 'staff' END, s.status, (ARRAY['en', 'fr'])[1 + i % 2],
                CASE WHEN i % 4 = 0 THEN NULL ELSE o.id END, CASE WHEN i % 4 = 0 THEN 'Requester ' || i END,
                CASE WHEN i % 4 = 0 THEN 'requester' || i || '@example.org' END, o.province_code, o.city,
                CASE WHEN s.status = 'declined' THEN 'Out of stock' END, timestamptz '2026-05-01' + (i / 3) * interval '1 hour',
                (SELECT id FROM app_user WHERE lower(email) = 'ontario@demo.coalition.invalid')
           FROM generate_series(1, 90) AS i
           CROSS JOIN LATERAL (SELECT (ARRAY['requested', 'approved', 'assigned', 'shipped', 'delivered', 'declined'])[1 + i % 6] AS status) s
           CROSS JOIN LATERAL (SELECT id, province_code, city FROM organization ORDER BY id OFFSET (i * 7) % 190 LIMIT 1) o
         RETURNING id)
       INSERT INTO toolkit_request_item (request_id, item_id, quantity) SELECT requests.id, item.id, 2 FROM requests, item`,
    );
    // A catalogue with stock received and adjusted (some items under their threshold).
    await api.ownerDataSource.query(
      `WITH items AS (
         INSERT INTO toolkit_item (kind, language, title_en, title_fr, low_stock_threshold, on_hand)
         SELECT (ARRAY['booklet', 'poster', 'button', 'infographic'])[1 + i % 4], (ARRAY['en', 'fr'])[1 + i % 2], 'Item ' || i, 'Article ' || i, 20, 10 * i
           FROM generate_series(1, 12) AS i RETURNING id, on_hand)
       INSERT INTO toolkit_movement (item_id, kind, quantity, reason)
       SELECT id, 'received', on_hand + 5, NULL FROM items UNION ALL SELECT id, 'adjusted', -5, 'Damaged' FROM items`,
    );
    lists = api.app.get(TransferRegistry).exportLists();
  }, 120_000);
  afterAll(() => api?.close());

  it('lists people and organizations among the registered lists, and has filters for each of them', () => {
    expect(lists.map((l) => l.name)).toEqual(expect.arrayContaining(['people', 'organizations', 'stories']));
    for (const list of lists)
      expect({ list: list.name, hasFilters: (filtersByList[list.name]?.length ?? 0) > 0 }).toEqual({ list: list.name, hasFilters: true });
  });

  async function graphqlIds(list: ExportList, filter: Filter, token: string): Promise<string[]> {
    const { schema } = api.app.get(GraphQLSchemaHost);
    const field = schema.getQueryType()!.getFields()[list.graphqlList];
    const filterType = field.args.find((a) => a.name === 'filter')!.type.toString();
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await api.graphql(
        `query($filter: ${filterType}, $after: String) {
           ${list.graphqlList}(filter: $filter, first: 200, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } }
         }`,
        { filter, after },
        token,
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      const page = result.data![list.graphqlList] as { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      ids.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
  }

  async function exportIds(list: ExportList, filter: Filter, token: string, format: 'csv' | 'xlsx'): Promise<string[]> {
    const response = await api.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: `/export/${list.name}.${format}?${queryString(filter)}`, headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    if (format === 'xlsx') {
      const workbook = new Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      return sheet.rowCount > 1 ? sheet.getRows(2, sheet.rowCount - 1)!.map((row) => String(row.getCell(1).value)) : [];
    }
    const file = await readCsv(once(response.rawPayload), { maxBytes: 50_000_000 });
    const ids: string[] = [];
    try {
      for await (const row of file.rows) ids.push(row.cells[0]);
    } catch {
      // a header without rows
    }
    return ids;
  }

  it('gives, for every list, role that may export it, filter and format (CSV, Excel), the same rows in the same order', async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const list of lists) {
      for (const role of roles) {
        const token = await api.tokenFor(role);
        const { ability } = await api.app.get(SessionService).contextFor({ headers: { authorization: `Bearer ${token}` } });
        if (!ability.can('export', list.subject)) continue;
        for (const filter of filtersByList[list.name] ?? []) {
          const [listed, csv, xlsx] = await Promise.all([
            graphqlIds(list, filter, token),
            exportIds(list, filter, token, 'csv'),
            exportIds(list, filter, token, 'xlsx'),
          ]);
          expect({ list: list.name, role, filter, ids: csv }).toEqual({ list: list.name, role, filter, ids: listed });
          expect({ list: list.name, role, filter, format: 'xlsx', ids: xlsx }).toEqual({ list: list.name, role, filter, format: 'xlsx', ids: listed });
          compared++;
          if (listed.length > 0) nonEmpty++;
        }
      }
    }
    // Several roles per list, and most comparisons about real rows (not two empty lists).
    expect(compared).toBeGreaterThanOrEqual(3 * Object.values(filtersByList).flat().length);
    expect(nonEmpty).toBeGreaterThan(compared * 0.6);
  }, 600_000);

  // Hardening defect 7, for HTTP: any bad parameter of any export answers 400 in the API's
  // error shape, with a code and the parameter named, never the database's message.
  const badParameters: [string, string, (string | number)[]][] = [
    ['a NUL in the search', 'search=%00', ['filter', 'search']],
    ['a control character in the search', 'search=a%1Bb', ['filter', 'search']],
    ['a search too long', `search=${'x'.repeat(300)}`, ['filter', 'search']],
    ['an unknown province', 'provinceCodes=ZZ', ['filter', 'provinceCodes', 0]],
    ['a boolean that is not one', 'archived=maybe', ['filter', 'archived']],
    ['an unknown sort', 'sort=RANDOM', ['filter', 'sort']],
    ['a malformed id', 'ownerId=%27%3B--', ['filter', 'ownerId']],
    ['an unknown parameter', 'nope=1', ['filter', 'nope']],
    ['an unknown language', 'lang=de', ['lang']],
  ];

  it.each(badParameters)('answers 400 with a code and the field for %s, on every registered list', async (_what, query, given) => {
    for (const list of lists) {
      // A list without this filter (a catalogue has no province) refuses it as an unknown one.
      const path = typeof given[1] === 'string' && !(given[1] in list.filter.shape) ? given.slice(0, 2) : given;
      const response = await api.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/export/${list.name}.xlsx?${query}`, headers: { authorization: `Bearer ${await api.tokenFor('ADMIN')}` } });
      expect({ list: list.name, status: response.statusCode }).toEqual({ list: list.name, status: 400 });
      expect(response.body).not.toMatch(/SQLSTATE|invalid byte sequence|postgres|syntax error|22021|\bat character\b/i);
      const error = response.json().errors[0];
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields[0]).toEqual(expect.objectContaining({ path, code: expect.any(String) }));
    }
  });

  it.each(['secrets.csv', 'secrets.xlsx', 'people.pdf', 'people', 'people.csv.xlsx'])('answers NOT_FOUND for %s (no such list or format)', async (file) => {
    const response = await api.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: `/export/${file}`, headers: { authorization: `Bearer ${await api.tokenFor('ADMIN')}` } });
    expect(response.statusCode).toBe(404);
    expect(response.json().errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
