import { ApiHarness } from './testing/api-harness';
import { createOrganization, createPerson, errorCode, ok } from './testing/records-fixtures';

// The possible-duplicates queue (issue 10, decision 027): pairs by the same e-mail or the
// same name in the same city, paged, for those who merge; "not a duplicate" remembered
// and audited.

type Pair = { reason: string; first: { id: string; name: string }; second: { id: string; name: string } };
type Page = { nodes: Pair[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

const pairsQuery = (field: string) => `query($reason: DuplicateReason!, $first: Int, $after: String) {
  ${field}(reason: $reason, first: $first, after: $after) { nodes { reason first { id name } second { id name } } pageInfo { endCursor hasNextPage } } }`;

describe('possible duplicates queue', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api?.close());

  /** Every pair of a rule, page by page (`first` at a time), as `role`. */
  async function allPairs(field: string, reason: string, first = 2, role: 'STAFF' | 'ADMIN' = 'STAFF'): Promise<Pair[]> {
    const pairs: Pair[] = [];
    let after: string | null = null;
    for (let page = 0; page < 500; page++) {
      const result: Page = ok<Record<string, Page>>(await api.graphql(pairsQuery(field), { reason, first, after }, await api.tokenFor(role)))[field];
      pairs.push(...result.nodes);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    return pairs;
  }
  const has = (pairs: Pair[], a: string, b: string) => pairs.some((p) => [p.first.id, p.second.id].sort().join() === [a, b].sort().join());

  it('pairs people by the same e-mail (any case) and by the same name in the same city, page by page, each pair once', async () => {
    const a = await createPerson(api, { firstName: 'Amina', lastName: 'Diallo', provinceCode: 'ON', city: 'Ottawa', emails: ['amina.diallo@example.org'] });
    const b = await createPerson(api, {
      firstName: 'amina',
      lastName: 'DIALLO',
      provinceCode: 'ON',
      city: 'ottawa',
      emails: ['other@example.org', 'Amina.Diallo@example.org'],
    });
    const c = await createPerson(api, { firstName: 'Amina', lastName: 'Diallo', provinceCode: 'ON', city: 'Toronto' });

    const byEmail = await allPairs('personDuplicatePairs', 'EMAIL');
    expect(has(byEmail, a.id, b.id)).toBe(true);
    expect(has(byEmail, a.id, c.id)).toBe(false);
    const byName = await allPairs('personDuplicatePairs', 'NAME_CITY');
    expect(has(byName, a.id, b.id)).toBe(true);
    expect(has(byName, a.id, c.id) || has(byName, b.id, c.id)).toBe(false);
    // Paging neither repeats nor loses a pair.
    for (const pairs of [byEmail, byName]) {
      const keys = pairs.map((p) => `${p.first.id}/${p.second.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(pairs.every((p) => p.first.id < p.second.id)).toBe(true);
    }
    expect((await allPairs('personDuplicatePairs', 'EMAIL', 200)).length).toBe(byEmail.length);

    // A changed e-mail changes the queue (the e-mail index follows the record).
    ok(
      await api.graphql(
        `mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id } }`,
        { input: { id: b.id, version: b.version, emails: ['other@example.org'] } },
        await api.tokenFor('STAFF'),
      ),
    );
    expect(has(await allPairs('personDuplicatePairs', 'EMAIL'), a.id, b.id)).toBe(false);
  });

  it('remembers "not a duplicate": the pair does not come back, and both records say so in the audit log', async () => {
    const a = await createPerson(api, { firstName: 'Yusuf', lastName: 'Haddad', provinceCode: 'QC', city: 'Laval', emails: ['yusuf@example.org'] });
    const b = await createPerson(api, { firstName: 'Yusuf', lastName: 'Haddad', provinceCode: 'QC', city: 'Laval', emails: ['yusuf@example.org'] });
    expect(has(await allPairs('personDuplicatePairs', 'EMAIL'), a.id, b.id)).toBe(true);

    const dismiss = `mutation($a: ID!, $b: ID!) { dismissPersonDuplicate(firstId: $a, secondId: $b) }`;
    expect(ok<{ dismissPersonDuplicate: boolean }>(await api.graphql(dismiss, { a: b.id, b: a.id }, await api.tokenFor('STAFF'))).dismissPersonDuplicate).toBe(
      true,
    );
    expect(has(await allPairs('personDuplicatePairs', 'EMAIL'), a.id, b.id)).toBe(false);
    expect(has(await allPairs('personDuplicatePairs', 'NAME_CITY', 50, 'ADMIN'), a.id, b.id)).toBe(false);
    // Said twice, noted once.
    ok(await api.graphql(dismiss, { a: a.id, b: b.id }, await api.tokenFor('ADMIN')));
    const entries: { subject_id: string; changes: { notDuplicateOf: { to: string } } }[] = await api.dataSource.query(
      `SELECT subject_id, changes FROM audit_entry WHERE action = 'person.notDuplicate' AND subject_id = ANY($1::text[]) ORDER BY id`,
      [[a.id, b.id]],
    );
    expect(entries.map((e) => [e.subject_id, e.changes.notDuplicateOf.to]).sort()).toEqual(
      [
        [a.id, b.id],
        [b.id, a.id],
      ].sort(),
    );

    // A record nobody has, or the same record twice: refused, nothing remembered.
    expect(errorCode(await api.graphql(dismiss, { a: a.id, b: '00000000-0000-4000-8000-0000000000aa' }, await api.tokenFor('STAFF')))).toBe('NOT_FOUND');
    expect(errorCode(await api.graphql(dismiss, { a: a.id, b: a.id }, await api.tokenFor('STAFF')))).toBe('BAD_USER_INPUT');
    // Coordinators do not merge: no queue for them.
    expect(errorCode(await api.graphql(pairsQuery('personDuplicatePairs'), { reason: 'EMAIL' }, await api.tokenFor('COORDINATOR')))).toBe('FORBIDDEN');
  });

  it('keeps only the e-mails two active people share: a change, a merge or a deletion prunes one, a restore brings it back', async () => {
    const shared = async (email: string) => (await api.dataSource.query(`SELECT 1 FROM person_email_shared WHERE email = $1`, [email])).length === 1;
    const staff = await api.tokenFor('STAFF');
    const person = (email: string, lastName: string) =>
      createPerson(api, { firstName: 'Noor', lastName, provinceCode: 'MB', city: 'Brandon', emails: [email] });
    const update = `mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id version } }`;

    // An e-mail changed away.
    await person('noor.one@example.org', 'Karimi');
    const b = await person('Noor.One@example.org', 'Karimy');
    expect(await shared('noor.one@example.org')).toBe(true);
    ok(await api.graphql(update, { input: { id: b.id, version: b.version, emails: ['noor.two@example.org'] } }, staff));
    expect(await shared('noor.one@example.org')).toBe(false);
    expect(await shared('noor.two@example.org')).toBe(false);

    // A merge archives the duplicate: the pair is gone, so is the shared e-mail.
    const c = await person('noor.three@example.org', 'Karimi');
    const d = await person('noor.three@example.org', 'Karimi');
    expect(await shared('noor.three@example.org')).toBe(true);
    ok(
      await api.graphql(
        `mutation($input: MergeRecordsInputType!) { mergePeople(input: $input) { id } }`,
        { input: { survivorId: c.id, survivorVersion: c.version, duplicateId: d.id, duplicateVersion: d.version } },
        await api.tokenFor('ADMIN'),
      ),
    );
    expect(await shared('noor.three@example.org')).toBe(false);
    expect(has(await allPairs('personDuplicatePairs', 'EMAIL', 200), c.id, d.id)).toBe(false);

    // Archived, no pair; restored, the pair again.
    await person('noor.four@example.org', 'Karimi');
    const f = await person('noor.four@example.org', 'Karimi');
    const archived = ok<{ archivePerson: { version: number } }>(
      await api.graphql(
        `mutation($input: RecordVersionInputType!) { archivePerson(input: $input) { version } }`,
        { input: { id: f.id, version: f.version } },
        staff,
      ),
    ).archivePerson;
    expect(await shared('noor.four@example.org')).toBe(false);
    ok(
      await api.graphql(
        `mutation($input: RecordVersionInputType!) { restorePerson(input: $input) { id } }`,
        { input: { id: f.id, version: archived.version } },
        staff,
      ),
    );
    expect(await shared('noor.four@example.org')).toBe(true);

    // A person deleted outright (erasure) leaves nobody to pair with.
    const e = await person('noor.one@example.org', 'Karimi');
    expect(await shared('noor.one@example.org')).toBe(true);
    await api.dataSource.query(`DELETE FROM person WHERE id = $1`, [e.id]);
    expect(await shared('noor.one@example.org')).toBe(false);
  });

  it('pairs organizations by the same e-mail and by the same name in the same city', async () => {
    const a = await createOrganization(api, { nameEn: 'Halifax Newcomer Hub', provinceCode: 'NS', city: 'Halifax', email: 'hub@example.org' });
    const b = await createOrganization(api, { nameEn: 'halifax newcomer hub', provinceCode: 'NS', city: 'HALIFAX', email: 'HUB@example.org' });
    expect(has(await allPairs('organizationDuplicatePairs', 'EMAIL'), a.id, b.id)).toBe(true);
    expect(has(await allPairs('organizationDuplicatePairs', 'NAME_CITY'), a.id, b.id)).toBe(true);
  });

  it('refuses a cursor it did not make', async () => {
    const result = await api.graphql(pairsQuery('personDuplicatePairs'), { reason: 'EMAIL', after: 'bm90LWEtY3Vyc29y' }, await api.tokenFor('STAFF'));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });
});
