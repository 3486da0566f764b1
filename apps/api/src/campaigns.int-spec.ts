import { ApiHarness } from './testing/api-harness';

interface CampaignResult {
  id: string;
  version: number;
  policyAsks: { id: string; position: number; titleEn: string }[];
  goals: unknown[];
  [field: string]: unknown;
}

const campaignFields =
  'id slug nameEn nameFr descriptionEn descriptionFr status startsOn endsOn version ' +
  'policyAsks { id position titleEn titleFr } goals { metric regionId target count suppressed }';

describe('campaigns: national staff create and edit them, with policy asks and goals', () => {
  let api: ApiHarness;
  let staff: string;
  let regionId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    staff = await api.tokenFor('STAFF');
    const [region] = await api.dataSource.query(`SELECT id FROM region ORDER BY code LIMIT 1`);
    regionId = region.id;
  });
  afterAll(() => api?.close());

  const create = (input: Record<string, unknown>, token = staff) =>
    api.graphql(`mutation($input: CreateCampaignInputType!) { createCampaign(input: $input) { ${campaignFields} } }`, { input }, token);
  const update = (input: Record<string, unknown>, token = staff) =>
    api.graphql(`mutation($input: UpdateCampaignInputType!) { updateCampaign(input: $input) { ${campaignFields} } }`, { input }, token);

  it('staff create a campaign in both languages with its asks and national and regional goals, audited', async () => {
    const result = await create({
      nameEn: 'Welcome Week',
      nameFr: 'Semaine de l’accueil',
      descriptionEn: 'Meet leaders',
      descriptionFr: 'Rencontrer des leaders',
      startsOn: '2026-01-10',
      endsOn: '2026-03-31',
      status: 'active',
      policyAsks: [{ titleEn: 'Resettle more', titleFr: 'Réinstaller plus' }],
      goals: [
        { metric: 'leadersContacted', target: 100 },
        { metric: 'leadersContacted', regionId, target: 10 },
      ],
    });
    expect(result.errors).toBeUndefined();
    const campaign = result.data!.createCampaign as CampaignResult;
    expect(campaign).toMatchObject({ slug: 'welcome-week', nameFr: 'Semaine de l’accueil', status: 'active', version: 1 });
    expect(campaign.policyAsks).toEqual([expect.objectContaining({ position: 1, titleEn: 'Resettle more' })]);
    expect(campaign.goals).toEqual([
      { metric: 'leadersContacted', regionId: null, target: 100, count: 0, suppressed: false },
      { metric: 'leadersContacted', regionId, target: 10, count: 0, suppressed: false },
    ]);
    const audit = await api.dataSource.query(`SELECT action FROM audit_entry WHERE subject_type = 'Campaign' AND subject_id = $1`, [campaign.id]);
    expect(audit).toEqual([{ action: 'campaign.create' }]);
  });

  it('edits keep policy asks by id, replace goals, and answer CONFLICT on a stale version', async () => {
    const created = (
      await create({
        nameEn: 'Edit me',
        nameFr: 'Modifiez-moi',
        policyAsks: [
          { titleEn: 'A', titleFr: 'A' },
          { titleEn: 'B', titleFr: 'B' },
        ],
      })
    ).data!.createCampaign as CampaignResult;
    const [a, b] = created.policyAsks;
    const edited = await update({
      id: created.id,
      version: 1,
      nameEn: 'Edited',
      policyAsks: [
        { id: b.id, titleEn: 'B2', titleFr: 'B2' },
        { id: a.id, titleEn: 'A', titleFr: 'A' },
        { titleEn: 'C', titleFr: 'C' },
      ],
      goals: [{ metric: 'storiesGathered', target: 5 }],
    });
    expect(edited.errors).toBeUndefined();
    const after = edited.data!.updateCampaign as CampaignResult;
    expect(after.version).toBe(2);
    expect(after.policyAsks.map((ask: { id: string; titleEn: string }) => [ask.id === b.id ? 'b' : ask.id === a.id ? 'a' : 'new', ask.titleEn])).toEqual([
      ['b', 'B2'],
      ['a', 'A'],
      ['new', 'C'],
    ]);
    // The goals are replaced; stories are counted live (campaign-goals.int-spec.ts): none yet.
    expect(after.goals).toEqual([{ metric: 'storiesGathered', regionId: null, target: 5, count: 0, suppressed: false }]);
    const stale = await update({ id: created.id, version: 1, nameEn: 'Lost' });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses an end before the start and an unknown region, changing nothing', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM campaign`);
    const dates = await create({ nameEn: 'Bad', nameFr: 'Mauvais', startsOn: '2026-05-01', endsOn: '2026-04-01' });
    expect(dates.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: ['input', 'endsOn'], code: 'endsBeforeStart' })]);
    const region = await create({
      nameEn: 'Bad',
      nameFr: 'Mauvais',
      goals: [{ metric: 'eventsHeld', regionId: '00000000-0000-4000-8000-000000000001', target: 3 }],
    });
    expect(region.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: ['input', 'goals', 0, 'regionId'], code: 'regionUnknown' })]);
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM campaign`)).toEqual(before);
  });

  it('coordinators read campaigns but may not create or edit them', async () => {
    const coordinator = await api.tokenFor('COORDINATOR');
    expect((await create({ nameEn: 'No', nameFr: 'Non' }, coordinator)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await api.graphql(`{ campaigns { nameEn } }`, {}, coordinator);
    expect(read.errors).toBeUndefined();
  });
});
