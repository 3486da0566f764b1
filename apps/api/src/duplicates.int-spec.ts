import { ApiHarness } from './testing/api-harness';
import { createOrganization, createPerson, errorCode, ok } from './testing/records-fixtures';

// Duplicates at entry (decision 032): before adding a person or an organization the
// form asks who may already be there: the same e-mail, or a close name in the same city.
describe('records: likely duplicates before adding', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api?.close());

  const personDuplicates = async (input: Record<string, unknown>, role: 'STAFF' | 'COORDINATOR' = 'STAFF') =>
    ok<{ personDuplicates: { id: string; firstName: string; lastName: string }[] }>(
      await api.graphql(
        'query($input: PersonDuplicatesInputType!) { personDuplicates(input: $input) { id firstName lastName } }',
        { input },
        await api.tokenFor(role),
      ),
    ).personDuplicates.map((person) => person.id);

  it('finds a close name in the same city, or the same e-mail anywhere the caller may see', async () => {
    const jean = await createPerson(api, {
      firstName: 'Jean-Marc',
      lastName: 'Tremblay',
      provinceCode: 'ON',
      city: 'Sudbury',
      emails: ['jm.tremblay@example.org'],
    });
    await createPerson(api, { firstName: 'Jean-Marc', lastName: 'Tremblay', provinceCode: 'ON', city: 'Kingston' });

    // A typo and other case and accents, same city: found.
    expect(await personDuplicates({ firstName: 'jean marc', lastName: 'Tremblai', provinceCode: 'ON', city: 'SUDBURY' })).toEqual([jean.id]);
    // The same name elsewhere is someone else.
    expect(await personDuplicates({ firstName: 'Jean-Marc', lastName: 'Tremblay', provinceCode: 'ON', city: 'Timmins' })).toEqual([]);
    // Another name, the same e-mail: found, whatever the city.
    expect(await personDuplicates({ firstName: 'J', lastName: 'T', emails: ['JM.Tremblay@example.org'], provinceCode: 'ON', city: 'Ottawa' })).toEqual([
      jean.id,
    ]);
    // No city: the same province.
    expect((await personDuplicates({ firstName: 'Jean-Marc', lastName: 'Tremblay', provinceCode: 'ON' })).length).toBe(2);
  });

  it('never shows a coordinator someone outside their regions', async () => {
    const bc = await createPerson(api, { firstName: 'Xiomara', lastName: 'Quillfeather', provinceCode: 'BC', city: 'Victoria', emails: ['xq@example.org'] });
    expect(await personDuplicates({ firstName: 'Xiomara', lastName: 'Quillfeather', provinceCode: 'BC', city: 'Victoria' })).toEqual([bc.id]);
    expect(
      await personDuplicates(
        { firstName: 'Xiomara', lastName: 'Quillfeather', emails: ['xq@example.org'], provinceCode: 'ON', city: 'Victoria' },
        'COORDINATOR',
      ),
    ).toEqual([]);
  });

  it('refuses a bad e-mail with its field path and changes nothing', async () => {
    const result = await api.graphql(
      'query($input: PersonDuplicatesInputType!) { personDuplicates(input: $input) { id } }',
      { input: { firstName: 'Amina', emails: ['not-an-e-mail'] } },
      await api.tokenFor('STAFF'),
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ path: ['input', 'emails', 0], code: 'email' })]);
  });

  it('finds an organization by its English or French name in the same city, or by its e-mail', async () => {
    const organization = await createOrganization(api, {
      nameEn: 'Northern Lights Welcome Centre',
      nameFr: 'Centre d’accueil Aurores boréales',
      provinceCode: 'MB',
      city: 'Thompson',
      email: 'hello@northernlights.example.org',
    });
    const find = async (input: Record<string, unknown>) =>
      ok<{ organizationDuplicates: { id: string }[] }>(
        await api.graphql(
          'query($input: OrganizationDuplicatesInputType!) { organizationDuplicates(input: $input) { id } }',
          { input },
          await api.tokenFor('STAFF'),
        ),
      ).organizationDuplicates.map((o) => o.id);
    expect(await find({ nameEn: 'Northern Light Welcome Center', provinceCode: 'MB', city: 'thompson' })).toEqual([organization.id]);
    expect(await find({ nameEn: 'Something else', nameFr: 'Aurores boreales', provinceCode: 'MB', city: 'Thompson' })).toEqual([organization.id]);
    expect(await find({ nameEn: 'Northern Lights Welcome Centre', provinceCode: 'MB', city: 'Brandon' })).toEqual([]);
    expect(await find({ nameEn: 'Another', email: 'HELLO@northernlights.example.org', provinceCode: 'ON' })).toEqual([organization.id]);
  });

  describe('merge, field by field', () => {
    const mergePeople = async (input: Record<string, unknown>) =>
      api.graphql(
        'mutation($input: MergeRecordsInputType!) { mergePeople(input: $input) { id firstName city emails version } }',
        { input },
        await api.tokenFor('STAFF'),
      );

    it('takes the chosen fields from the duplicate, combines the lists, and says so in the audit entry', async () => {
      const survivor = await createPerson(api, { firstName: 'Jon', lastName: 'Merge-Choice', provinceCode: 'ON', city: 'Ottawa', emails: ['jon@example.org'] });
      const duplicate = await createPerson(api, {
        firstName: 'Jonathan',
        lastName: 'Merge-Choice',
        provinceCode: 'ON',
        city: 'Kanata',
        emails: ['jonathan@example.org'],
      });
      const merged = ok<{ mergePeople: { firstName: string; city: string; emails: string[] } }>(
        await mergePeople({
          survivorId: survivor.id,
          survivorVersion: survivor.version,
          duplicateId: duplicate.id,
          duplicateVersion: duplicate.version,
          fromDuplicate: ['firstName'],
        }),
      ).mergePeople;
      // The first name chosen from the duplicate; the city not chosen stays the survivor's; e-mails of both.
      expect(merged).toMatchObject({ firstName: 'Jonathan', city: 'Ottawa' });
      expect([...merged.emails].sort()).toEqual(['jon@example.org', 'jonathan@example.org']);
      const [entry]: { changes: { fromDuplicate: { to: string[] } } }[] = await api.dataSource.query(
        `SELECT changes FROM audit_entry WHERE action = 'person.merge' AND subject_id = $1`,
        [survivor.id],
      );
      expect(entry.changes.fromDuplicate.to).toEqual(['firstName']);
    });

    it('refuses a field that is combined or not choosable, by its path, and changes nothing', async () => {
      const survivor = await createPerson(api, { firstName: 'Ana', lastName: 'Merge-Refused', provinceCode: 'ON' });
      const duplicate = await createPerson(api, { firstName: 'Anna', lastName: 'Merge-Refused', provinceCode: 'ON' });
      const result = await mergePeople({
        survivorId: survivor.id,
        survivorVersion: survivor.version,
        duplicateId: duplicate.id,
        duplicateVersion: duplicate.version,
        fromDuplicate: ['city', 'emails'],
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ path: ['input', 'fromDuplicate', 1], code: 'invalid' })]);
      const rows: { archived_at: Date | null; version: number }[] = await api.dataSource.query(
        'SELECT archived_at, version FROM person WHERE id = ANY($1::uuid[])',
        [[survivor.id, duplicate.id]],
      );
      expect(rows.map((row) => [row.archived_at, row.version])).toEqual([
        [null, 1],
        [null, 1],
      ]);
    });
  });
});
