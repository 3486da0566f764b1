import { ApiHarness } from './testing/api-harness';

// Saved views of the lists (decision 025): a person's own, shared with their role,
// managed by ADMIN; checked input, audited changes, through the real API.

const save = `mutation($input: SaveViewInput!) { saveView(input: $input) { id name shared ownerName state list } }`;
const list = `query($list: SavedViewList!) { savedViews(list: $list) { id name shared } }`;
const remove = `mutation($id: ID!) { deleteSavedView(id: $id) }`;

describe('saved views', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api?.close());

  const names = async (role: Parameters<ApiHarness['tokenFor']>[0], of = 'people') => {
    const result = await api.graphql(list, { list: of }, await api.tokenFor(role));
    expect(result.errors).toBeUndefined();
    return (result.data!.savedViews as { name: string }[]).map((view) => view.name);
  };

  it('keeps a personal view to its owner, shares it with the owner’s role only, and lets only the owner change it', async () => {
    const ontario = await api.tokenFor('COORDINATOR');
    const created = await api.graphql(
      save,
      {
        input: {
          list: 'people',
          name: 'Committed in Ottawa',
          state: { params: { stage: 'committed', search: 'Kowalczyk', sort: 'UPDATED' }, hidden: ['category'] },
        },
      },
      ontario,
    );
    expect(created.errors).toBeUndefined();
    const view = created.data!.saveView as { id: string; shared: boolean; state: unknown; list: string };
    expect(view).toEqual(expect.objectContaining({ shared: false, list: 'people' }));
    expect(view.state).toEqual({ params: { stage: 'committed', search: 'Kowalczyk', sort: 'UPDATED' }, hidden: ['category'] });

    expect(await names('COORDINATOR')).toEqual(['Committed in Ottawa']);
    expect(await names('COORDINATOR', 'organizations')).toEqual([]);
    expect(await names('COORDINATOR_QC')).toEqual([]);
    expect(await names('STAFF')).toEqual([]);
    expect(await names('ADMIN')).toEqual(['Committed in Ottawa']);

    const shared = await api.graphql(save, { input: { id: view.id, list: 'people', name: 'Committed (team)', shared: true, state: { params: {} } } }, ontario);
    expect(shared.errors).toBeUndefined();
    expect(await names('COORDINATOR_QC')).toEqual(['Committed (team)']);
    expect(await names('STAFF')).toEqual([]);

    // Another coordinator reads it, and may neither change nor delete it.
    const quebec = await api.tokenFor('COORDINATOR_QC');
    const hijack = await api.graphql(save, { input: { id: view.id, list: 'people', name: 'Mine now', state: { params: {} } } }, quebec);
    expect(hijack.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.graphql(remove, { id: view.id }, quebec)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Staff cannot even see it: as if it did not exist.
    expect((await api.graphql(remove, { id: view.id }, await api.tokenFor('STAFF'))).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await names('COORDINATOR')).toEqual(['Committed (team)']);

    // ADMIN manages every view.
    expect((await api.graphql(remove, { id: view.id }, await api.tokenFor('ADMIN'))).data?.deleteSavedView).toBe(true);
    expect(await names('COORDINATOR')).toEqual([]);
  });

  it('refuses a second view of the same name, a bad state and paging in the state, and saves nothing', async () => {
    const staff = await api.tokenFor('STAFF');
    const first = await api.graphql(save, { input: { list: 'organizations', name: 'Members', state: { params: { membership: 'member' } } } }, staff);
    expect(first.errors).toBeUndefined();
    const cases: [Record<string, unknown>, (string | number)[], string][] = [
      [{ list: 'organizations', name: 'members', state: { params: {} } }, ['input', 'name'], 'viewNameTaken'],
      [{ list: 'organizations', name: '', state: { params: {} } }, ['input', 'name'], 'required'],
      [{ list: 'organizations', name: 'Paged', state: { params: { after: 'abc' } } }, ['input', 'state', 'params'], 'unknownFilter'],
      [{ list: 'organizations', name: 'Odd', state: { params: { 'no such!': 'x' } } }, ['input', 'state', 'params', 'no such!'], 'invalid'],
      [{ list: 'organizations', name: 'Extra', state: { params: {}, sql: 'DROP' } }, ['input', 'state', 'sql'], 'unknownField'],
    ];
    for (const [input, path, code] of cases) {
      const result = await api.graphql(save, { input }, staff);
      expect({ input, code: result.errors?.[0].extensions?.code }).toEqual({ input, code: 'BAD_USER_INPUT' });
      const fields = result.errors![0].extensions!.fields as { path: (string | number)[]; code: string }[];
      expect({ input, field: fields[0] }).toEqual({
        input,
        field: expect.objectContaining({ path: expect.arrayContaining(path.slice(0, 2)), code: expect.any(String) }),
      });
      if (code === 'viewNameTaken') expect(fields[0]).toEqual(expect.objectContaining({ path, code }));
    }
    expect(await names('STAFF', 'organizations')).toEqual(['Members']);
  });

  it('audits every change without the search text', async () => {
    const rows: { action: string; changes: Record<string, { from?: unknown; to?: unknown }> }[] = await api.dataSource.query(
      `SELECT action, changes FROM audit_entry WHERE subject_type = 'SavedView' ORDER BY id`,
    );
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['savedView.create', 'savedView.update', 'savedView.delete']));
    expect(JSON.stringify(rows)).not.toContain('Kowalczyk');
    expect(JSON.stringify(rows)).toContain('•••');
  });
});
