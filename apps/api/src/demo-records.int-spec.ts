import { goalMetricValues } from '@crm/contracts';
import { EngagementService } from '@crm/engagement';
import { demoMemberOrganization, seedDemoRecords, seedDemoToolkit } from '@crm/seed-data';
import { ApiHarness } from './testing/api-harness';
import { ok } from './testing/records-fixtures';

// The small demo dataset: every province, owned people for the coordinators, a
// real organization for the member contact, and the same data on every run.
describe('demo records (seed --scale small)', () => {
  let api: ApiHarness;
  let other: ApiHarness;

  beforeAll(async () => {
    [api, other] = await Promise.all([ApiHarness.start(), ApiHarness.start()]);
    for (const harness of [api, other]) await harness.ownerDataSource.transaction((manager) => seedDemoRecords(manager, 'small')); // the seed runs as the owner
    // Two databases seeded: a minute is not always enough on a busy machine.
  }, 240_000);
  afterAll(async () => {
    await api?.close();
    await other?.close();
  });

  const fingerprint = async (harness: ApiHarness) =>
    (
      await harness.dataSource.query(`
        SELECT (SELECT md5(string_agg(id || first_name || last_name || province_code || coalesce(city, '') || engagement_stage
                                        || array_to_string(emails, ','), '|' ORDER BY id)) FROM person) AS people,
               (SELECT md5(string_agg(id || name_en || province_code || coalesce(postal_code, ''), '|' ORDER BY id)) FROM organization) AS organizations,
               (SELECT md5(string_agg(person_id::text || organization_id::text || coalesce(title, ''), '|' ORDER BY person_id, organization_id))
                   FROM affiliation) AS affiliations,
               (SELECT md5(string_agg(id || person_id::text || channel || occurred_on || outcome || coalesce(notes, '') || coalesce(follow_up_on::text, ''),
                                      '|' ORDER BY id)) FROM outreach) AS outreach`)
    )[0];

  it('has about 200 organizations and 2,000 people, in every province and territory', async () => {
    const rows: { code: string; organizations: string; people: string }[] = await api.dataSource.query(`
      SELECT pr.code, (SELECT count(*) FROM organization o WHERE o.province_code = pr.code) AS organizations,
             (SELECT count(*) FROM person p WHERE p.province_code = pr.code) AS people
        FROM province pr ORDER BY pr.code`);
    expect(rows).toHaveLength(13);
    expect(rows.reduce((sum, r) => sum + Number(r.organizations), 0)).toBe(200);
    expect(rows.reduce((sum, r) => sum + Number(r.people), 0)).toBe(2000);
    for (const row of rows) {
      expect(Number(row.organizations)).toBeGreaterThanOrEqual(3);
      expect(Number(row.people)).toBeGreaterThanOrEqual(10);
    }
  });

  it('is the same data on every run', async () => {
    expect(await fingerprint(api)).toEqual(await fingerprint(other));
  });

  it('does nothing the second time', async () => {
    expect(await api.ownerDataSource.transaction((manager) => seedDemoRecords(manager, 'small'))).toBe(false);
  });

  it('gives the Ontario and Quebec coordinators people of their own', async () => {
    const mine = async (role: 'COORDINATOR' | 'COORDINATOR_QC') => {
      const token = await api.tokenFor(role);
      const me = ok<{ me: { id: string } }>(await api.graphql('{ me { id } }', {}, token)).me.id;
      return ok<{ people: { nodes: { provinceCode: string }[] } }>(
        await api.graphql(`{ people(first: 200, filter: { ownerId: "${me}" }) { nodes { provinceCode } } }`, {}, token),
      ).people.nodes;
    };
    const ontario = await mine('COORDINATOR');
    const quebec = await mine('COORDINATOR_QC');
    expect(ontario.length).toBeGreaterThan(20);
    expect(new Set(ontario.map((p) => p.provinceCode))).toEqual(new Set(['ON']));
    expect(quebec.length).toBeGreaterThan(20);
    expect(new Set(quebec.map((p) => p.provinceCode))).toEqual(new Set(['QC']));
  });

  it('holds contacts, follow-ups, attendance, pledges and stories, and the ladder rebuild places people from them alone', async () => {
    const [counts] = await api.dataSource.query(`
      SELECT (SELECT count(*)::int FROM outreach) AS outreach, (SELECT count(DISTINCT person_id)::int FROM outreach) AS reached,
             (SELECT count(*)::int FROM outreach WHERE policy_ask_id IS NOT NULL) AS asks,
             (SELECT count(*)::int FROM event_rsvp WHERE checked_in_at IS NOT NULL) AS attended, (SELECT count(*)::int FROM pledge) AS pledges,
             (SELECT count(*)::int FROM story) AS stories, (SELECT count(*)::int FROM person WHERE engagement_stage <> 'identified') AS placed`);
    expect(counts.reached).toBeGreaterThan(500);
    expect(counts.outreach).toBeGreaterThan(counts.reached);
    expect(counts.asks).toBeGreaterThan(0);
    expect(counts.attended).toBeGreaterThan(0);
    expect(counts.pledges).toBe(11);
    expect(counts.stories).toBe(6);
    // Seeded, nobody stands above identified yet: only the ladder places people.
    expect(counts.placed).toBe(0);
    const engagement = api.app.get(EngagementService);
    expect((await engagement.rebuildAll()).changed).toBeGreaterThan(500);
    expect((await engagement.rebuildAll()).changed).toBe(0);
    const stages: { stage: string; n: number; unexplained: number }[] = await api.dataSource.query(
      `SELECT engagement_stage AS stage, count(*)::int AS n,
              count(*) FILTER (WHERE engagement_reason IS NULL OR engagement_reason NOT LIKE engagement_stage || ': %')::int AS unexplained
         FROM person WHERE engagement_stage <> 'identified' GROUP BY 1 ORDER BY 1`,
    );
    expect(stages.map((row) => row.stage)).toEqual(['champion', 'committed', 'contacted', 'engaged']);
    for (const row of stages) expect(row.unexplained).toBe(0);
    // Whoever has no record stays identified with nothing to explain.
    const [{ unrecorded }] = await api.dataSource.query(
      `SELECT count(*)::int AS unrecorded FROM person p
        WHERE (p.engagement_stage <> 'identified' OR p.engagement_reason IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM outreach o WHERE o.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM pledge g WHERE g.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM event_rsvp r WHERE r.person_id = p.id)`,
    );
    expect(unrecorded).toBe(0);
  });

  it('gives the default campaign goals, nationally for every metric and for two regions, that a funder sees counted', async () => {
    const { defaultCampaign } = ok<{ defaultCampaign: { goals: { metric: string; regionId: string | null; target: number; count: number | null }[] } }>(
      await api.graphql('{ defaultCampaign { goals { metric regionId target count } } }', {}, await api.tokenFor('FUNDER')),
    );
    const national = defaultCampaign.goals.filter((goal) => goal.regionId === null);
    expect(national.map((goal) => goal.metric).sort()).toEqual([...goalMetricValues].sort());
    expect(defaultCampaign.goals.filter((goal) => goal.regionId !== null).map((goal) => goal.metric)).toEqual(['leadersContacted', 'leadersContacted']);
    // Live counts, not placeholders: every metric is counted by the domain that owns its records.
    const count = (metric: string) => national.find((goal) => goal.metric === metric)?.count;
    for (const goal of national) expect({ metric: goal.metric, count: typeof goal.count }).toEqual({ metric: goal.metric, count: 'number' });
    expect(count('pledgesMade')).toBe(11);
    expect(count('storiesGathered')).toBe(6);
    expect(count('eventsHeld')).toBeGreaterThan(0);
    expect(count('attendance')).toBeGreaterThan(0);
  });

  it('leaves the Ontario and Quebec coordinators open follow-ups: some overdue, some due this week', async () => {
    const rows: { email: string; overdue: number; week: number }[] = await api.dataSource.query(
      `SELECT lower(u.email) AS email, count(*) FILTER (WHERE o.follow_up_on < current_date)::int AS overdue,
              count(*) FILTER (WHERE o.follow_up_on BETWEEN current_date AND current_date + 6)::int AS week
         FROM outreach o JOIN app_user u ON u.id = o.follow_up_owner_id JOIN person p ON p.id = o.person_id
        WHERE o.follow_up_done_at IS NULL AND o.created_by_id = u.id
          AND p.province_code = CASE lower(u.email) WHEN 'ontario@demo.coalition.invalid' THEN 'ON' WHEN 'quebec@demo.coalition.invalid' THEN 'QC' END
        GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.map((row) => row.email)).toEqual(['ontario@demo.coalition.invalid', 'quebec@demo.coalition.invalid']);
    for (const row of rows) {
      expect(row.overdue).toBeGreaterThan(0);
      expect(row.week).toBeGreaterThan(0);
    }
  });

  it('gives the member contact a real organization with affiliated people', async () => {
    const org = ok<{ organizations: { nodes: { nameEn: string; membership: string }[] } }>(
      await api.graphql('{ organizations { nodes { nameEn membership } } }', {}, await api.tokenFor('MEMBER')),
    ).organizations.nodes;
    expect(org).toEqual([{ nameEn: 'Ottawa Community Welcome Centre', membership: 'member' }]);
    // It hosts an event held and one to come, and pledged to host it: the member's home has something to show.
    const member = await api.tokenFor('MEMBER');
    const hosted = ok<{ events: { nodes: { status: string }[] }; pledges: { nodes: { kind: string; status: string }[] } }>(
      await api.graphql(
        `query($org: ID!) {
          events(filter: { organizationId: $org }) { nodes { status } }
          pledges(filter: { organizationId: $org }) { nodes { kind status } }
        }`,
        { org: demoMemberOrganization.id },
        member,
      ),
    );
    expect(hosted.events.nodes.map((event) => event.status).sort()).toEqual(['confirmed', 'held']);
    expect(hosted.pledges.nodes).toEqual([{ kind: 'host_event', status: 'in_progress' }]);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*) FROM affiliation a JOIN app_user u ON u.organization_id = a.organization_id WHERE lower(u.email) = 'member@demo.coalition.invalid'`,
    );
    expect(Number(count)).toBeGreaterThan(0);
  });

  it('adds a toolkit catalogue whose stock is the sum of its movements, and requests the member sees, once', async () => {
    expect(await api.ownerDataSource.transaction((manager) => seedDemoToolkit(manager))).toEqual({ items: 6, requests: 4 });
    expect(await api.ownerDataSource.transaction((manager) => seedDemoToolkit(manager))).toBe(false);
    const drift: unknown[] = await api.dataSource.query(
      `SELECT i.id FROM toolkit_item i WHERE i.on_hand <> (SELECT COALESCE(sum(quantity), 0) FROM toolkit_movement m WHERE m.item_id = i.id)`,
    );
    expect(drift).toEqual([]);
    const mine = ok<{ toolkitRequests: { nodes: { status: string }[] } }>(
      await api.graphql('{ toolkitRequests(first: 10) { nodes { status } } }', {}, await api.tokenFor('MEMBER')),
    ).toolkitRequests.nodes;
    expect(mine.map((r) => r.status).sort()).toEqual(['approved', 'requested']);
  });
});
