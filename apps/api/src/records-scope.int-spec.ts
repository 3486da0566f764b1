import { ApiHarness } from './testing/api-harness';
import {
  createOrganization,
  createPerson,
  errorCode,
  ok,
  personFields,
  personRow,
  userId,
  type CreatedOrganization,
  type CreatedPerson,
} from './testing/records-fixtures';

const missingId = '00000000-0000-4000-8000-00000000dead';

describe('records: who sees which organizations and people', () => {
  let api: ApiHarness;
  let ontarioOrg: CreatedOrganization;
  let quebecOrg: CreatedOrganization;
  let ontarioPerson: CreatedPerson;
  let quebecPerson: CreatedPerson;
  let ontarioCoordinator: string;
  let quebecCoordinator: string;
  let memberOrganizationId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    ontarioCoordinator = await userId(api, 'COORDINATOR');
    quebecCoordinator = await userId(api, 'COORDINATOR_QC');
    [{ organization_id: memberOrganizationId }] = await api.dataSource.query(
      `SELECT organization_id FROM app_user WHERE lower(email) = 'member@demo.coalition.invalid'`,
    );
    ontarioOrg = await createOrganization(api, { nameEn: 'Toronto Newcomer Hub', provinceCode: 'ON' });
    quebecOrg = await createOrganization(api, { nameEn: 'Montreal Refugee Centre', nameFr: 'Centre des réfugiés de Montréal', provinceCode: 'QC' });
    ontarioPerson = await createPerson(api, {
      firstName: 'Olu',
      lastName: 'Adeyemi',
      provinceCode: 'ON',
      ownerId: ontarioCoordinator,
      livedExperience: true,
      emails: ['olu@example.org'],
      // Also affiliated with a Quebec organization the Ontario coordinator may not see.
      affiliations: [
        { organizationId: ontarioOrg.id, title: 'Director' },
        { organizationId: quebecOrg.id, title: 'Adviser' },
      ],
    });
    quebecPerson = await createPerson(api, {
      firstName: 'Marie',
      lastName: 'Tremblay',
      provinceCode: 'QC',
      ownerId: quebecCoordinator,
      emails: ['marie.tremblay@example.org'],
      phones: ['514-555-0100'],
      notes: 'Met at the Montréal vigil',
      // A Quebec person affiliated with an Ontario organization: still invisible to Ontario.
      affiliations: [
        { organizationId: quebecOrg.id, title: 'Pastor' },
        { organizationId: ontarioOrg.id, title: 'Volunteer' },
      ],
    });
  });
  afterAll(() => api?.close());

  const as = async (role: Parameters<ApiHarness['tokenFor']>[0], query: string, variables: Record<string, unknown> = {}) =>
    api.graphql(query, variables, await api.tokenFor(role));

  describe('an Ontario coordinator and a Quebec person', () => {
    it('coordinator cannot see a person outside their regions in the list', async () => {
      const data = ok<{ people: { nodes: { id: string }[] } }>(await as('COORDINATOR', '{ people(first: 200) { nodes { id } } }'));
      const ids = data.people.nodes.map((n) => n.id);
      expect(ids).toContain(ontarioPerson.id);
      expect(ids).not.toContain(quebecPerson.id);
      const filtered = ok<{ people: { nodes: unknown[] } }>(await as('COORDINATOR', '{ people(filter: { provinceCodes: ["QC"] }) { nodes { id } } }'));
      expect(filtered.people.nodes).toEqual([]);
    });

    it('coordinator cannot find a person outside their regions by search', async () => {
      const data = ok<{ searchDirectory: { organizations: { id: string }[]; people: { id: string }[] } }>(
        await as('COORDINATOR', '{ searchDirectory(text: "tremblay") { organizations { id } people { id } } }'),
      );
      expect(data.searchDirectory.people).toEqual([]);
      const orgs = ok<{ searchDirectory: { organizations: { id: string }[] } }>(
        await as('COORDINATOR', '{ searchDirectory(text: "montreal") { organizations { id } people { id } } }'),
      );
      expect(orgs.searchDirectory.organizations).toEqual([]);
      const list = ok<{ people: { nodes: unknown[] } }>(await as('COORDINATOR', '{ people(filter: { search: "Marie Tremblay" }) { nodes { id } } }'));
      expect(list.people.nodes).toEqual([]);
    });

    it('coordinator looking up a person outside their regions by id gets NOT_FOUND, as for a missing id', async () => {
      const outOfScope = await as('COORDINATOR', `{ person(id: "${quebecPerson.id}") { id firstName } }`);
      const missing = await as('COORDINATOR', `{ person(id: "${missingId}") { id firstName } }`);
      expect(errorCode(outOfScope)).toBe('NOT_FOUND');
      expect(outOfScope.errors).toEqual(missing.errors);
      expect(outOfScope.data).toEqual(missing.data);
      expect(JSON.stringify(outOfScope)).not.toContain('Marie');
    });

    it("coordinator does not see a person outside their regions among an organization's people", async () => {
      const data = ok<{ organization: { people: { id: string }[] } }>(
        await as('COORDINATOR', `{ organization(id: "${ontarioOrg.id}") { people { id firstName } } }`),
      );
      expect(data.organization.people.map((p) => p.id)).toEqual([ontarioPerson.id]);
      const list = ok<{ organizations: { nodes: { id: string; people: { id: string }[] }[] } }>(
        await as('COORDINATOR', '{ organizations { nodes { id people { id } } } }'),
      );
      const hub = list.organizations.nodes.find((o) => o.id === ontarioOrg.id)!;
      expect(hub.people.map((p) => p.id)).toEqual([ontarioPerson.id]);
    });

    it("coordinator does not see an organization outside their regions among a person's affiliations", async () => {
      const data = ok<{ person: CreatedPerson }>(await as('COORDINATOR', `{ person(id: "${ontarioPerson.id}") { ${personFields} } }`));
      expect(data.person.affiliations).toEqual([{ title: 'Director', organization: { id: ontarioOrg.id, nameEn: 'Toronto Newcomer Hub' } }]);
      const staff = ok<{ person: CreatedPerson }>(await as('STAFF', `{ person(id: "${ontarioPerson.id}") { ${personFields} } }`));
      expect(staff.person.affiliations).toHaveLength(2);
    });

    it('coordinator cannot update a person outside their regions (NOT_FOUND, nothing changed)', async () => {
      const before = await personRow(api, quebecPerson.id);
      const result = await as('COORDINATOR', 'mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id } }', {
        input: { id: quebecPerson.id, version: quebecPerson.version, city: 'Toronto' },
      });
      expect(errorCode(result)).toBe('NOT_FOUND');
      expect(await personRow(api, quebecPerson.id)).toEqual(before);
    });

    it('coordinator cannot archive a person outside their regions (NOT_FOUND)', async () => {
      const result = await as('COORDINATOR', 'mutation($input: RecordVersionInputType!) { archivePerson(input: $input) { id } }', {
        input: { id: quebecPerson.id, version: quebecPerson.version },
      });
      expect(errorCode(result)).toBe('NOT_FOUND');
    });

    it('coordinator cannot merge a person outside their regions (refused like any merge, nothing changed)', async () => {
      const before = [await personRow(api, ontarioPerson.id), await personRow(api, quebecPerson.id)];
      const merge = async (survivor: CreatedPerson, duplicate: CreatedPerson) =>
        as('COORDINATOR', 'mutation($input: MergeRecordsInputType!) { mergePeople(input: $input) { id } }', {
          input: { survivorId: survivor.id, survivorVersion: survivor.version, duplicateId: duplicate.id, duplicateVersion: duplicate.version },
        });
      const crossRegion = await merge(ontarioPerson, quebecPerson);
      // Coordinators may not merge at all: the answer is the same whatever the ids, so it tells nothing.
      const sameRegion = await merge(quebecPerson, ontarioPerson);
      expect(errorCode(crossRegion)).toBe('FORBIDDEN');
      expect(crossRegion.errors).toEqual(sameRegion.errors);
      expect([await personRow(api, ontarioPerson.id), await personRow(api, quebecPerson.id)]).toEqual(before);
    });

    it('coordinator cannot read the timeline of a person outside their regions', async () => {
      const result = await as('COORDINATOR', `{ timeline(subjectType: Person, subjectId: "${quebecPerson.id}") { nodes { id } } }`);
      expect(errorCode(result)).toBe('NOT_FOUND');
      const own = ok<{ timeline: { nodes: { kind: string }[] } }>(
        await as('COORDINATOR', `{ timeline(subjectType: Person, subjectId: "${ontarioPerson.id}") { nodes { kind } } }`),
      );
      expect(own.timeline.nodes.map((n) => n.kind)).toEqual(['record.created']);
    });

    it('coordinator filtering people by an organization outside their regions gets nobody', async () => {
      const filter = `{ people(filter: { organizationId: "${quebecOrg.id}" }) { nodes { id } } }`;
      expect(ok<{ people: { nodes: unknown[] } }>(await as('COORDINATOR', filter)).people.nodes).toEqual([]);
      const staffIds = ok<{ people: { nodes: { id: string }[] } }>(await as('STAFF', filter)).people.nodes.map((n) => n.id);
      expect(staffIds.sort()).toEqual([ontarioPerson.id, quebecPerson.id].sort());
    });

    it('Quebec coordinator sees the Quebec person and not the Ontario one', async () => {
      const data = ok<{ people: { nodes: { id: string }[] } }>(await as('COORDINATOR_QC', '{ people(first: 200) { nodes { id } } }'));
      expect(data.people.nodes.map((n) => n.id)).toEqual([quebecPerson.id]);
    });

    // The export path is covered in csv-export.int-spec.ts ('coordinator in Ontario cannot export a person in Quebec…').
  });

  describe('FUNDER gets nothing personal by any path', () => {
    const paths: [string, () => string][] = [
      ['people list', () => '{ people { nodes { firstName lastName emails phones notes } } }'],
      ['person lookup', () => `{ person(id: "${quebecPerson.id}") { firstName emails } }`],
      ['search', () => '{ searchDirectory(text: "Tremblay") { people { firstName } organizations { nameEn } } }'],
      ['organization list with nested people', () => '{ organizations { nodes { people { firstName } } } }'],
      ['organization lookup with nested people', () => `{ organization(id: "${quebecOrg.id}") { people { firstName emails } } }`],
      ['person timeline', () => `{ timeline(subjectType: Person, subjectId: "${quebecPerson.id}") { nodes { summary } } }`],
      ['organization timeline', () => `{ timeline(subjectType: Organization, subjectId: "${quebecOrg.id}") { nodes { summary } } }`],
      ['update person', () => `mutation { updatePerson(input: { id: "${quebecPerson.id}", version: 1, city: "X" }) { firstName } }`],
      ['create person', () => 'mutation { createPerson(input: { firstName: "Eve", provinceCode: "QC" }) { firstName } }'],
      [
        'merge people',
        () =>
          `mutation { mergePeople(input: { survivorId: "${quebecPerson.id}", survivorVersion: 1, duplicateId: "${ontarioPerson.id}", duplicateVersion: 1 }) ` +
          `{ firstName } }`,
      ],
      ['archive person', () => `mutation { archivePerson(input: { id: "${quebecPerson.id}", version: 1 }) { firstName } }`],
    ];

    it.each(paths)('funder is refused on the %s and receives no personal value', async (_name, document) => {
      const result = await as('FUNDER', document());
      expect(errorCode(result)).toBe('FORBIDDEN');
      const body = JSON.stringify(result);
      for (const value of ['Marie', 'Tremblay', 'Olu', 'Adeyemi', 'example.org', '555', 'vigil']) expect(body).not.toContain(value);
    });
  });

  describe('MEMBER: their own organization only, never people', () => {
    it('member lists only their own organization', async () => {
      const data = ok<{ organizations: { nodes: { id: string }[] } }>(await as('MEMBER', '{ organizations { nodes { id } } }'));
      expect(data.organizations.nodes.map((n) => n.id)).toEqual([memberOrganizationId]);
    });

    it('member looking up another organization gets NOT_FOUND', async () => {
      expect(errorCode(await as('MEMBER', `{ organization(id: "${ontarioOrg.id}") { id } }`))).toBe('NOT_FOUND');
    });

    it('member reads their organization, and its people as null: a field they may not read empties neither the page nor the answer', async () => {
      await api.dataSource.query(`INSERT INTO affiliation (person_id, organization_id, title) VALUES ($1, $2, 'Volunteer')`, [
        ontarioPerson.id,
        memberOrganizationId,
      ]);
      const result = await as('MEMBER', `{ organization(id: "${memberOrganizationId}") { nameEn people { firstName } } }`);
      expect(result.errors).toBeUndefined();
      const organization = ok<{ organization: { nameEn: string; people: unknown } }>(result).organization;
      expect(organization.nameEn).toBeTruthy();
      expect(organization.people).toBeNull();
      expect(JSON.stringify(result)).not.toContain('Olu');
      // The same field for a reader of people answers them.
      const staff = ok<{ organization: { people: { firstName: string }[] } }>(
        await as('STAFF', `{ organization(id: "${memberOrganizationId}") { people { firstName } } }`),
      );
      expect(staff.organization.people.map((p) => p.firstName)).toContain('Olu');
    });

    it('member search finds their organization and no people', async () => {
      const data = ok<{ searchDirectory: { organizations: { id: string }[]; people: unknown[] } }>(
        await as('MEMBER', '{ searchDirectory(text: "welcome centre") { organizations { id } people { id } } }'),
      );
      expect(data.searchDirectory.organizations.map((o) => o.id)).toEqual([memberOrganizationId]);
      expect(data.searchDirectory.people).toEqual([]);
    });

    it('member can update their own organization but not another one', async () => {
      const [{ version }] = await api.dataSource.query(`SELECT version FROM organization WHERE id = $1`, [memberOrganizationId]);
      const own = await as('MEMBER', 'mutation($input: UpdateOrganizationInputType!) { updateOrganization(input: $input) { city version } }', {
        input: { id: memberOrganizationId, version, city: 'Ottawa-Gatineau' },
      });
      expect(ok<{ updateOrganization: { city: string } }>(own).updateOrganization.city).toBe('Ottawa-Gatineau');
      const other = await as('MEMBER', 'mutation($input: UpdateOrganizationInputType!) { updateOrganization(input: $input) { id } }', {
        input: { id: ontarioOrg.id, version: ontarioOrg.version, city: 'Elsewhere' },
      });
      expect(errorCode(other)).toBe('NOT_FOUND');
    });

    it("member reads their organization without the coalition's internal notes; staff read them", async () => {
      await api.dataSource.query(`UPDATE organization SET notes = 'Internal: follow up on funding' WHERE id = $1`, [memberOrganizationId]);
      const query = `{ organization(id: "${memberOrganizationId}") { nameEn notes } }`;
      const member = ok<{ organization: { nameEn: string; notes: string | null } }>(await as('MEMBER', query)).organization;
      expect(member.nameEn).toBeTruthy();
      expect(member.notes).toBeNull();
      const listed = ok<{ organizations: { nodes: { notes: string | null }[] } }>(await as('MEMBER', '{ organizations { nodes { notes } } }')).organizations
        .nodes;
      expect(listed.map((n) => n.notes)).toEqual([null]);
      expect(ok<{ organization: { notes: string | null } }>(await as('STAFF', query)).organization.notes).toBe('Internal: follow up on funding');
    });

    it('member changes their profile, not the membership, tags or notes the coalition sets: each refused field is named, nothing changes', async () => {
      const [before] = await api.dataSource.query(`SELECT version, membership, website, notes FROM organization WHERE id = $1`, [memberOrganizationId]);
      const refused = await as('MEMBER', 'mutation($input: UpdateOrganizationInputType!) { updateOrganization(input: $input) { id } }', {
        input: {
          id: memberOrganizationId,
          version: before.version,
          website: 'https://changed.example.org',
          membership: before.membership === 'lapsed' ? 'member' : 'lapsed',
          notes: 'we are great',
        },
      });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      const fields = (refused.errors?.[0].extensions?.fields as { path: string[] }[]).map((f) => f.path.join('.'));
      expect(fields.sort()).toEqual(['input.membership', 'input.notes']);
      const [after] = await api.dataSource.query(`SELECT version, membership, website, notes FROM organization WHERE id = $1`, [memberOrganizationId]);
      expect(after).toEqual(before);
    });
  });

  describe('lived experience: ADMIN, STAFF and the owner only', () => {
    let unowned: CreatedPerson;
    let createdByCoordinator: CreatedPerson;

    beforeAll(async () => {
      unowned = await createPerson(api, { firstName: 'Yusuf', lastName: 'Haddad', provinceCode: 'ON', livedExperience: true });
      createdByCoordinator = await createPerson(
        api,
        { firstName: 'Grace', lastName: 'Osei', provinceCode: 'ON', ownerId: await userId(api, 'STAFF') },
        'COORDINATOR',
      );
    });

    it('owner and staff read it; another coordinator in the region reads null', async () => {
      const read = async (role: 'COORDINATOR' | 'STAFF', id: string) =>
        ok<{ person: { livedExperience: boolean | null } }>(await as(role, `{ person(id: "${id}") { livedExperience } }`)).person.livedExperience;
      expect(await read('COORDINATOR', ontarioPerson.id)).toBe(true);
      expect(await read('COORDINATOR', unowned.id)).toBeNull();
      expect(await read('STAFF', unowned.id)).toBe(true);
      const list = ok<{ people: { nodes: { id: string; livedExperience: boolean | null }[] } }>(
        await as('COORDINATOR', '{ people { nodes { id livedExperience } } }'),
      );
      expect(list.people.nodes.find((n) => n.id === unowned.id)?.livedExperience).toBeNull();
      expect(list.people.nodes.find((n) => n.id === ontarioPerson.id)?.livedExperience).toBe(true);
    });

    it('a coordinator who created a person but does not own them cannot set it (the field is named, nothing changed)', async () => {
      const before = await personRow(api, createdByCoordinator.id);
      const result = await as('COORDINATOR', 'mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id } }', {
        input: { id: createdByCoordinator.id, version: createdByCoordinator.version, livedExperience: true, city: 'Toronto' },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields).toEqual([
        { path: ['input', 'livedExperience'], code: 'notYours', message: 'You may not change this field.' },
      ]);
      expect(await personRow(api, createdByCoordinator.id)).toEqual(before);
      // Other fields of a person they created remain theirs to edit.
      const allowed = ok<{ updatePerson: { city: string } }>(
        await as('COORDINATOR', 'mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { city } }', {
          input: { id: createdByCoordinator.id, version: createdByCoordinator.version, city: 'Toronto' },
        }),
      );
      expect(allowed.updatePerson.city).toBe('Toronto');
    });

    it('a coordinator may record it for a person they will own, not for someone else’s', async () => {
      const own = await createPerson(api, { firstName: 'Abebe', lastName: 'Kebede', provinceCode: 'ON', livedExperience: true }, 'COORDINATOR');
      expect(own.livedExperience).toBe(true);
      const result = await as('COORDINATOR', 'mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id } }', {
        input: { firstName: 'Selam', provinceCode: 'ON', ownerId: await userId(api, 'STAFF'), livedExperience: true },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields).toEqual([
        { path: ['input', 'livedExperience'], code: 'notYours', message: 'You may not change this field.' },
      ]);
    });

    it('the timeline does not even name the field to those who may not read it', async () => {
      const [{ version }] = await api.dataSource.query(`SELECT version FROM person WHERE id = $1`, [unowned.id]);
      ok(
        await as('STAFF', 'mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id } }', {
          input: { id: unowned.id, version, livedExperience: false, city: 'Kingston' },
        }),
      );
      const nodes = ok<{ timeline: { nodes: { kind: string; summary: Record<string, unknown> }[] } }>(
        await as('COORDINATOR', `{ timeline(subjectType: Person, subjectId: "${unowned.id}") { nodes { kind summary } } }`),
      ).timeline.nodes;
      expect(nodes[0]).toEqual({ kind: 'record.updated', summary: { fields: ['city'] } });
      unowned = { ...unowned, version: version + 1 };
    });

    it('a coordinator cannot edit a person in their region they neither created nor own (FORBIDDEN)', async () => {
      const result = await as('COORDINATOR', 'mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id } }', {
        input: { id: unowned.id, version: unowned.version, city: 'Ottawa' },
      });
      expect(errorCode(result)).toBe('FORBIDDEN');
    });

    it('a coordinator cannot add a person outside their regions (names the field)', async () => {
      const result = await as('COORDINATOR', 'mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id } }', {
        input: { firstName: 'Jean', provinceCode: 'QC' },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields).toEqual([
        { path: ['input', 'provinceCode'], code: 'outsideRegions', message: 'This is outside your regions.' },
      ]);
    });
  });
});
