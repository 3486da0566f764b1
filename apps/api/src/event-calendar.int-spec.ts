import ICAL from 'ical.js';
import { ApiHarness, type DemoRole } from './testing/api-harness';
import { ok } from './testing/records-fixtures';

// The .ics files (decision 112): read back with ical.js, a standard parser, each event is
// the same instant as the API's, at its own zone's wall-clock time.

type Parsed = { uid: string; summary: string; zone: string; local: string; start: Date; end: Date; status: string | null };

/** Every VEVENT of a calendar file, its times resolved with the file's own VTIMEZONEs. */
function parse(text: string): Parsed[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      zone: event.startDate.zone.tzid,
      local: event.startDate.toString(),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
    };
  });
}

describe('events as .ics: one event, and a region’s feed behind a secret token', () => {
  let api: ApiHarness;
  const events: Record<string, { id: string; startsAt: string; endsAt: string }> = {};

  const call = async (role: DemoRole, query: string, variables: Record<string, unknown> = {}) => api.graphql(query, variables, await api.tokenFor(role));
  const get = async (url: string, role?: DemoRole) => {
    const response = await api.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: role ? { authorization: `Bearer ${await api.tokenFor(role)}` } : {} });
    return { status: response.statusCode, type: String(response.headers['content-type'] ?? ''), body: response.body };
  };
  const plan = async (name: string, input: Record<string, unknown>) => {
    const { createEvent } = ok<{ createEvent: { id: string; startsAt: string; endsAt: string } }>(
      await call('STAFF', `mutation($input: CreateEventInputType!) { createEvent(input: $input) { id startsAt endsAt } }`, {
        input: { titleEn: `${name} forum`, titleFr: `Forum de ${name}`, kind: 'forum', ...input },
      }),
    );
    events[name] = createEvent;
  };
  const regionId = async (code: string) => (await api.dataSource.query(`SELECT id FROM region WHERE code = $1`, [code]))[0].id as string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await plan('Halifax', { provinceCode: 'NS', timeZone: 'America/Halifax', startsAt: '2027-06-20T19:00', endsAt: '2027-06-20T21:00' });
    // Winter: Atlantic Standard Time, the other observance of the same zone.
    await plan('Halifax winter', { provinceCode: 'NS', timeZone: 'America/Halifax', startsAt: '2027-01-15T19:00', endsAt: '2027-01-15T20:30' });
    await plan('St. John’s', { provinceCode: 'NL', timeZone: 'America/St_Johns', startsAt: '2027-04-04T19:00', endsAt: '2027-04-04T21:00' });
    await plan('Vancouver', { provinceCode: 'BC', timeZone: 'America/Vancouver', startsAt: '2027-04-04T19:00', endsAt: '2027-04-04T21:00' });
  });
  afterAll(() => api?.close());

  it('writes an event at 19:00 in Halifax that parses back to the same instant, 18:00 in Toronto', async () => {
    const file = await get(`/events/${events.Halifax.id}.ics`, 'STAFF');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/calendar');
    expect(file.body).toContain('DTSTART;TZID=America/Halifax:20270620T190000');
    const [event] = parse(file.body);
    expect(event.zone).toBe('America/Halifax');
    expect(event.local).toBe('2027-06-20T19:00:00');
    expect(event.start.toISOString()).toBe(new Date(events.Halifax.startsAt).toISOString());
    expect(event.end.toISOString()).toBe(new Date(events.Halifax.endsAt).toISOString());
    const toronto = new Intl.DateTimeFormat('en-CA', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'America/Toronto' }).format(event.start);
    expect(toronto).toBe('18:00');
    expect(event.status).toBe('TENTATIVE');
  });

  it('keeps standard time in winter and the half-hour zone of St. John’s', async () => {
    for (const name of ['Halifax winter', 'St. John’s']) {
      const [event] = parse((await get(`/events/${events[name].id}.ics`, 'STAFF')).body);
      expect(event.start.toISOString()).toBe(new Date(events[name].startsAt).toISOString());
    }
    expect(events['Halifax winter'].startsAt).toBe('2027-01-15T23:00:00.000Z');
    expect(events['St. John’s'].startsAt).toBe('2027-04-04T21:30:00.000Z');
  });

  it('writes the event in the reader’s language', async () => {
    const [event] = parse((await get(`/events/${events.Halifax.id}.ics?lang=fr`, 'STAFF')).body);
    expect(event.summary).toBe('Forum de Halifax');
  });

  it('answers a funder 403 and anyone 404 for an event they may not see', async () => {
    expect((await get(`/events/${events.Halifax.id}.ics`, 'FUNDER')).status).toBe(403);
    expect((await get(`/events/${events.Halifax.id}.ics`)).status).toBe(401);
    // The Ontario coordinator does not see Atlantic events: not found, as if it did not exist.
    expect((await get(`/events/${events.Halifax.id}.ics`, 'COORDINATOR')).status).toBe(404);
  });

  it('serves a region’s feed to a calendar app by its token, each event at its instant, until revoked', async () => {
    const created = ok<{ createCalendarFeed: { path: string; feed: { id: string } } }>(
      await call('STAFF', `mutation($regionId: ID!) { createCalendarFeed(regionId: $regionId) { path feed { id } } }`, {
        regionId: await regionId('atlantic'),
      }),
    ).createCalendarFeed;
    expect(created.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const feed = await get(created.path);
    expect(feed.status).toBe(200);
    const parsed = parse(feed.body);
    const uids = parsed.map((event) => event.uid);
    for (const name of ['Halifax', 'Halifax winter', 'St. John’s']) {
      const event = parsed.find((entry) => entry.uid === `${events[name].id}@coalition-crm`)!;
      expect(event.start.toISOString()).toBe(new Date(events[name].startsAt).toISOString());
    }
    expect(uids).not.toContain(`${events.Vancouver.id}@coalition-crm`);
    const [{ token_hash: stored }] = await api.dataSource.query(`SELECT token_hash FROM calendar_feed WHERE id = $1`, [created.feed.id]);
    expect(Buffer.from(stored).toString()).not.toContain(created.path.slice(10, 53));

    ok(await call('STAFF', `mutation($id: ID!) { revokeCalendarFeed(id: $id) }`, { id: created.feed.id }));
    expect((await get(created.path)).status).toBe(404);
    expect((await get(`/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
  });

  it('a feed holds only what its owner may read: an Ontario coordinator’s Atlantic feed is empty', async () => {
    const { createCalendarFeed } = ok<{ createCalendarFeed: { path: string } }>(
      await call('COORDINATOR', `mutation($regionId: ID!) { createCalendarFeed(regionId: $regionId) { path } }`, { regionId: await regionId('atlantic') }),
    );
    expect(parse((await get(createCalendarFeed.path)).body)).toEqual([]);
  });
});
