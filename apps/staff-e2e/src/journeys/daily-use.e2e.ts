import { Client } from 'pg';
import { getStack } from '../support/stack';
import { api, asUser, demo, demoPassword, expectAccessible, staffUrl } from './journey-helpers';

// The staff app as each role uses it every day (issue 10): records the seed made
// with any uuid open and save, a member contact works on their own organization, an
// emptied required field is refused beside it (never "saved"), search answers any
// text. axe-core checks each screen on the way.
const timeout = 90_000;
const memberOrganization = 'c0a11710-0000-4000-8000-000000000001';

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: getStack().databaseUrl });
  await db.connect();
  try {
    return (await db.query(sql, values)).rows as T[];
  } finally {
    await db.end();
  }
}

describe('daily use of the staff app', () => {
  // What the member's organization hosts, pledged and asked for (made by the member, through the API).
  const hosted = { title: `Open house ${Date.now() % 100000}`, id: '', pastId: '' };
  let pledgeId = '';
  let requestId = '';

  beforeAll(async () => {
    const { signIn: session } = await api<{ signIn: { token: string } }>('mutation($input: SignInInputType!) { signIn(input: $input) { token } }', {
      input: { email: demo.member, password: demoPassword },
    });
    const createEvent = async (titleEn: string, day: string) =>
      (
        await api<{ createEvent: { id: string } }>(
          'mutation($input: CreateEventInputType!) { createEvent(input: $input) { id } }',
          {
            input: {
              titleEn,
              kind: 'workshop',
              provinceCode: 'ON',
              timeZone: 'America/Toronto',
              startsAt: `${day}T18:00`,
              endsAt: `${day}T20:00`,
              organizationId: memberOrganization,
            },
          },
          session.token,
        )
      ).createEvent.id;
    hosted.id = await createEvent(hosted.title, `${new Date().getUTCFullYear() + 1}-03-15`);
    hosted.pastId = await createEvent(`${hosted.title} (held)`, '2026-01-20');
    pledgeId = (
      await api<{ createPledge: { id: string } }>(
        'mutation($input: CreatePledgeInputType!) { createPledge(input: $input) { id } }',
        { input: { kind: 'share_facts', organizationId: memberOrganization } },
        session.token,
      )
    ).createPledge.id;
    const { toolkitItems } = await api<{ toolkitItems: { nodes: { id: string }[] } }>('{ toolkitItems(first: 1) { nodes { id } } }', {}, session.token);
    requestId = (
      await api<{ createToolkitRequest: { id: string } }>(
        'mutation($input: CreateToolkitRequestInputType!) { createToolkitRequest(input: $input) { id } }',
        {
          input: {
            organizationId: memberOrganization,
            language: 'en',
            items: [{ itemId: toolkitItems.nodes[0].id, quantity: 5 }],
            recipientName: 'Front desk',
            addressLine: '200 Rideau St',
            city: 'Ottawa',
            provinceCode: 'ON',
            postalCode: 'K1N 5T5',
          },
        },
        session.token,
      )
    ).createToolkitRequest.id;
  }, timeout);

  // Each role's day starts on a home made for it (issue 10), at desktop and phone widths.
  const homes = [
    {
      who: 'an administrator',
      email: demo.admin,
      panels: ['home-figures', 'home-goals', 'home-recent-people', 'home-recent-organizations', 'api-health', 'home-recently-viewed'],
      absent: ['home-my-people', 'home-hosted-events'],
    },
    {
      who: 'national staff',
      email: demo.staff,
      panels: ['home-figures', 'home-goals', 'home-recent-people', 'home-recent-organizations', 'home-recently-viewed'],
      absent: ['api-health', 'home-my-people'],
    },
    {
      who: 'a coordinator',
      email: demo.ontario,
      panels: ['home-my-people', 'home-recent-people', 'home-quick-add', 'home-recently-viewed'],
      absent: ['home-figures', 'home-goals', 'api-health', 'home-organization-pledges'],
    },
    {
      who: 'a member contact',
      email: demo.member,
      panels: ['home-own-organization', 'home-hosted-events', 'home-organization-pledges', 'home-organization-requests'],
      absent: ['home-figures', 'home-goals', 'home-recent-people', 'api-health', 'home-recently-viewed'],
    },
    {
      who: 'a funder',
      email: demo.funder,
      panels: ['home-figures', 'home-goals'],
      absent: ['home-recent-people', 'home-my-people', 'home-person', 'api-health', 'home-quick-add', 'home-recently-viewed', 'home-hosted-events'],
    },
  ];
  it.each(homes)(
    '$who lands on a home made for them, readable on a phone without sideways scrolling',
    ({ email, panels, absent }) =>
      asUser(email, async (page) => {
        expect(new URL(page.url()).pathname).toBe('/');
        for (const panel of panels) await page.getByTestId(panel).first().waitFor();
        for (const panel of absent) expect(await page.getByTestId(panel).count()).toBe(0);
        await expectAccessible(page, `${email}: home`);
        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByTestId(panels[0]).first().waitFor();
        // The shell animates its navigation away when the window narrows: judge the layout once it settles.
        await page.waitForFunction(() => document.documentElement.scrollWidth <= 390, null, { timeout: 5_000 }).catch(() => undefined);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await expectAccessible(page, `${email}: home on a phone`);
      }),
    timeout,
  );

  it(
    'a member contact’s home shows what their organization hosts, pledged and asked for, each opening its record',
    () =>
      asUser(demo.member, async (page) => {
        const events = page.getByTestId('home-hosted-events');
        expect(await events.locator(`a[href="/events/${hosted.id}"]`).textContent()).toBe(hosted.title);
        expect(await events.locator(`a[href="/events/${hosted.pastId}"]`).count()).toBe(1);
        // "All our events (n)": every event it hosts, coming and held, not only those to come.
        const [{ n }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM event WHERE organization_id = $1', [memberOrganization]);
        expect(await page.getByTestId('home-hosted-all').textContent()).toContain(`(${n})`);
        expect(await page.getByTestId('home-organization-pledges').locator(`a[href="/pledges/${pledgeId}"]`).count()).toBe(1);
        const request = page
          .getByTestId('home-organization-requests')
          .getByTestId('home-request')
          .filter({ has: page.locator(`a[href="/toolkit/requests/${requestId}"]`) });
        expect(await request.textContent()).toContain('We asked');

        // Each "see all" opens a list the member may read (their organization's, by the ability).
        for (const link of ['home-hosted-all', 'home-pledges-all', 'home-requests-all']) {
          const href = (await page.getByTestId(link).getAttribute('href'))!;
          expect((await page.goto(staffUrl(href)))?.status()).toBe(200);
          await page.goto(staffUrl('/'));
        }
        await page.getByTestId('home-organization-pledges').locator(`a[href="/pledges/${pledgeId}"]`).click();
        await page.waitForURL(staffUrl(`/pledges/${pledgeId}`));
      }),
    timeout,
  );

  it(
    'a coordinator finds the people and organizations they opened under "recently viewed", newest first, kept in an httpOnly cookie',
    () =>
      asUser(demo.ontario, async (page) => {
        await page.getByTestId('home-viewed-empty').waitFor();
        const [person] = await query<{ id: string; first_name: string; last_name: string }>(
          `SELECT id, first_name, last_name FROM person WHERE province_code = 'ON' AND archived_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
        );
        const [outside] = await query<{ id: string }>(`SELECT id FROM person WHERE province_code = 'BC' AND archived_at IS NULL LIMIT 1`);
        expect((await page.goto(staffUrl(`/organizations/${memberOrganization}`)))?.status()).toBe(200);
        expect((await page.goto(staffUrl(`/people/${person.id}`)))?.status()).toBe(200);
        await page.getByTestId('person-name').waitFor();
        // Out of the coordinator's regions: refused, and never listed.
        if (outside) expect((await page.goto(staffUrl(`/people/${outside.id}`)))?.status()).not.toBe(200);

        await page.goto(staffUrl('/'));
        const rows = page.getByTestId('home-recently-viewed').getByTestId('home-viewed');
        await rows.first().waitFor();
        expect(await rows.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
          `/people/${person.id}`,
          `/organizations/${memberOrganization}`,
        ]);
        expect(await rows.first().textContent()).toContain(`${person.first_name} ${person.last_name}`);
        const cookie = (await page.context().cookies()).find((entry) => entry.name === 'crm_viewed');
        expect(cookie?.httpOnly).toBe(true);
        expect(decodeURIComponent(cookie!.value)).not.toContain(person.last_name);
        await expectAccessible(page, 'coordinator: home with recently viewed');
      }),
    timeout,
  );

  it(
    'a funder’s figures are numbers only, each the database’s count',
    () =>
      asUser(demo.funder, async (page) => {
        const [counts] = await query<{ people: number; organizations: number }>(
          `SELECT (SELECT count(*)::int FROM person WHERE archived_at IS NULL) AS people,
                  (SELECT count(*)::int FROM organization WHERE archived_at IS NULL) AS organizations`,
        );
        expect(Number(await page.getByTestId('figure-people').getAttribute('data-count'))).toBe(counts.people);
        expect(Number(await page.getByTestId('figure-organizations').getAttribute('data-count'))).toBe(counts.organizations);
        expect(await page.locator('a[href^="/people/"], a[href^="/organizations/"]').count()).toBe(0);
        // The default campaign's national goals, each against its live count, and a way to the regions'.
        const goals = await query<{ metric: string }>(
          `SELECT g.metric FROM campaign_goal g JOIN campaign c ON c.id = g.campaign_id WHERE c.is_default AND g.region_id IS NULL`,
        );
        const shown = await page
          .getByTestId('home-goals')
          .getByTestId('goal')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-metric')));
        expect(shown.sort()).toEqual(goals.map((goal) => goal.metric).sort());
        await page.getByTestId('home-goals-all').click();
        await page.getByTestId('goals').waitFor();
      }),
    timeout,
  );

  it(
    'a member contact opens and edits their own organization (the page asks for no people)',
    () =>
      asUser(demo.member, async (page) => {
        const response = await page.goto(staffUrl(`/organizations/${memberOrganization}`));
        expect(response?.status()).toBe(200);
        await page.getByTestId('organization-name').waitFor();
        // A member reads no people: no people section at all, rather than an empty one.
        expect(await page.locator('#people-title').count()).toBe(0);
        await expectAccessible(page, 'member: own organization');

        await page.getByTestId('edit-organization').click();
        await page.waitForURL(staffUrl(`/organizations/${memberOrganization}/edit`));
        await page.getByTestId('city').fill('Ottawa-Gatineau');
        await expectAccessible(page, 'member: edit own organization');
        await page.getByTestId('save-organization').click();
        await page.waitForURL(staffUrl(`/organizations/${memberOrganization}?saved=1`));
        await page.getByTestId('record-notice').waitFor();
        const [row] = await query<{ city: string }>('SELECT city FROM organization WHERE id = $1', [memberOrganization]);
        expect(row.city).toBe('Ottawa-Gatineau');
      }),
    timeout,
  );

  it(
    'records whose ids are not RFC 4122 uuids open, and a person linked to such an organization is edited',
    () =>
      asUser(demo.staff, async (page) => {
        // The seed makes ids with md5(…)::uuid: neither version 4 nor the RFC variant.
        const [linked] = await query<{ person: string; organization: string }>(
          `SELECT a.person_id AS person, a.organization_id AS organization FROM affiliation a
            WHERE a.person_id::text !~ '^.{14}4' AND a.organization_id::text !~ '^.{14}4' LIMIT 1`,
        );
        expect(linked).toBeDefined();
        expect((await page.goto(staffUrl(`/organizations/${linked.organization}`)))?.status()).toBe(200);
        expect((await page.goto(staffUrl(`/people/${linked.person}`)))?.status()).toBe(200);
        await page.getByTestId('person-name').waitFor();

        await page.goto(staffUrl(`/people/${linked.person}/edit`));
        await page.getByTestId('city').fill('Kingston');
        await page.getByTestId('save-person').click();
        await page.waitForURL(staffUrl(`/people/${linked.person}?saved=1`));
        expect(await page.getByTestId('person-city').textContent()).toBe('Kingston');
      }),
    timeout,
  );

  it(
    'clearing a person’s first name is refused beside the field, and nothing is saved',
    () =>
      asUser(demo.staff, async (page) => {
        const [person] = await query<{ id: string; first_name: string }>(
          `SELECT id, first_name FROM person WHERE archived_at IS NULL AND province_code = 'ON' ORDER BY id LIMIT 1`,
        );
        await page.goto(staffUrl(`/people/${person.id}/edit`));
        // Required fields are marked (and announced as required).
        expect(await page.getByTestId('firstName').getAttribute('required')).not.toBeNull();
        await page.getByTestId('firstName').fill('');
        await page.getByTestId('save-person').click();
        // staff@ reads French.
        await page.getByText('Ce champ est obligatoire.').waitFor();
        expect(new URL(page.url()).pathname).toBe(`/people/${person.id}/edit`);
        expect(await page.getByTestId('record-notice').count()).toBe(0);
        const [row] = await query<{ first_name: string }>('SELECT first_name FROM person WHERE id = $1', [person.id]);
        expect(row.first_name).toBe(person.first_name);
        await expectAccessible(page, 'staff: person edit with an error');
      }),
    timeout,
  );

  it(
    'search answers short family names and punctuation, and finds people named Wu',
    () =>
      asUser(demo.ontario, async (page) => {
        const [wu] = await query<{ id: string }>(`INSERT INTO person (first_name, last_name, province_code) VALUES ('Mei', 'Wu', 'ON') RETURNING id`);
        for (const text of ['Wu', 'Li', 'O', '%', "'"]) {
          const response = await page.goto(staffUrl(`/search?q=${encodeURIComponent(text)}`));
          expect(response?.status()).toBe(200);
        }
        await page.goto(staffUrl('/search?q=Wu'));
        await page.locator(`[data-testid="search-person"] a[href="/people/${wu.id}"]`).waitFor();
        await expectAccessible(page, 'coordinator: search');
      }),
    timeout,
  );
  it(
    'the audit log reads as sentences naming the record, in English and French, as cards on a phone',
    () =>
      asUser(demo.admin, async (page) => {
        const [person] = await query<{ id: string; first_name: string; last_name: string }>(
          `SELECT id, first_name, last_name FROM person WHERE archived_at IS NULL AND province_code = 'QC' ORDER BY id LIMIT 1`,
        );
        const name = `${person.first_name} ${person.last_name}`;
        await page.goto(staffUrl(`/people/${person.id}/edit`));
        await page.getByTestId('city').fill('Sherbrooke');
        await page.getByTestId('save-person').click();
        await page.waitForURL(staffUrl(`/people/${person.id}?saved=1`), { timeout: 30_000 });

        const audit = await page.goto(staffUrl('/admin/audit?action=person.update'));
        expect(audit?.status()).toBe(200);
        await page.getByTestId('audit-table').waitFor({ timeout: 20_000 });
        const sentence = page.getByTestId('audit-sentence').first();
        expect((await sentence.textContent())?.trim()).toBe(`Alex Admin changed ${name}’s city`);
        expect(await sentence.getByTestId('audit-record').getAttribute('href')).toBe(`/people/${person.id}`);
        const changes = page.getByTestId('audit-changes').first();
        expect(await changes.textContent()).toContain('City:');
        expect(await changes.textContent()).not.toContain('Sherbrooke');
        expect(await page.getByTestId('audit-table').textContent()).not.toMatch(/person\.update|provinceCode|consentEmail/);
        await expectAccessible(page, 'admin: audit log');

        await page.getByTestId('language-fr').click();
        await page.locator('html[lang="fr"]').waitFor();
        const elided = /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`;
        expect((await page.getByTestId('audit-sentence').first().textContent())?.trim()).toBe(`Alex Admin a modifié la fiche ${elided}\u00a0: ville`);
        await expectAccessible(page, 'admin: audit log in French');
        await page.getByTestId('language-en').click();
        await page.locator('html[lang="en"]').waitFor();

        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByTestId('audit-sentence').first().waitFor();
        await page.waitForFunction(() => document.documentElement.scrollWidth <= 390, null, { timeout: 5_000 }).catch(() => undefined);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        // Cards: each row as wide as the screen allows, nothing scrolled inside the table either.
        expect(await page.getByTestId('audit-table').evaluate((table) => table.scrollWidth <= table.clientWidth + 1)).toBe(true);
        await expectAccessible(page, 'admin: audit log on a phone');
      }),
    180_000,
  );
  it(
    'national staff work through possible duplicates: compare and merge, or "not a duplicate" for good, in French and on a phone',
    () =>
      asUser(demo.staff, async (page) => {
        const [a] = await query<{ id: string }>(
          `INSERT INTO person (first_name, last_name, province_code, city, emails)
           VALUES ('Zeynep', 'Aksoy', 'NS', 'Truro', '{zeynep@example.org}') RETURNING id`,
        );
        const [b] = await query<{ id: string }>(
          `INSERT INTO person (first_name, last_name, province_code, city, emails)
           VALUES ('zeynep', 'AKSOY', 'NS', 'truro', '{Zeynep@example.org}') RETURNING id`,
        );
        const [low, high] = [a.id, b.id].sort();
        const pair = page.locator(`[data-testid="duplicate-pair"]:has([data-id="${low}"]):has([data-id="${high}"])`);
        // staff@ reads French.
        await page.goto(staffUrl('/duplicates?kind=people&reason=EMAIL'));
        await page.getByRole('heading', { name: 'Doublons possibles' }).waitFor();
        await pair.waitFor();
        expect(await pair.getByTestId('duplicate-compare').getAttribute('href')).toBe(`/people/${low}/merge?with=${high}`);
        await expectAccessible(page, 'staff: possible duplicates');

        await page.setViewportSize({ width: 390, height: 844 });
        await pair.waitFor();
        await page.waitForFunction(() => document.documentElement.scrollWidth <= 390, null, { timeout: 5_000 }).catch(() => undefined);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await expectAccessible(page, 'staff: possible duplicates on a phone');
        await page.setViewportSize({ width: 1366, height: 900 });

        await pair.getByTestId('duplicate-dismiss').click();
        await page.getByTestId('duplicates-dismissed').waitFor();
        expect(await pair.count()).toBe(0);
        await page.goto(staffUrl('/duplicates?kind=people&reason=NAME_CITY'));
        await page.getByTestId('duplicate-pairs').waitFor();
        expect(await pair.count()).toBe(0);
        const [dismissal] = await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM duplicate_dismissal WHERE subject_type = 'Person' AND low_id = $1 AND high_id = $2`,
          [low, high],
        );
        expect(dismissal.n).toBe(1);
      }),
    180_000,
  );
});
