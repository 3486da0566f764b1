import { ApiHarness, type DemoRole } from './testing/api-harness';
import { errorCode, ok } from './testing/records-fixtures';

// The toolkit catalogue editor's mutations (issue 13, decision 091): create with an initial
// stock (its first received movement), edit at a version, archive and restore; only ADMIN
// and STAFF write; bad input names its field and stores nothing.

const itemFields = `id kind language titleEn titleFr descriptionEn descriptionFr lowStockThreshold downloadUrl onHand archivedAt version`;

interface Item {
  id: string;
  kind: string;
  language: string;
  titleEn: string;
  titleFr: string;
  descriptionEn: string | null;
  descriptionFr: string | null;
  lowStockThreshold: number;
  downloadUrl: string | null;
  onHand: number;
  archivedAt: string | null;
  version: number;
}

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start({ SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000' });
});
afterAll(() => api?.close());

const unique = () => Math.random().toString(36).slice(2, 8);

async function create(input: Record<string, unknown>, role: DemoRole = 'STAFF') {
  return api.graphql(
    `mutation($input: CreateToolkitItemInputType!) { createToolkitItem(input: $input) { ${itemFields} } }`,
    { input: { kind: 'booklet', language: 'en', titleEn: `Booklet ${unique()}`, titleFr: `Livret ${unique()}`, ...input } },
    await api.tokenFor(role),
  );
}

async function created(input: Record<string, unknown> = {}): Promise<Item> {
  return ok<{ createToolkitItem: Item }>(await create(input)).createToolkitItem;
}

async function update(input: Record<string, unknown>, role: DemoRole = 'STAFF') {
  return api.graphql(
    `mutation($input: UpdateToolkitItemInputType!) { updateToolkitItem(input: $input) { ${itemFields} } }`,
    { input },
    await api.tokenFor(role),
  );
}

async function archive(item: { id: string; version: number }, role: DemoRole = 'STAFF', mutation = 'archiveToolkitItem') {
  return api.graphql(
    `mutation($input: RecordVersionInputType!) { ${mutation}(input: $input) { ${itemFields} } }`,
    { input: { id: item.id, version: item.version } },
    await api.tokenFor(role),
  );
}

const fieldsOf = (result: { errors?: { extensions?: { fields?: { path: (string | number)[]; code: string }[] } }[] }) =>
  (result.errors?.[0]?.extensions?.fields ?? []).map((field) => ({ path: field.path.join('.'), code: field.code }));

const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n);

async function stored(id: string) {
  const [row] = await api.dataSource.query(
    `SELECT i.title_en AS "titleEn", i.language, i.description_fr AS "descriptionFr", i.low_stock_threshold AS "lowStockThreshold", i.on_hand AS "onHand",
            i.archived_at AS "archivedAt", i.version,
            (SELECT COALESCE(sum(quantity), 0)::int FROM toolkit_movement m WHERE m.item_id = i.id) AS movements
       FROM toolkit_item i WHERE i.id = $1`,
    [id],
  );
  return row;
}

