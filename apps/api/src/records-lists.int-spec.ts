import { ApiHarness } from './testing/api-harness';
import { createOrganization, createPerson, errorCode, insertPeople, ok, userId } from './testing/records-fixtures';

interface PageResult {
  nodes: { id: string; firstName: string; lastName: string }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

describe('records: lists, pages, filters and search', () => {
  let api: ApiHarness;
  let staff: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    staff = await api.tokenFor('STAFF');
  });
  afterAll(() => api?.close());

  const peoplePage = async (filter: Record<string, unknown>, first: number, after: string | null, token = staff): Promise<PageResult> =>
    ok<{ people: PageResult }>(
      await api.graphql(
        'query($filter: PersonFilterInputType, $first: Int, $after: String) { people(filter: $filter, first: $first, after: $after) { nodes { id firstName ' +
          'lastName } pageInfo { endCursor hasNextPage } } }',
        { filter, first, after },
        token,
      ),
    ).people;

  describe('keyset pagination', () => {
    it('returns every row exactly once across pages, in a stable order, while rows are inserted', async () => {
      // Many shared and accented last names, so ties are broken by first name, then id.
      const lastNames = ['Côté', 'cote', 'Nguyen', 'Ali', 'Ávila', "O'Brien", 'Smith', 'Tremblay', 'Li', 'Zhang'];
      const original = await insertPeople(
        api,
        Array.from({ length: 137 }, (_, i) => ({
          firstName: ['Amina', 'Jean', 'Li', 'Zoé'][i % 4],
          lastName: lastNames[i % lastNames.length],
          provinceCode: 'SK',
        })),
      );
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await peoplePage({ provinceCodes: ['SK'] }, 50, after);
        seen.push(...page.nodes.map((n) => n.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages += 1;
        // Someone else adds people meanwhile, before and after the cursor.
        await insertPeople(api, [
          { firstName: 'Aaron', lastName: 'Aardvark', provinceCode: 'SK' },
          { firstName: 'Zed', lastName: 'Zzyzx', provinceCode: 'SK' },
          { firstName: 'Jean', lastName: 'Li', provinceCode: 'SK' },
        ]);
      } while (after && pages < 10);

      expect(new Set(seen).size).toBe(seen.length);
      expect(original.filter((id) => !seen.includes(id))).toEqual([]);
      // The originals come in the order one big page gives them.
      const all = await peoplePage({ provinceCodes: ['SK'] }, 200, null);
      const order = all.nodes.map((n) => n.id).filter((id) => original.includes(id));
      expect(seen.filter((id) => original.includes(id))).toEqual(order);
      // Order: last name, then first name, ignoring case and accents.
      const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const keys = all.nodes.map((n) => `${fold(n.lastName)}\u0001${fold(n.firstName)}`);
      expect(keys).toEqual([...keys].sort());
      expect(keys.filter((k) => k.startsWith('aardvark')).length).toBeGreaterThan(0);
      expect(keys[0]).toBe('aardvark\u0001aaron');
      expect(keys[keys.length - 1]).toBe('zzyzx\u0001zed');
    });

    it('defaults to 50 rows a page', async () => {
      const page = await peoplePage({ provinceCodes: ['SK'] }, undefined as unknown as number, null);
      expect(page.nodes).toHaveLength(50);
      expect(page.pageInfo.hasNextPage).toBe(true);
    });

    it('refuses a tampered cursor', async () => {
      const result = await api.graphql('{ people(after: "not-a-cursor") { nodes { id } } }', {}, staff);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields?.[0].path).toEqual(['after']);
    });

    it('pages organizations too', async () => {
      for (let i = 0; i < 7; i += 1) await createOrganization(api, { nameEn: `Yukon Group ${String.fromCharCode(71 - i)}`, provinceCode: 'YT' });
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: { nodes: { nameEn: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = ok<{ organizations: never }>(
          await api.graphql(
            'query($after: String) { organizations(filter: { provinceCodes: ["YT"] }, first: 3, after: $after) { nodes { nameEn } pageInfo { endCursor ' +
              'hasNextPage } } }',
            { after },
            staff,
          ),
        ).organizations;
        seen.push(...page.nodes.map((n) => n.nameEn));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((l) => `Yukon Group ${l}`));
    });
  });

  describe('filters', () => {
    let organizationId: string;

    beforeAll(async () => {
      const ontario = await userId(api, 'COORDINATOR');
      organizationId = (
        await createOrganization(api, { nameEn: 'Filter Org', provinceCode: 'MB', kind: 'faith_community', membership: 'associate', tags: ['interfaith'] })
      ).id;
      await createOrganization(api, { nameEn: 'Filter Business', provinceCode: 'AB', kind: 'business', membership: 'member' });
      const [, b, c, d] = await insertPeople(api, [
        {
          firstName: 'Filter',
          lastName: 'Alpha',
          provinceCode: 'MB',
          engagementStage: 'champion',
          leaderCategory: 'faith',
          tags: ['interfaith', 'speaker'],
          organizationId,
        },
        { firstName: 'Filter', lastName: 'Beta', provinceCode: 'AB', engagementStage: 'engaged', leaderCategory: 'media', tags: ['speaker'], ownerId: ontario },
        { firstName: 'Filter', lastName: 'Gamma', provinceCode: 'NU', engagementStage: 'identified', leaderCategory: 'business' },
        { firstName: 'Filter', lastName: 'Delta', provinceCode: 'MB', engagementStage: 'committed', leaderCategory: null, tags: ['interfaith'] },
      ]);
      await api.dataSource.query(`UPDATE person SET updated_at = now() - interval '30 days' WHERE id = ANY($1::uuid[])`, [[b, c, d]]);
    });

    const names = async (filter: Record<string, unknown>) => (await peoplePage({ search: 'filter', ...filter }, 50, null)).nodes.map((n) => n.lastName).sort();

    it.each([
      ['province', { provinceCodes: ['MB'] }, ['Alpha', 'Delta']],
      ['tags (all of them)', { tags: ['interfaith', 'speaker'] }, ['Alpha']],
      ['engagement stage', { engagementStages: ['champion', 'committed'] }, ['Alpha', 'Delta']],
      ['leader category', { leaderCategories: ['media', 'business'] }, ['Beta', 'Gamma']],
      ['organization', { organizationId: 'ORG' }, ['Alpha']],
      ['owner', { ownerId: 'OWNER' }, ['Beta']],
      ['updated since', { updatedSince: 'RECENT' }, ['Alpha']],
    ])('people by %s', async (_name, filter, expected) => {
      const resolved = JSON.parse(
        JSON.stringify(filter)
          .replace('ORG', organizationId)
          .replace('OWNER', await userId(api, 'COORDINATOR'))
          .replace('RECENT', new Date(Date.now() - 24 * 3600_000).toISOString()),
      );
      expect(await names(resolved)).toEqual(expected);
    });

    it('people by region (its provinces)', async () => {
      const regions = ok<{ regions: { id: string; code: string }[] }>(await api.graphql('{ regions { id code } }', {}, staff)).regions;
      const prairies = regions.find((r) => r.code === 'prairies')!.id;
      expect(await names({ regionId: prairies })).toEqual(['Alpha', 'Beta', 'Delta']);
    });

    it('organizations by kind, membership, tags and region', async () => {
      const orgNames = async (filter: Record<string, unknown>) =>
        ok<{ organizations: { nodes: { nameEn: string }[] } }>(
          await api.graphql(
            'query($filter: OrganizationFilterInputType) { organizations(filter: $filter) { nodes { nameEn } } }',
            { filter: { search: 'filter', ...filter } },
            staff,
          ),
        ).organizations.nodes.map((n) => n.nameEn);
      expect(await orgNames({ kinds: ['business'] })).toEqual(['Filter Business']);
      expect(await orgNames({ memberships: ['associate'] })).toEqual(['Filter Org']);
      expect(await orgNames({ tags: ['interfaith'] })).toEqual(['Filter Org']);
      expect(await orgNames({ provinceCodes: ['AB', 'MB'] })).toEqual(['Filter Business', 'Filter Org']);
    });

    it('refuses an unknown province in a filter, naming it', async () => {
      const result = await api.graphql('{ people(filter: { provinceCodes: ["XX"] }) { nodes { id } } }', {}, staff);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields?.[0].path).toEqual(['filter', 'provinceCodes', 0]);
    });

    it("counts every match of a list in all its pages, in the caller's scope", async () => {
      await insertPeople(
        api,
        Array.from({ length: 7 }, (_, i) => ({ firstName: `Counted${i}`, lastName: 'Tallyworth', provinceCode: i < 4 ? 'ON' : 'QC' })),
      );
      const count = async (token: string) =>
        ok<{ people: { nodes: unknown[]; totalCount: number } }>(
          await api.graphql('{ people(first: 2, filter: { search: "tallyworth" }) { nodes { id } totalCount } }', {}, token),
        ).people;
      expect(await count(staff)).toEqual({ nodes: [expect.anything(), expect.anything()], totalCount: 7 });
      expect((await count(await api.tokenFor('COORDINATOR'))).totalCount).toBe(4);
      const organizations = ok<{ organizations: { totalCount: number } }>(
        await api.graphql('{ organizations(first: 1, filter: { kinds: [business] }) { totalCount } }', {}, staff),
      ).organizations;
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM organization WHERE kind = 'business' AND archived_at IS NULL`);
      expect(organizations.totalCount).toBe(n);
    });

    it('coalition figures: counts of every active record for those who read reports, a group under 5 not shown', async () => {
      const funder = await api.tokenFor('FUNDER');
      const figures = ok<{
        coalitionFigures: { organizations: number; memberOrganizations: number; people: number; peopleByStage: { stage: string; count: number | null }[] };
      }>(await api.graphql('{ coalitionFigures { organizations memberOrganizations people peopleByStage { stage count } } }', {}, funder)).coalitionFigures;
      const [{ people, organizations, members }] = await api.dataSource.query(
        `SELECT (SELECT count(*)::int FROM person WHERE archived_at IS NULL) AS people,
                (SELECT count(*)::int FROM organization WHERE archived_at IS NULL) AS organizations,
                (SELECT count(*)::int FROM organization WHERE archived_at IS NULL AND membership = 'member') AS members`,
      );
      expect({ people: figures.people, organizations: figures.organizations, members: figures.memberOrganizations }).toEqual({
        people,
        organizations,
        members,
      });
      const byStage: { stage: string; count: number }[] = await api.dataSource.query(
        `SELECT engagement_stage AS stage, count(*)::int AS count FROM person WHERE archived_at IS NULL GROUP BY 1`,
      );
      expect(figures.peopleByStage.map((entry) => entry.stage)).toEqual(['identified', 'contacted', 'engaged', 'committed', 'champion']);
      for (const entry of figures.peopleByStage) {
        const count = byStage.find((row) => row.stage === entry.stage)?.count ?? 0;
        expect(entry.count).toBe(count < 5 ? null : count);
      }
      // At least one small group, so the rule above is tested and not vacuous.
      expect(figures.peopleByStage.some((entry) => entry.count === null)).toBe(true);
    });

    it('coalition figures: national staff, who may open every person, see small groups counted; a coordinator does not', async () => {
      const stages = async (token: string) =>
        ok<{ coalitionFigures: { peopleByStage: { stage: string; count: number | null }[] } }>(
          await api.graphql('{ coalitionFigures { peopleByStage { stage count } } }', {}, token),
        ).coalitionFigures.peopleByStage;
      const byStage: { stage: string; count: number }[] = await api.dataSource.query(
        `SELECT engagement_stage AS stage, count(*)::int AS count FROM person WHERE archived_at IS NULL GROUP BY 1`,
      );
      const exact = (stage: string) => byStage.find((row) => row.stage === stage)?.count ?? 0;
      for (const token of [staff, await api.tokenFor('ADMIN')]) {
        expect((await stages(token)).map((entry) => [entry.stage, entry.count])).toEqual(
          ['identified', 'contacted', 'engaged', 'committed', 'champion'].map((stage) => [stage, exact(stage)]),
        );
      }
      const coordinator = await stages(await api.tokenFor('COORDINATOR'));
      expect(coordinator.map((entry) => entry.count)).toEqual(coordinator.map((entry) => (exact(entry.stage) < 5 ? null : exact(entry.stage))));
    });

    it('people and organizations by id: only those the caller may read, archived ones left out, at most 50', async () => {
      const [inside, outside, archived] = await insertPeople(api, [
        { firstName: 'Byid', lastName: 'Inside', provinceCode: 'ON' },
        { firstName: 'Byid', lastName: 'Outside', provinceCode: 'MB' },
        { firstName: 'Byid', lastName: 'Archived', provinceCode: 'ON' },
      ]);
      await api.dataSource.query(`UPDATE person SET archived_at = now() WHERE id = $1`, [archived]);
      const lastNames = async (token: string) => (await peoplePage({ ids: [inside, outside, archived] }, 50, null, token)).nodes.map((n) => n.lastName).sort();
      expect(await lastNames(staff)).toEqual(['Inside', 'Outside']);
      expect(await lastNames(await api.tokenFor('COORDINATOR'))).toEqual(['Inside']);

      const other = (await createOrganization(api, { nameEn: 'Byid Other', provinceCode: 'MB' })).id;
      const [{ organization_id: own }] = await api.dataSource.query(
        `SELECT organization_id FROM app_user WHERE lower(email) = 'member@demo.coalition.invalid'`,
      );
      const orgIds = async (token: string) =>
        ok<{ organizations: { nodes: { id: string }[] } }>(
          await api.graphql('query($ids: [ID!]) { organizations(filter: { ids: $ids }) { nodes { id } } }', { ids: [own, other] }, token),
        ).organizations.nodes.map((node) => node.id);
      expect((await orgIds(staff)).sort()).toEqual([own, other].sort());
      expect(await orgIds(await api.tokenFor('MEMBER'))).toEqual([own]);

      const tooMany = await api.graphql('query($ids: [ID!]) { people(filter: { ids: $ids }) { nodes { id } } }', { ids: Array(51).fill(inside) }, staff);
      expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    });

    it('a coordinator filtering on a province outside their regions gets nothing', async () => {
      expect((await peoplePage({ search: 'filter', provinceCodes: ['MB'] }, 50, null, await api.tokenFor('COORDINATOR'))).nodes).toEqual([]);
    });
  });

  describe('search: typos, accents and case', () => {
    beforeAll(async () => {
      await createPerson(api, { firstName: 'Mohammed', lastName: 'Rahimi', provinceCode: 'ON' });
      await createPerson(api, { firstName: 'Thi', lastName: 'Nguyen', provinceCode: 'ON', emails: ['thi.nguyen@example.org'] });
      await createPerson(api, { firstName: 'Hélène', lastName: 'Bélanger', provinceCode: 'ON' });
      await createOrganization(api, { nameEn: 'Welcome Centre of Québec City', nameFr: 'Centre d’accueil de la ville de Québec', provinceCode: 'QC' });
      await createOrganization(api, { nameEn: 'Saskatoon Open Door Society', provinceCode: 'SK' });
    });

    const search = async (text: string, token = staff) =>
      ok<{ searchDirectory: { organizations: { nameEn: string }[]; people: { firstName: string; lastName: string }[] } }>(
        await api.graphql('query($text: String!) { searchDirectory(text: $text) { organizations { nameEn } people { firstName lastName } } }', { text }, token),
      ).searchDirectory;

    it('finds "Mohammed" from "mohamed"', async () => {
      expect((await search('mohamed')).people.map((p) => p.firstName)).toContain('Mohammed');
    });

    it('finds "Québec" from "quebec"', async () => {
      expect((await search('quebec')).organizations.map((o) => o.nameEn)).toEqual(['Welcome Centre of Québec City']);
    });

    it('finds "Nguyen" from "nguyn"', async () => {
      expect((await search('nguyn')).people.map((p) => p.lastName)).toContain('Nguyen');
    });

    it('finds accented names typed without accents, in any case', async () => {
      expect((await search('HELENE BELANGER')).people.map((p) => p.lastName)).toEqual(['Bélanger']);
    });

    it('finds a person by exact e-mail', async () => {
      expect((await search('Thi.Nguyen@example.org')).people.map((p) => p.lastName)).toEqual(['Nguyen']);
    });

    it('finds short fragments of a name', async () => {
      expect((await search('open door')).organizations.map((o) => o.nameEn)).toEqual(['Saskatoon Open Door Society']);
    });

    // Issue 9 defect 5: short or punctuation-only text was a 500 (ORDER BY a bare 0).
    describe('any text answers results or BAD_USER_INPUT, for every role', () => {
      const texts = ['Wu', 'Li', 'O', 'a', '%', "'", '_', '\\', '%_%', "O'", '-', '--', '*', '?', '""', '.', 'é', 'x y', 'Wu Li', '%Wu', "Li'", ' ', '@', 'a@'];
      const roles = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'] as const;
      const queries = {
        searchDirectory: 'query($text: String!) { searchDirectory(text: $text, first: 50) { organizations { id } people { id } } }',
        people: 'query($text: String!) { people(filter: { search: $text }) { nodes { id } } }',
        organizations: 'query($text: String!) { organizations(filter: { search: $text }) { nodes { id } } }',
      };

      it.each(roles)('%s: never an internal error', async (role) => {
        const token = await api.tokenFor(role);
        const answers: string[] = [];
        for (const [name, query] of Object.entries(queries)) {
          for (const text of texts) {
            const result = await api.graphql(query, { text }, token);
            const code = errorCode(result);
            // A refusal names the reason (FORBIDDEN for a role that may not read the kind); never a failure.
            if (code && !['BAD_USER_INPUT', 'FORBIDDEN'].includes(code))
              answers.push(`${name}(${JSON.stringify(text)}): ${code} ${result.errors?.[0].message}`);
            if (result.status >= 500) answers.push(`${name}(${JSON.stringify(text)}): HTTP ${result.status}`);
          }
        }
        expect(answers).toEqual([]);
      });

      it('finds people named Wu and Li, whole words before names that contain them', async () => {
        await insertPeople(api, [
          { firstName: 'Kofi', lastName: 'Awuah', provinceCode: 'ON' },
          { firstName: 'Mei', lastName: 'Wu', provinceCode: 'ON' },
          { firstName: 'Amelia', lastName: 'Aaliston', provinceCode: 'ON' },
          { firstName: 'Jun', lastName: 'Li', provinceCode: 'ON' },
        ]);
        const coordinator = await api.tokenFor('COORDINATOR');
        const found = async (text: string) =>
          ok<{ searchDirectory: { people: { firstName: string; lastName: string }[] } }>(
            await api.graphql('query($text: String!) { searchDirectory(text: $text, first: 50) { people { firstName lastName } } }', { text }, coordinator),
          ).searchDirectory.people.map((p) => `${p.firstName} ${p.lastName}`);
        const wu = await found('Wu');
        expect(wu.indexOf('Mei Wu')).toBeGreaterThanOrEqual(0);
        expect(wu.indexOf('Mei Wu')).toBeLessThan(wu.indexOf('Kofi Awuah'));
        const li = await found('li');
        const whole = (name: string) =>
          name
            .toLowerCase()
            .split(/[\s'-]+/)
            .includes('li');
        expect(li).toContain('Jun Li');
        expect(li.findIndex((name) => !whole(name))).toBeGreaterThan(li.findLastIndex(whole));
        expect(await found('WU')).toEqual(wu);
      });

      it('organizations: a close spelling is not padding ("côté" is not "comité")', async () => {
        await createOrganization(api, { nameEn: 'Côté Family Foundation', provinceCode: 'QC' });
        await createOrganization(api, { nameEn: 'Trois-Rivières Welcoming Committee', nameFr: 'Comité d’accueil de Trois-Rivières', provinceCode: 'QC' });
        expect((await search('Côté')).organizations.map((o) => o.nameEn)).toEqual(['Côté Family Foundation']);
        expect((await search('cote')).organizations.map((o) => o.nameEn)).toEqual(['Côté Family Foundation']);
      });
    });

    it('finds nothing for nonsense', async () => {
      expect(await search('xqzvw')).toEqual({ organizations: [], people: [] });
    });

    it('the people list search is just as tolerant', async () => {
      expect((await peoplePage({ search: 'mohamed rahimi' }, 50, null)).nodes.map((n) => n.lastName)).toEqual(['Rahimi']);
    });

    // Decision 051: terms become the dictionary's words; people are read word by word.
    describe('by words (decision 051)', () => {
      const people = (text: string, token = staff) => search(text, token).then((r) => r.people.map((p) => `${p.firstName} ${p.lastName}`));

      it('puts the exact word before close spellings, then name order', async () => {
        await insertPeople(api, [
          { firstName: 'Zora', lastName: 'Quillfeather', provinceCode: 'ON' },
          { firstName: 'Abel', lastName: 'Quilfeather', provinceCode: 'ON' },
          { firstName: 'Bella', lastName: 'Quillfeathers', provinceCode: 'ON' },
        ]);
        expect(await people('quilfeather')).toEqual(['Abel Quilfeather', 'Zora Quillfeather', 'Bella Quillfeathers']);
        expect(await people('QUILLFEATHER')).toEqual(['Zora Quillfeather', 'Bella Quillfeathers', 'Abel Quilfeather']);
      });

      it('matches every term of a multi-word search, each forgiving typos, accents and case', async () => {
        await insertPeople(api, [
          { firstName: 'Fatimah', lastName: 'Xuanvuong', provinceCode: 'ON' },
          { firstName: 'Fatimah', lastName: 'Brightwater', provinceCode: 'ON' },
          { firstName: 'Gérald', lastName: 'Xuanvuong', provinceCode: 'ON' },
        ]);
        expect(await people('fatimah xuanvong')).toEqual(['Fatimah Xuanvuong']);
        expect(await people('XUANVUONG gerald')).toEqual(['Gérald Xuanvuong']);
        expect((await peoplePage({ search: 'Fatima Xuanvuong' }, 50, null)).nodes.map((n) => n.firstName)).toEqual(['Fatimah']);
      });

      it('finds people with compound names by any of their words, and by a short fragment', async () => {
        await insertPeople(api, [{ firstName: 'Marie-Ève', lastName: "O'Quennell-Saint Jovite", provinceCode: 'ON' }]);
        expect(await people('quenel')).toEqual(["Marie-Ève O'Quennell-Saint Jovite"]);
        expect(await people('marie-eve jovite')).toEqual(["Marie-Ève O'Quennell-Saint Jovite"]);
        expect((await peoplePage({ search: 'jovit' }, 50, null)).nodes.map((n) => n.lastName)).toEqual(["O'Quennell-Saint Jovite"]);
      });

      it('finds French organization names with or without accents, misspelt', async () => {
        await createOrganization(api, {
          nameEn: 'Rimouski Refugee Rights Network',
          nameFr: 'Réseau pour les droits des réfugiés de Rimouski',
          provinceCode: 'QC',
        });
        expect((await search('réseau réfugiés rimouski')).organizations.map((o) => o.nameEn)).toEqual(['Rimouski Refugee Rights Network']);
        expect((await search('reseau refugies rimouksi')).organizations.map((o) => o.nameEn)).toEqual(['Rimouski Refugee Rights Network']);
      });

      it('a coordinator never sees out-of-region matches, exact or fuzzy, in search or list', async () => {
        await insertPeople(api, [
          { firstName: 'Odile', lastName: 'Wyndermoor', provinceCode: 'ON' },
          { firstName: 'Odile', lastName: 'Wyndermoor', provinceCode: 'QC' },
          { firstName: 'Odile', lastName: 'Windermoor', provinceCode: 'BC' },
        ]);
        const coordinator = await api.tokenFor('COORDINATOR');
        expect(await people('wyndermoor')).toHaveLength(3);
        const scoped = ok<{ searchDirectory: { people: { provinceCode: string }[] } }>(
          await api.graphql('{ searchDirectory(text: "wyndermor") { people { provinceCode } } }', {}, coordinator),
        ).searchDirectory.people;
        expect(scoped.map((p) => p.provinceCode)).toEqual(['ON']);
        expect((await peoplePage({ search: 'windermoor' }, 50, null, coordinator)).nodes).toHaveLength(1);
        expect((await peoplePage({ search: 'odile windermoor' }, 50, null, coordinator)).nodes).toHaveLength(1);
      });

      it('finds new words right after a create, a bulk insert, an update and a rename', async () => {
        const created = await createPerson(api, { firstName: 'Thaddeus', lastName: 'Vormwalde', provinceCode: 'ON' });
        expect(await people('vormwald')).toEqual(['Thaddeus Vormwalde']);
        await insertPeople(
          api,
          Array.from({ length: 30 }, (_, i) => ({ firstName: `Imported${i}`, lastName: 'Zephyrinova', provinceCode: 'ON' })),
        );
        expect((await peoplePage({ search: 'zephyrinva' }, 50, null)).nodes).toHaveLength(30);
        const renamed = ok<{ updatePerson: { lastName: string } }>(
          await api.graphql(
            'mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { lastName } }',
            { input: { id: created.id, version: created.version, lastName: 'Wolkenstrand' } },
            staff,
          ),
        ).updatePerson;
        expect(renamed.lastName).toBe('Wolkenstrand');
        expect(await people('wolkenstrnd')).toEqual(['Thaddeus Wolkenstrand']);
        expect(await people('vormwalde')).toEqual([]);
        await api.dataSource.query(`UPDATE person SET first_name = 'Philippa' WHERE id = $1`, [created.id]);
        expect(await people('philipa wolkenstrand')).toEqual(['Philippa Wolkenstrand']);
      });

      it('pages a common name in name order, every match once', async () => {
        await insertPeople(
          api,
          Array.from({ length: 75 }, (_, i) => ({
            firstName: ['Zed', 'Ann', 'Ivy'][i % 3],
            lastName: i % 2 ? 'Pendergrast' : `Pendergrast-${i % 5}`,
            provinceCode: 'ON',
          })),
        );
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const page: PageResult = await peoplePage({ search: 'pendergast' }, 20, after);
          seen.push(...page.nodes.map((n) => n.id));
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        expect(new Set(seen).size).toBe(75);
        const all = await peoplePage({ search: 'pendergast' }, 200, null);
        expect(all.nodes.map((n) => n.id)).toEqual(seen);
      });
    });
  });

  describe('sort: by name (default) or most recently changed first', () => {
    const LIST =
      'query($filter: PersonFilterInputType, $first: Int, $after: String) { people(filter: $filter, first: $first, after: $after) { nodes { id } pageInfo { ' +
      'endCursor hasNextPage } } }';
    type Page = { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

    it('pages people newest change first, each once, and refuses a cursor of the other order', async () => {
      const ids = await insertPeople(
        api,
        Array.from({ length: 7 }, (_, i) => ({ firstName: `Sorted${i}`, lastName: 'Yukon', provinceCode: 'YT' })),
      );
      // Distinct, known change times (ties are broken by id, newest-first too).
      for (const [i, id] of ids.entries())
        await api.dataSource.query(`UPDATE person SET updated_at = now() - make_interval(mins => $2) WHERE id = $1`, [id, i * 5]);
      await api.dataSource.query(`UPDATE person SET updated_at = now() + interval '1 minute' WHERE id = $1`, [ids[4]]);
      const filter = { provinceCodes: ['YT'], sort: 'UPDATED' };
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: Page = ok<{ people: Page }>(await api.graphql(LIST, { filter, first: 3, after }, staff)).people;
        seen.push(...page.nodes.map((n) => n.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual([ids[4], ids[0], ids[1], ids[2], ids[3], ids[5], ids[6]]);

      const byName = ok<{ people: Page }>(await api.graphql(LIST, { filter: { provinceCodes: ['YT'] }, first: 3 }, staff)).people;
      expect(errorCode(await api.graphql(LIST, { filter, first: 3, after: byName.pageInfo.endCursor }, staff))).toBe('BAD_USER_INPUT');
    });

    it('orders organizations the same way, and refuses an unknown order naming the field', async () => {
      const older = await createOrganization(api, { nameEn: 'AAA Sort Older', provinceCode: 'NU' });
      const newer = await createOrganization(api, { nameEn: 'ZZZ Sort Newer', provinceCode: 'NU' });
      await api.dataSource.query(`UPDATE organization SET updated_at = now() - interval '1 hour' WHERE id = $1`, [older.id]);
      const list = async (sort?: string) =>
        ok<{ organizations: Page }>(
          await api.graphql(
            'query($filter: OrganizationFilterInputType) { organizations(filter: $filter) { nodes { id } pageInfo { endCursor hasNextPage } } }',
            { filter: { provinceCodes: ['NU'], sort } },
            staff,
          ),
        ).organizations.nodes.map((n) => n.id);
      expect(await list()).toEqual([older.id, newer.id]);
      expect(await list('UPDATED')).toEqual([newer.id, older.id]);
      const unknown = await api.graphql('{ organizations(filter: { sort: SIZE }) { nodes { id } } }', {}, staff);
      expect(unknown.errors?.[0].message).toMatch(/SIZE/);
    });
  });

  describe('a list reads only the fields its query asks for', () => {
    it('answers them exactly as a lookup does, through fragments too', async () => {
      const org = await createOrganization(api, { nameEn: 'Shape Org', provinceCode: 'PE', city: 'Charlottetown', kind: 'faith_community' });
      const person = await createPerson(api, {
        firstName: 'Shape',
        lastName: 'Tester',
        provinceCode: 'PE',
        emails: ['shape@example.org'],
        notes: 'Met at the PEI forum',
        livedExperience: true,
        affiliations: [{ organizationId: org.id, title: 'Chair' }],
      });
      const fields = 'id firstName emails notes livedExperience createdAt affiliations { title organization { id kind city createdAt membership } }';
      const listed = ok<{ people: { nodes: Record<string, unknown>[] } }>(
        await api.graphql(`query { people(filter: { provinceCodes: ["PE"] }) { nodes { ...P } } } fragment P on Person { ${fields} }`, {}, staff),
      ).people.nodes;
      const looked = ok<{ person: Record<string, unknown> }>(
        await api.graphql(`query($id: ID!) { person(id: $id) { ${fields} } }`, { id: person.id }, staff),
      ).person;
      expect(listed).toEqual([looked]);
      expect(looked).toMatchObject({
        emails: ['shape@example.org'],
        notes: 'Met at the PEI forum',
        livedExperience: true,
        affiliations: [{ title: 'Chair', organization: { kind: 'faith_community', city: 'Charlottetown' } }],
      });
      // No affiliations asked for: none read, the rest as before.
      const bare = ok<{ people: { nodes: Record<string, unknown>[] } }>(
        await api.graphql('{ people(filter: { provinceCodes: ["PE"] }) { nodes { id lastName } } }', {}, staff),
      ).people.nodes;
      expect(bare).toEqual([{ id: person.id, lastName: 'Tester' }]);
    });
  });

  describe('SQL statements per request', () => {
    let statements: string[] | null = null;

    beforeAll(async () => {
      const logger = api.dataSource.logger;
      const original = logger.logQuery.bind(logger);
      logger.logQuery = (query, parameters, queryRunner) => {
        statements?.push(query);
        return original(query, parameters, queryRunner);
      };
      const orgs: string[] = [];
      for (let i = 0; i < 5; i += 1) orgs.push((await createOrganization(api, { nameEn: `NL Org ${i}`, provinceCode: 'NL' })).id);
      await insertPeople(
        api,
        Array.from({ length: 120 }, (_, i) => ({
          firstName: `Person${i}`,
          lastName: `Newfoundland${i % 13}`,
          provinceCode: 'NL',
          engagementStage: 'engaged',
          organizationId: orgs[i % orgs.length],
        })),
      );
    });

    const counted = async (query: string, token = staff) => {
      statements = [];
      const result = await api.graphql(query, {}, token);
      const issued = statements;
      statements = null;
      return { result, issued };
    };

    it('a 50-row page of people with their organizations and engagement stage costs at most 3 statements', async () => {
      const { result, issued } = await counted(
        '{ people(first: 50, filter: { provinceCodes: ["NL"] }) { nodes { id firstName lastName engagementStage affiliations { title organization { id ' +
          'nameEn } } } pageInfo { endCursor hasNextPage } } }',
      );
      const nodes = ok<{ people: { nodes: { affiliations: unknown[] }[] } }>(result).people.nodes;
      expect(nodes).toHaveLength(50);
      expect(nodes.every((n) => n.affiliations.length === 1)).toBe(true);
      // Counted: everything the request sends, including the session look-up.
      expect(issued.length).toBeLessThanOrEqual(3);
    });

    it('the same for a coordinator (scope in the same statement)', async () => {
      const { issued } = await counted(
        '{ people(first: 50) { nodes { id engagementStage affiliations { organization { nameEn } } } } }',
        await api.tokenFor('COORDINATOR'),
      );
      expect(issued.length).toBeLessThanOrEqual(3);
    });

    it('organizations with their people cost one statement per level, whatever the page size', async () => {
      const { result, issued } = await counted(
        '{ organizations(first: 10, filter: { provinceCodes: ["NL"] }) { nodes { id people(first: 10) { id affiliations { title } } } } }',
      );
      const nodes = ok<{ organizations: { nodes: { people: unknown[] }[] } }>(result).organizations.nodes;
      expect(nodes).toHaveLength(5);
      expect(nodes.every((n) => n.people.length === 10)).toBe(true);
      expect(issued.length).toBeLessThanOrEqual(4);
    });
  });
});
