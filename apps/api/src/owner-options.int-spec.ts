import { ApiHarness, type DemoRole } from './testing/api-harness';
import { createOrganization, createPerson, errorCode, ok, userId } from './testing/records-fixtures';

const ownersDoc = '{ assignableOwners { id name role } }';
const createPersonDoc = `mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id ownerId } }`;
const updatePersonDoc = `mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id ownerId version } }`;
const updateOrganizationDoc = `mutation($input: UpdateOrganizationInputType!) { updateOrganization(input: $input) { id ownerId version } }`;

describe('choosing an owner: assignableOwners and the ownerId check', () => {
  let api: ApiHarness;
  let ids: Record<'admin' | 'staff' | 'ontario' | 'quebec' | 'member' | 'funder' | 'capital' | 'retired', string>;

  beforeAll(async () => {
    api = await ApiHarness.start();
    const id = (role: DemoRole) => userId(api, role);
    const insertUser = async (email: string, name: string, active: boolean): Promise<string> => {
      const [row]: { id: string }[] = await api.dataSource.query(
        `INSERT INTO app_user (email, name, role, preferred_language, active) VALUES ($1, $2, 'COORDINATOR', 'en', $3) RETURNING id`,
        [email, name, active],
      );
      return row.id;
    };
    ids = {
      admin: await id('ADMIN'),
      staff: await id('STAFF'),
      ontario: await id('COORDINATOR'),
      quebec: await id('COORDINATOR_QC'),
      member: await id('MEMBER'),
      funder: await id('FUNDER'),
      // A coordinator whose region shares Ontario and Quebec with the demo coordinators, and an inactive Ontario one.
      capital: await insertUser('capital@example.org', 'Cam Capital', true),
      retired: await insertUser('retired@example.org', 'Rita Retired', false),
    };
    const [region]: { id: string }[] = await api.dataSource.query(
      `INSERT INTO region (code, name_en, name_fr) VALUES ('capital', 'Capital', 'Capitale') RETURNING id`,
    );
    await api.dataSource.query(`INSERT INTO region_province (region_id, province_code) VALUES ($1, 'ON'), ($1, 'QC')`, [region.id]);
    await api.dataSource.query(`INSERT INTO user_region (user_id, region_id) VALUES ($1, $2)`, [ids.capital, region.id]);
    await api.dataSource.query(`INSERT INTO user_region (user_id, region_id) SELECT $1, region_id FROM user_region WHERE user_id = $2`, [
      ids.retired,
      ids.ontario,
    ]);
  });
  afterAll(() => api?.close());

  const as = async (role: DemoRole, query: string, variables: Record<string, unknown> = {}) => api.graphql(query, variables, await api.tokenFor(role));
  const ownersOf = async (role: DemoRole) => ok<{ assignableOwners: { id: string; name: string; role: string }[] }>(await as(role, ownersDoc)).assignableOwners;

  describe('assignableOwners', () => {
    it.each<DemoRole>(['ADMIN', 'STAFF'])('%s sees every active staff, admin and coordinator account, by name', async (role) => {
      const owners = await ownersOf(role);
      expect(owners.map((o) => o.id)).toEqual([ids.admin, ids.capital, ids.ontario, ids.quebec, ids.staff]);
      expect(owners[0]).toEqual({ id: ids.admin, name: 'Alex Admin', role: 'ADMIN' });
    });

    it('a coordinator sees national staff, themselves and coordinators sharing one of their provinces', async () => {
      expect((await ownersOf('COORDINATOR')).map((o) => o.id)).toEqual([ids.admin, ids.capital, ids.ontario, ids.staff]);
      expect((await ownersOf('COORDINATOR_QC')).map((o) => o.id)).toEqual([ids.admin, ids.capital, ids.quebec, ids.staff]);
    });

    it.each<DemoRole>(['MEMBER', 'FUNDER'])('%s is refused', async (role) => {
      expect(errorCode(await as(role, ownersDoc))).toBe('FORBIDDEN');
    });

    it('nobody signed in is asked to sign in', async () => {
      expect(errorCode(await api.graphql(ownersDoc))).toBe('UNAUTHENTICATED');
    });

    it('an owner option carries no contact details', async () => {
      const type = ok<{ __type: { fields: { name: string }[] } }>(await as('STAFF', '{ __type(name: "OwnerOption") { fields { name } } }')).__type;
      expect(type.fields.map((f) => f.name).sort()).toEqual(['id', 'name', 'role']);
    });
  });

  describe('ownerId must be an account the caller could choose', () => {
    const fieldsOf = (result: Awaited<ReturnType<ApiHarness['graphql']>>) => result.errors?.[0].extensions?.fields?.map((f) => f.path);

    it('a coordinator may hand a new person to a coordinator sharing their provinces, or to national staff', async () => {
      for (const ownerId of [ids.capital, ids.staff]) {
        const created = ok<{ createPerson: { ownerId: string } }>(
          await as('COORDINATOR', createPersonDoc, { input: { firstName: 'Shared', provinceCode: 'ON', ownerId } }),
        );
        expect(created.createPerson.ownerId).toBe(ownerId);
      }
    });

    it.each<[string, keyof typeof ids]>([
      ['a coordinator of other provinces', 'quebec'],
      ['an inactive account', 'retired'],
      ['a member contact', 'member'],
    ])('a coordinator cannot hand a person to %s: BAD_USER_INPUT on ownerId', async (_name, owner) => {
      const result = await as('COORDINATOR', createPersonDoc, { input: { firstName: 'Handed', provinceCode: 'ON', ownerId: ids[owner] } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual([['input', 'ownerId']]);
    });

    it('staff may make any active coordinator the owner of a person, but not a funder', async () => {
      const person = await createPerson(api, { firstName: 'Reassigned', provinceCode: 'QC' });
      const moved = ok<{ updatePerson: { ownerId: string; version: number } }>(
        await as('STAFF', updatePersonDoc, { input: { id: person.id, version: person.version, ownerId: ids.quebec } }),
      );
      expect(moved.updatePerson.ownerId).toBe(ids.quebec);
      const refused = await as('STAFF', updatePersonDoc, { input: { id: person.id, version: moved.updatePerson.version, ownerId: ids.funder } });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(refused)).toEqual([['input', 'ownerId']]);
    });

    it('an organization takes an owner the same way; an inactive account or a member contact is refused', async () => {
      const org = await createOrganization(api, { nameEn: 'Owner Test Centre', provinceCode: 'ON' });
      const changed = ok<{ updateOrganization: { ownerId: string; version: number } }>(
        await as('STAFF', updateOrganizationDoc, { input: { id: org.id, version: org.version, ownerId: ids.ontario } }),
      );
      expect(changed.updateOrganization.ownerId).toBe(ids.ontario);
      for (const ownerId of [ids.retired, ids.member]) {
        const refused = await as('STAFF', updateOrganizationDoc, { input: { id: org.id, version: changed.updateOrganization.version, ownerId } });
        expect(errorCode(refused)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(refused)).toEqual([['input', 'ownerId']]);
      }
    });

    it('a member contact cannot choose an owner for their own organization', async () => {
      const [org]: { id: string; version: number }[] = await api.dataSource.query(
        `SELECT o.id, o.version FROM organization o JOIN app_user u ON u.organization_id = o.id WHERE u.id = $1`,
        [ids.member],
      );
      const refused = await as('MEMBER', updateOrganizationDoc, { input: { id: org.id, version: org.version, ownerId: ids.staff } });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(refused)).toEqual([['input', 'ownerId']]);
    });
  });
});