describe('toolkit catalogue: creating a material', () => {
  it('stores both names and descriptions, the edition and threshold; the initial stock is one received movement; both are audited', async () => {
    const item = await created({
      kind: 'button',
      language: 'bilingual',
      titleEn: 'Button: Welcome',
      titleFr: 'Macaron\u00a0: Bienvenue',
      descriptionEn: 'A 38 mm pin-back button.',
      descriptionFr: 'Un macaron de 38 mm.',
      lowStockThreshold: 20,
      initialStock: 150,
    });
    expect(item).toMatchObject({
      kind: 'button',
      language: 'bilingual',
      descriptionEn: 'A 38 mm pin-back button.',
      descriptionFr: 'Un macaron de 38 mm.',
      lowStockThreshold: 20,
      onHand: 150,
      version: 1,
    });
    const movements: { kind: string; quantity: number }[] = await api.dataSource.query(`SELECT kind, quantity FROM toolkit_movement WHERE item_id = $1`, [
      item.id,
    ]);
    expect(movements).toEqual([{ kind: 'received', quantity: 150 }]);
    const audit: { action: string }[] = await api.dataSource.query(`SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY id`, [item.id]);
    expect(audit.map((entry) => entry.action)).toEqual(['toolkitItem.create', 'toolkitItem.received']);

    // On the public form's catalogue at once, with its descriptions (no stock figures there).
    const catalogue = ok<{ toolkitCatalogue: { id: string; descriptionFr: string | null }[] }>(
      await api.graphql(`query { toolkitCatalogue { id descriptionFr } }`),
    ).toolkitCatalogue;
    expect(catalogue).toContainEqual({ id: item.id, descriptionFr: 'Un macaron de 38 mm.' });
  });

  it('a material without initial stock has no movement; a digital file keeps its download address', async () => {
    const poster = await created({ kind: 'poster' });
    expect(poster.onHand).toBe(0);
    const file = await created({ kind: 'digital_file', downloadUrl: 'example.org/facts.pdf' });
    expect(file).toMatchObject({ downloadUrl: 'https://example.org/facts.pdf', onHand: 0 });
    expect(await count(`toolkit_movement WHERE item_id = ANY($1::uuid[])`, [[poster.id, file.id]])).toBe(0);
  });

  it.each([
    ['a missing French name', { titleFr: '' }, 'input.titleFr', 'required'],
    ['a name over 200 characters', { titleEn: 'x'.repeat(201) }, 'input.titleEn', 'tooLong'],
    ['a description over 1,000 characters', { descriptionEn: 'x'.repeat(1001) }, 'input.descriptionEn', 'tooLong'],
    ['an unknown edition', { language: 'de' }, null, ''],
    ['a negative threshold', { lowStockThreshold: -1 }, 'input.lowStockThreshold', 'tooSmall'],
    ['a negative initial stock', { initialStock: -5 }, 'input.initialStock', 'tooSmall'],
    ['a digital file without its file', { kind: 'digital_file' }, 'input.downloadUrl', 'required'],
    [
      'a digital file with stock',
      { kind: 'digital_file', downloadUrl: 'https://example.org/a.pdf', initialStock: 3 },
      'input.initialStock',
      'toolkitNotStocked',
    ],
    ['a booklet with a download address', { downloadUrl: 'https://example.org/a.pdf' }, 'input.downloadUrl', 'toolkitNotDigital'],
    ['a download address that is not a web address', { kind: 'digital_file', downloadUrl: 'ftp://example.org/a.pdf' }, 'input.downloadUrl', 'website'],
  ])('refuses %s, naming the field, and stores nothing', async (_case, input, path, code) => {
    const [items, movements, audit] = await Promise.all([count('toolkit_item'), count('toolkit_movement'), count('audit_entry')]);
    const result = await create(input);
    // A value outside the GraphQL enum is refused by the schema itself, before the resolver.
    expect(errorCode(result)).toBe(path ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED');
    if (path) expect(fieldsOf(result)).toContainEqual({ path, code: expect.stringContaining(code) });
    expect([await count('toolkit_item'), await count('toolkit_movement'), await count('audit_entry')]).toEqual([items, movements, audit]);
  });
});

describe('toolkit catalogue: who may edit it', () => {
  it.each(['COORDINATOR', 'MEMBER', 'FUNDER'] as const)('%s may not create, edit, archive or restore a material; nothing changes', async (role) => {
    const item = await created({ initialStock: 5 });
    const items = await count('toolkit_item');
    expect(errorCode(await create({}, role))).toBe('FORBIDDEN');
    expect(errorCode(await update({ id: item.id, version: item.version, titleEn: 'Changed' }, role))).toBe('FORBIDDEN');
    expect(errorCode(await archive(item, role))).toBe('FORBIDDEN');
    expect(errorCode(await archive(item, role, 'restoreToolkitItem'))).toBe('FORBIDDEN');
    expect(await count('toolkit_item')).toBe(items);
    expect(await stored(item.id)).toMatchObject({ titleEn: item.titleEn, archivedAt: null, version: 1, onHand: 5, movements: 5 });
  });

  it('ADMIN may, like STAFF', async () => {
    const item = ok<{ createToolkitItem: Item }>(await create({ titleEn: 'Admin booklet' }, 'ADMIN')).createToolkitItem;
    expect(ok<{ updateToolkitItem: Item }>(await update({ id: item.id, version: 1, lowStockThreshold: 7 }, 'ADMIN')).updateToolkitItem.version).toBe(2);
  });
});

describe('toolkit catalogue: editing a material', () => {
  it('changes the names, descriptions, edition and threshold at the version read; the stock stays; the audit names the changes', async () => {
    const item = await created({ initialStock: 12, descriptionFr: 'Ancien texte' });
    const edited = ok<{ updateToolkitItem: Item }>(
      await update({
        id: item.id,
        version: item.version,
        titleEn: 'Campaign booklet, second printing',
        language: 'fr',
        descriptionEn: 'Twelve pages of facts.',
        descriptionFr: null,
        lowStockThreshold: 30,
      }),
    ).updateToolkitItem;
    expect(edited).toMatchObject({
      titleEn: 'Campaign booklet, second printing',
      language: 'fr',
      descriptionEn: 'Twelve pages of facts.',
      descriptionFr: null,
      lowStockThreshold: 30,
      onHand: 12,
      version: 2,
    });
    const [entry]: { changes: Record<string, unknown> }[] = await api.dataSource.query(
      `SELECT changes FROM audit_entry WHERE subject_id = $1 AND action = 'toolkitItem.update'`,
      [item.id],
    );
    expect(JSON.stringify(entry.changes)).toContain('second printing');
  });

  it('a stale version answers CONFLICT and changes nothing', async () => {
    const item = await created();
    ok(await update({ id: item.id, version: 1, titleEn: 'First edit' }));
    const stale = await update({ id: item.id, version: 1, titleEn: 'Second edit over the first' });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(await stored(item.id)).toMatchObject({ titleEn: 'First edit', version: 2 });
    expect(errorCode(await archive({ id: item.id, version: 1 }))).toBe('CONFLICT');
    expect(await stored(item.id)).toMatchObject({ archivedAt: null, version: 2 });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const item = await created();
    const file = await created({ kind: 'digital_file', downloadUrl: 'https://example.org/one.pdf' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ id: item.id, version: 1, titleEn: '' }, 'input.titleEn', 'required'],
      [{ id: item.id, version: 1, lowStockThreshold: 2_000_000 }, 'input.lowStockThreshold', 'tooLarge'],
      [{ id: item.id, version: 1, downloadUrl: 'https://example.org/a.pdf' }, 'input.downloadUrl', 'toolkitNotDigital'],
      [{ id: file.id, version: 1, downloadUrl: '' }, 'input.downloadUrl', 'required'],
      // The kind never changes: the input has no such field.
      [{ id: item.id, version: 1, kind: 'poster' }, '', ''],
    ];
    for (const [input, path, code] of cases) {
      const result = await update(input);
      expect(errorCode(result)).toBe(path ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED');
      if (path) expect(fieldsOf(result)).toContainEqual({ path, code: expect.stringContaining(code) });
    }
    expect(await stored(item.id)).toMatchObject({ titleEn: item.titleEn, lowStockThreshold: 0, version: 1 });
    expect(await stored(file.id)).toMatchObject({ version: 1 });
  });
});

describe('toolkit catalogue: archiving', () => {
  it('an archived material leaves the catalogue and the public form, keeps its stock and movements, and comes back when restored', async () => {
    const item = await created({ initialStock: 4 });
    const archived = ok<{ archiveToolkitItem: Item }>(await archive(item)).archiveToolkitItem;
    expect(archived.archivedAt).not.toBeNull();
    const lists = async () => {
      const token = await api.tokenFor('STAFF');
      const current = ok<{ toolkitItems: { nodes: { id: string }[] } }>(await api.graphql(`query { toolkitItems(first: 200) { nodes { id } } }`, {}, token));
      const old = ok<{ toolkitItems: { nodes: { id: string }[] } }>(
        await api.graphql(`query { toolkitItems(first: 200, filter: { archived: true }) { nodes { id } } }`, {}, token),
      );
      const offered = ok<{ toolkitCatalogue: { id: string }[] }>(await api.graphql(`query { toolkitCatalogue { id } }`)).toolkitCatalogue;
      const has = (nodes: { id: string }[]) => nodes.some((node) => node.id === item.id);
      return { current: has(current.toolkitItems.nodes), archived: has(old.toolkitItems.nodes), offered: has(offered) };
    };
    expect(await lists()).toEqual({ current: false, archived: true, offered: false });
    expect(await stored(item.id)).toMatchObject({ onHand: 4, movements: 4 });

    const restored = ok<{ restoreToolkitItem: Item }>(await archive(archived, 'STAFF', 'restoreToolkitItem')).restoreToolkitItem;
    expect(restored.archivedAt).toBeNull();
    expect(await lists()).toEqual({ current: true, archived: false, offered: true });
    const audit: { action: string }[] = await api.dataSource.query(`SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY id`, [item.id]);
    expect(audit.map((entry) => entry.action)).toEqual(['toolkitItem.create', 'toolkitItem.received', 'toolkitItem.archive', 'toolkitItem.restore']);
  });
});
