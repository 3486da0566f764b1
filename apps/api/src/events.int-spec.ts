import { eventStatusValues, eventTransitions, type EventStatus } from '@crm/contracts';
import { ApiHarness, type DemoRole } from './testing/api-harness';
import { createOrganization, createPerson, errorCode, insertPeople, ok, userId } from './testing/records-fixtures';

const eventFields = `id version status provinceCode timeZone startsAt endsAt startsAtLocal endsAtLocal capacity headCount organizationId
  hostOrganization { id nameEn } hostLeaders { id firstName } rsvpCounts { invited yes maybe no waitlisted walkIns attended }`;

describe('events: times in their own zone, the status machine, scope, RSVPs and check-in', () => {
  let api: ApiHarness;
  let memberOrganizationId: string;
  let ontarioOrg: { id: string };
  let host: { id: string };

  const call = async (role: DemoRole, query: string, variables: Record<string, unknown> = {}) => api.graphql(query, variables, await api.tokenFor(role));
  const createEvent = async (input: Record<string, unknown>, role: DemoRole = 'STAFF') =>
    call(role, `mutation($input: CreateEventInputType!) { createEvent(input: $input) { ${eventFields} } }`, {
      input: {
        titleEn: 'Vigil for refugee rights',
        kind: 'vigil',
        provinceCode: 'ON',
        timeZone: 'America/Toronto',
        startsAt: '2026-04-04T19:00',
        endsAt: '2026-04-04T21:00',
        ...input,
      },
    });
  const setStatus = (id: string, version: number, status: string, role: DemoRole = 'STAFF') =>
    call(role, `mutation($input: SetEventStatusInputType!) { setEventStatus(input: $input) { id version status } }`, { input: { id, version, status } });
  const rsvp = (eventId: string, personId: string, response: string, role: DemoRole = 'STAFF') =>
    call(role, `mutation($input: RsvpInputType!) { rsvpToEvent(input: $input) { response promotedPersonIds } }`, { input: { eventId, personId, response } });
  const counts = async (id: string) =>
    ok<{ event: { rsvpCounts: Record<string, number> } }>(
      await call('STAFF', `query($id: ID!) { event(id: $id) { rsvpCounts { invited yes maybe no waitlisted walkIns attended } } }`, { id }),
    ).event.rsvpCounts;

  beforeAll(async () => {
    api = await ApiHarness.start();
    [{ organization_id: memberOrganizationId }] = await api.dataSource.query(
      `SELECT organization_id FROM app_user WHERE lower(email) = 'member@demo.coalition.invalid'`,
    );
    ontarioOrg = await createOrganization(api, { nameEn: 'Toronto Newcomer Hub', provinceCode: 'ON' });
    host = await createPerson(api, { firstName: 'Amina', lastName: 'Host', provinceCode: 'ON' });
  });
  afterAll(() => api?.close());

  it('stores the instant of a wall-clock time in the event’s zone: 19:00 in Halifax is 18:00 in Toronto', async () => {
    const { createEvent: event } = ok<{ createEvent: Record<string, unknown> }>(
      await createEvent({ provinceCode: 'NS', timeZone: 'America/Halifax', startsAt: '2026-06-20T19:00', endsAt: '2026-06-20T21:00' }),
    );
    expect(event.startsAt).toBe('2026-06-20T22:00:00.000Z');
    expect(event.startsAtLocal).toBe('2026-06-20T19:00');
    const toronto = new Intl.DateTimeFormat('en-CA', { hour: 'numeric', minute: '2-digit', hour12: false, timeZone: 'America/Toronto' }).format(
      new Date(event.startsAt as string),
    );
    expect(toronto).toBe('18:00');
  });

  it('refuses an end before the start and an unknown time zone, naming the fields', async () => {
    const result = await createEvent({ startsAt: '2026-04-04T19:00', endsAt: '2026-04-04T18:00', timeZone: 'Mars/Olympus' });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields!.map((f) => [f.path.join('.'), f.code])).toEqual(
      expect.arrayContaining([
        ['input.endsAt', 'endBeforeStart'],
        ['input.timeZone', 'timeZone'],
      ]),
    );
  });

  it('is on the timelines of its host organization and host leaders, and audited', async () => {
    const { createEvent: event } = ok<{ createEvent: { id: string; hostLeaders: { id: string }[]; hostOrganization: { id: string } } }>(
      await createEvent({ organizationId: ontarioOrg.id, hostPersonIds: [host.id] }),
    );
    expect(event.hostLeaders.map((p) => p.id)).toEqual([host.id]);
    expect(event.hostOrganization.id).toBe(ontarioOrg.id);
    const kinds = await api.dataSource.query(`SELECT subject_type, kind FROM activity WHERE record_id = $1 ORDER BY subject_type`, [event.id]);
    expect(kinds).toEqual([
      { subject_type: 'Organization', kind: 'event.created' },
      { subject_type: 'Person', kind: 'event.created' },
    ]);
    const audit = await api.dataSource.query(`SELECT action FROM audit_entry WHERE subject_id = $1`, [event.id]);
    expect(audit).toEqual([{ action: 'event.create' }]);
  });

  describe('status machine', () => {
    // Reaches `status` by allowed moves; answers the event's id and version.
    const eventAt = async (status: EventStatus) => {
      const { createEvent: event } = ok<{ createEvent: { id: string; version: number } }>(await createEvent({}));
      const path: Record<EventStatus, EventStatus[]> = { planned: [], confirmed: ['confirmed'], held: ['confirmed', 'held'], cancelled: ['cancelled'] };
      let version = event.version;
      for (const step of path[status]) version = ok<{ setEventStatus: { version: number } }>(await setStatus(event.id, version, step)).setEventStatus.version;
      return { id: event.id, version };
    };

    const pairs = eventStatusValues.flatMap((from) => eventStatusValues.map((to) => [from, to] as [EventStatus, EventStatus]));
    it.each(pairs)('%s → %s is allowed only if the machine says so', async (from, to) => {
      const event = await eventAt(from);
      const result = await setStatus(event.id, event.version, to);
      if (eventTransitions[from].includes(to)) {
        expect(ok<{ setEventStatus: { status: string } }>(result).setEventStatus.status).toBe(to);
      } else {
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions!.fields![0]).toMatchObject({ path: ['input', 'status'], code: 'transitionNotAllowed', params: { from } });
        expect(result.errors![0].extensions!.fields![0].params!.allowed).toBe(eventTransitions[from].join(', ') || '—');
        const [{ status }] = await api.dataSource.query(`SELECT status FROM event WHERE id = $1`, [event.id]);
        expect(status).toBe(from);
      }
    });
  });

  describe('scope', () => {
    it('a coordinator sees the events of their regions only; another region’s answers as missing', async () => {
      const { createEvent: quebec } = ok<{ createEvent: { id: string } }>(await createEvent({ provinceCode: 'QC', timeZone: 'America/Toronto' }));
      const result = await call('COORDINATOR', `query($id: ID!) { event(id: $id) { id } }`, { id: quebec.id });
      expect(errorCode(result)).toBe('NOT_FOUND');
      const list = ok<{ events: { nodes: { provinceCode: string }[] } }>(await call('COORDINATOR', `{ events(first: 200) { nodes { provinceCode } } }`));
      expect(new Set(list.events.nodes.map((e) => e.provinceCode))).toEqual(new Set(['ON']));
      expect(errorCode(await call('COORDINATOR', `query($id: ID!) { event(id: $id) { id } }`, { id: quebec.id }))).toBe('NOT_FOUND');
      // Creating outside the regions is refused on the field.
      const outside = await createEvent({ provinceCode: 'QC' }, 'COORDINATOR');
      expect(outside.errors![0].extensions!.fields![0]).toMatchObject({ path: ['input', 'provinceCode'], code: 'outsideRegions' });
    });

    it('a member sees and hosts only their organization’s events, without the people', async () => {
      const own = ok<{ createEvent: { id: string; organizationId: string } }>(
        await createEvent({ organizationId: memberOrganizationId, hostPersonIds: [] }, 'MEMBER'),
      ).createEvent;
      expect(own.organizationId).toBe(memberOrganizationId);
      const other = await createEvent({ organizationId: ontarioOrg.id }, 'MEMBER');
      expect(errorCode(other)).toBe('BAD_USER_INPUT');
      const list = ok<{ events: { nodes: { id: string; hostLeaders: null; rsvps: null }[] } }>(
        await call('MEMBER', `{ events(first: 200) { nodes { id hostLeaders { id } rsvps { response } } } }`),
      );
      expect(list.events.nodes.map((e) => e.id)).toEqual([own.id]);
      expect(list.events.nodes[0].hostLeaders).toBeNull();
      expect(list.events.nodes[0].rsvps).toBeNull();
    });

    it('lists a host organization’s events latest start first when asked (newestFirst), each once across pages', async () => {
      const hostOrg = await createOrganization(api, { nameEn: 'Newest First Hall', provinceCode: 'ON' });
      const ids: string[] = [];
      for (const day of ['2026-01-10', '2026-03-10', '2026-02-10']) {
        ids.push(
          ok<{ createEvent: { id: string } }>(await createEvent({ organizationId: hostOrg.id, startsAt: `${day}T19:00`, endsAt: `${day}T21:00` })).createEvent
            .id,
        );
      }
      type Page = { events: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
      const page = async (newestFirst: boolean, after: string | null = null) =>
        ok<Page>(
          await call(
            'STAFF',
            'query($filter: EventFilterInputType, $after: String) { events(filter: $filter, first: 2, after: $after) ' +
              '{ nodes { id } pageInfo { endCursor hasNextPage } } }',
            { filter: { organizationId: hostOrg.id, newestFirst }, after },
          ),
        ).events;
      const first = await page(true);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page(true, first.pageInfo.endCursor);
      expect([...first.nodes, ...second.nodes].map((e) => e.id)).toEqual([ids[1], ids[2], ids[0]]);
      expect((await page(false)).nodes.map((e) => e.id)).toEqual([ids[0], ids[2]]);
    });

    it('a funder reads no events', async () => {
      expect(errorCode(await call('FUNDER', `{ events(first: 1) { nodes { id } } }`))).toBe('FORBIDDEN');
    });
  });

  describe('RSVPs, waitlist and check-in', () => {
    it('50 parallel "yes" to an event with 10 places: exactly 10 confirmed, 40 waitlisted in order; a freed place goes to the longest waiting', async () => {
      const { createEvent: event } = ok<{ createEvent: { id: string; version: number } }>(await createEvent({ capacity: 10 }));
      const people = await insertPeople(
        api,
        Array.from({ length: 50 }, (_, i) => ({ firstName: `Guest${i}`, lastName: 'Parallel', provinceCode: 'ON' })),
      );
      const token = await api.tokenFor('STAFF');
      const started = Date.now();
      const results = await Promise.all(
        people.map((personId) =>
          api.graphql(
            `mutation($input: RsvpInputType!) { rsvpToEvent(input: $input) { response } }`,
            { input: { eventId: event.id, personId, response: 'yes' } },
            token,
          ),
        ),
      );
      const elapsed = Date.now() - started;
      const responses = results.map((r) => ok<{ rsvpToEvent: { response: string } }>(r).rsvpToEvent.response);
      expect(responses.filter((r) => r === 'yes')).toHaveLength(10);
      expect(responses.filter((r) => r === 'waitlisted')).toHaveLength(40);
      expect(await counts(event.id)).toMatchObject({ yes: 10, waitlisted: 40 });
      console.log(`50 parallel RSVPs to 10 places: 10 yes, 40 waitlisted in ${elapsed} ms`);

      const [first] = await api.dataSource.query(
        `SELECT person_id FROM event_rsvp WHERE event_id = $1 AND response = 'waitlisted' ORDER BY waitlisted_at, person_id LIMIT 1`,
        [event.id],
      );
      const confirmed = people[responses.indexOf('yes')];
      const freed = ok<{ rsvpToEvent: { response: string; promotedPersonIds: string[] } }>(await rsvp(event.id, confirmed, 'no')).rsvpToEvent;
      expect(freed).toEqual({ response: 'no', promotedPersonIds: [first.person_id] });
      expect(await counts(event.id)).toMatchObject({ yes: 10, waitlisted: 39, no: 1 });

      // Two more places: the next two move up.
      const [{ version }] = await api.dataSource.query(`SELECT version FROM event WHERE id = $1`, [event.id]);
      ok(
        await call('STAFF', `mutation($input: UpdateEventInputType!) { updateEvent(input: $input) { id } }`, {
          input: { id: event.id, version, capacity: 12 },
        }),
      );
      expect(await counts(event.id)).toMatchObject({ yes: 12, waitlisted: 37 });
    });

    it('invites, ticks arrivals, adds a walk-in as a new person, and refuses a cancelled event', async () => {
      const { createEvent: event } = ok<{ createEvent: { id: string; version: number } }>(await createEvent({}));
      const [a, b] = await insertPeople(api, [
        { firstName: 'Ada', lastName: 'Invited', provinceCode: 'ON' },
        { firstName: 'Ben', lastName: 'Invited', provinceCode: 'ON' },
      ]);
      const invited = ok<{ inviteToEvent: string[] }>(
        await call('COORDINATOR', `mutation($input: InviteToEventInputType!) { inviteToEvent(input: $input) }`, {
          input: { eventId: event.id, personIds: [a, b] },
        }),
      ).inviteToEvent;
      expect(invited.sort()).toEqual([a, b].sort());
      ok(
        await call('COORDINATOR', `mutation($input: CheckInInputType!) { checkInToEvent(input: $input) { attended } }`, {
          input: { eventId: event.id, personId: a },
        }),
      );
      const walkIn = ok<{ addWalkIn: { personId: string; response: string; attended: boolean } }>(
        await call('COORDINATOR', `mutation($input: AddWalkInInputType!) { addWalkIn(input: $input) { personId response attended } }`, {
          input: { eventId: event.id, firstName: 'Walk', lastName: 'In', email: 'walk.in@example.org' },
        }),
      ).addWalkIn;
      expect(walkIn).toMatchObject({ response: 'walk_in', attended: true });
      const [person] = await api.dataSource.query(`SELECT province_code, emails FROM person WHERE id = $1`, [walkIn.personId]);
      expect(person).toEqual({ province_code: 'ON', emails: ['walk.in@example.org'] });
      expect(await counts(event.id)).toMatchObject({ invited: 2, walkIns: 1, attended: 2 });
      const timeline = await api.dataSource.query(`SELECT kind FROM activity WHERE subject_id = $1 AND record_id = $2 ORDER BY id`, [a, event.id]);
      expect(timeline.map((row: { kind: string }) => row.kind)).toEqual(['event.invited', 'event.attended']);

      ok(await setStatus(event.id, event.version, 'cancelled'));
      const late = await rsvp(event.id, b, 'yes');
      expect(late.errors![0].extensions!.fields![0]).toMatchObject({ path: ['input', 'eventId'], code: 'eventClosed' });
    });

    it('attending and hosting move people up the ladder: an arrival is engaged, the host of a held event a champion', async () => {
      const [guest, leader] = await insertPeople(api, [
        { firstName: 'Gus', lastName: 'Ladder', provinceCode: 'ON' },
        { firstName: 'Lea', lastName: 'Ladder', provinceCode: 'ON' },
      ]);
      const { createEvent: event } = ok<{ createEvent: { id: string; version: number } }>(await createEvent({ hostPersonIds: [leader] }));
      ok(
        await call('COORDINATOR', `mutation($input: CheckInInputType!) { checkInToEvent(input: $input) { attended } }`, {
          input: { eventId: event.id, personId: guest },
        }),
      );
      const stage = async (id: string) => (await api.dataSource.query(`SELECT engagement_stage AS s FROM person WHERE id = $1`, [id]))[0].s;
      expect(await stage(guest)).toBe('engaged');
      expect(await stage(leader)).toBe('identified');
      const confirmed = ok<{ setEventStatus: { version: number } }>(await setStatus(event.id, event.version, 'confirmed')).setEventStatus;
      ok(await setStatus(event.id, confirmed.version, 'held'));
      expect(await stage(leader)).toBe('champion');
    });

    it('refuses a person out of the caller’s scope as unknown', async () => {
      const { createEvent: event } = ok<{ createEvent: { id: string } }>(await createEvent({}));
      const [quebecer] = await insertPeople(api, [{ firstName: 'Zoé', lastName: 'Québec', provinceCode: 'QC' }]);
      const result = await rsvp(event.id, quebecer, 'yes', 'COORDINATOR');
      expect(result.errors![0].extensions!.fields![0]).toMatchObject({ path: ['input', 'personId'], code: 'personUnknown' });
      expect(await userId(api, 'COORDINATOR')).toBeTruthy();
    });
  });
});
