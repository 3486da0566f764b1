import { ApiHarness, type DemoRole } from './testing/api-harness';
import { createPerson, ok } from './testing/records-fixtures';
import { createStory } from './testing/story-fixtures';

// Goal progress from live counts (issue 11, decision 080): each domain counts its own
// metric for the campaign, nationally and within a region's provinces; a coordinator's
// national goal is counted within their provinces.

type Goal = { metric: string; regionId: string | null; count: number | null };

describe('campaign goals: counted live by the domains that own the records', () => {
  let api: ApiHarness;
  let campaignId: string;
  let quebecRegion: string;

  const call = async (role: DemoRole, query: string, input: Record<string, unknown>) => ok(await api.graphql(query, { input }, await api.tokenFor(role)));
  // A record's status moved by staff (setEventStatus, setPledgeStatus): its new version.
  const move = async (mutation: 'setEventStatus' | 'setPledgeStatus', input: Record<string, unknown>): Promise<number> => {
    const type = mutation === 'setEventStatus' ? 'SetEventStatusInputType' : 'SetPledgeStatusInputType';
    const answer = await call('STAFF', `mutation($input: ${type}!) { ${mutation}(input: $input) { version } }`, input);
    return (answer[mutation] as { version: number }).version;
  };
  const goals = async (role: DemoRole): Promise<Goal[]> =>
    ok<{ campaign: { goals: Goal[] } }>(
      await api.graphql(`query($id: ID!) { campaign(id: $id) { goals { metric regionId count } } }`, { id: campaignId }, await api.tokenFor(role)),
    ).campaign.goals;
  const national = (list: Goal[], metric: string) => list.find((goal) => goal.metric === metric && goal.regionId === null)?.count;

  beforeAll(async () => {
    api = await ApiHarness.start();
    [{ id: quebecRegion }] = await api.dataSource.query(`SELECT id FROM region WHERE code = 'quebec'`);
    const metrics = ['eventsHeld', 'attendance', 'pledgesMade', 'pledgesFulfilled', 'storiesGathered', 'toolkitsDistributed'];
    const { createCampaign } = await call('STAFF', `mutation($input: CreateCampaignInputType!) { createCampaign(input: $input) { id } }`, {
      nameEn: 'Counting Week',
      nameFr: 'Semaine du décompte',
      status: 'active',
      goals: [...metrics.map((metric) => ({ metric, target: 10 })), { metric: 'storiesGathered', regionId: quebecRegion, target: 5 }],
    });
    campaignId = (createCampaign as { id: string }).id;

    // Events: one held in Ontario (two checked in, a head count of 7), one cancelled (its check-in does not count).
    const event = async (provinceCode: string, timeZone: string) =>
      (
        await call('STAFF', `mutation($input: CreateEventInputType!) { createEvent(input: $input) { id version } }`, {
          campaignId,
          titleEn: `Count ${provinceCode}`,
          kind: 'vigil',
          provinceCode,
          timeZone,
          startsAt: '2026-04-04T19:00',
          endsAt: '2026-04-04T21:00',
        })
      ).createEvent as { id: string; version: number };
    const held = await event('ON', 'America/Toronto');
    const cancelled = await event('QC', 'America/Toronto');
    const guests = await Promise.all(['One', 'Two'].map((name) => createPerson(api, { firstName: name, lastName: 'Counted', provinceCode: 'ON' })));
    const quebecGuest = await createPerson(api, { firstName: 'Trois', lastName: 'Compté', provinceCode: 'QC' });
    for (const guest of guests) {
      await call('STAFF', `mutation($input: CheckInInputType!) { checkInToEvent(input: $input) { attended } }`, { eventId: held.id, personId: guest.id });
    }
    await call('STAFF', `mutation($input: CheckInInputType!) { checkInToEvent(input: $input) { attended } }`, {
      eventId: cancelled.id,
      personId: quebecGuest.id,
    });
    const withCount = (
      await call('STAFF', `mutation($input: UpdateEventInputType!) { updateEvent(input: $input) { version } }`, {
        id: held.id,
        version: held.version,
        headCount: 7,
      })
    ).updateEvent as { version: number };
    const confirmed = await move('setEventStatus', { id: held.id, version: withCount.version, status: 'confirmed' });
    await move('setEventStatus', { id: held.id, version: confirmed, status: 'held' });
    await move('setEventStatus', { id: cancelled.id, version: cancelled.version, status: 'cancelled' });

    // Pledges: two in Ontario, one of them fulfilled.
    const pledge = async (personId: string) =>
      (
        await call('STAFF', `mutation($input: CreatePledgeInputType!) { createPledge(input: $input) { id version } }`, {
          campaignId,
          personId,
          kind: 'speak_up',
        })
      ).createPledge as { id: string; version: number };
    await pledge(guests[0].id);
    const kept = await pledge(guests[1].id);
    const started = await move('setPledgeStatus', { id: kept.id, version: kept.version, status: 'in_progress' });
    await move('setPledgeStatus', { id: kept.id, version: started, status: 'fulfilled', evidence: 'https://example.org/letter' });

    // Stories: one in Ontario, two in Quebec, one of them withdrawn (it no longer counts).
    await createStory(api, { campaignId, provinceCode: 'ON' });
    await createStory(api, { campaignId, provinceCode: 'QC' });
    const withdrawn = await createStory(api, { campaignId, provinceCode: 'QC' });
    await call('STAFF', 'mutation($input: RecordVersionInputType!) { withdrawStoryConsent(input: $input) { id } }', {
      id: withdrawn.id,
      version: withdrawn.version,
    });

    // Toolkits: requests belong to no campaign; one shipped in Ontario counts while the campaign runs (no dates: always).
    await api.ownerDataSource.query(
      `INSERT INTO toolkit_request (source, status, language, requester_name, requester_email, province_code, status_changed_at)
       VALUES ('staff', 'shipped', 'en', 'Counted Requester', 'counted@example.org', 'ON', now()),
              ('staff', 'requested', 'en', 'Waiting Requester', 'waiting@example.org', 'ON', now())`,
    );
  }, 120_000);
  afterAll(() => api?.close());

  it('counts every metric nationally for national staff', async () => {
    const list = await goals('STAFF');
    expect(Object.fromEntries(list.filter((goal) => goal.regionId === null).map((goal) => [goal.metric, goal.count]))).toEqual({
      eventsHeld: 1,
      attendance: 9,
      pledgesMade: 2,
      pledgesFulfilled: 1,
      storiesGathered: 2,
      toolkitsDistributed: 1,
    });
    expect(list.find((goal) => goal.regionId === quebecRegion)?.count).toBe(1);
  });

  it('counts a coordinator’s national goals within their provinces', async () => {
    const ontario = await goals('COORDINATOR');
    expect(national(ontario, 'storiesGathered')).toBe(1);
    expect(national(ontario, 'attendance')).toBe(9);
    const quebec = await goals('COORDINATOR_QC');
    expect(national(quebec, 'eventsHeld')).toBe(0);
    expect(national(quebec, 'pledgesMade')).toBe(0);
    expect(national(quebec, 'storiesGathered')).toBe(1);
  });
});
