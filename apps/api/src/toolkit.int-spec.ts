import { demoMemberOrganization } from '@crm/seed-data';
import { ApiHarness, type DemoRole } from './testing/api-harness';
import { createOrganization, errorCode, ok, userId } from './testing/records-fixtures';

// Toolkit distribution (issue 13) against the real API, PostgreSQL and Redis.

const requestFields = `id reference status version source organizationId assigneeId assigneeOrganizationId provinceCode postalCode allowedSteps
  requesterName requesterEmail lines { itemId quantity item { titleEn onHand } }`;

let api: ApiHarness;
let address = 1;
/** A client address of its own for each public submission series (the per-address limit stays out of the way). */
const freshAddress = () => ({ 'x-forwarded-for': `198.51.100.${address++}` });

async function createItem(onHand: number, input: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const staff = await api.tokenFor('STAFF');
  const item = ok<{ createToolkitItem: { id: string; version: number } }>(
    await api.graphql(
      `mutation($input: CreateToolkitItemInputType!) { createToolkitItem(input: $input) { id version } }`,
      { input: { kind: 'booklet', language: 'en', titleEn: `Booklet ${Math.random().toString(36).slice(2, 8)}`, titleFr: 'Livret', ...input } },
      staff,
    ),
  ).createToolkitItem;
  if (onHand > 0) await receive(item.id, onHand);
  return item;
}

async function receive(itemId: string, quantity: number) {
  return api.graphql(
    `mutation($input: RecordStockMovementInputType!) { recordStockMovement(input: $input) { onHand } }`,
    { input: { itemId, kind: 'received', quantity } },
    await api.tokenFor('STAFF'),
  );
}

interface Request {
  id: string;
  reference: string;
  status: string;
  version: number;
  allowedSteps: string[];
  [key: string]: unknown;
}

async function createRequest(items: { itemId: string; quantity: number }[], role: DemoRole = 'STAFF', input: Record<string, unknown> = {}): Promise<Request> {
  const result = await api.graphql(
    `mutation($input: CreateToolkitRequestInputType!) { createToolkitRequest(input: $input) { ${requestFields} } }`,
    { input: { language: 'en', items, provinceCode: 'ON', city: 'Ottawa', postalCode: 'k1n5t5', ...input } },
    await api.tokenFor(role),
  );
  return ok<{ createToolkitRequest: Request }>(result).createToolkitRequest;
}

function move(request: { id: string; version: number }, step: string, role: DemoRole = 'STAFF', extra: Record<string, unknown> = {}, token?: string) {
  return (async () =>
    api.graphql(
      `mutation($input: MoveToolkitRequestInputType!) { moveToolkitRequest(input: $input) { ${requestFields} } }`,
      { input: { id: request.id, version: request.version, step, ...extra } },
      token ?? (await api.tokenFor(role)),
    ))();
}

async function moved(request: { id: string; version: number }, step: string, role: DemoRole = 'STAFF', extra: Record<string, unknown> = {}): Promise<Request> {
  return ok<{ moveToolkitRequest: Request }>(await move(request, step, role, extra)).moveToolkitRequest;
}

async function onHand(itemId: string): Promise<{ onHand: number; movements: number }> {
  const [row]: { onHand: number; movements: number }[] = await api.dataSource.query(
    `SELECT i.on_hand AS "onHand", (SELECT COALESCE(sum(quantity), 0)::int FROM toolkit_movement m WHERE m.item_id = i.id) AS movements
       FROM toolkit_item i WHERE i.id = $1`,
    [itemId],
  );
  return row;
}

const publicInput = (items: { itemId: string; quantity: number }[], extra: Record<string, unknown> = {}) => ({
  name: 'Amina Diallo',
  email: `amina.${Math.random().toString(36).slice(2, 8)}@example.org`,
  language: 'fr',
  items,
  addressLine: '12 rue Principale',
  city: 'Gatineau',
  provinceCode: 'QC',
  postalCode: 'j8x 1a1',
  ...extra,
});

function submitPublic(input: Record<string, unknown>, headers: Record<string, string>) {
  return api.graphql(
    `mutation($input: PublicToolkitRequestInputType!) { submitPublicToolkitRequest(input: $input) { reference } }`,
    { input },
    undefined,
    headers,
  );
}

const count = async (table: string): Promise<number> => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  api = await ApiHarness.start({ SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000' });
});
afterAll(() => api?.close());

describe('toolkit requests: lifecycle', () => {
  it('goes requested → approved → assigned → shipped → delivered; shipping takes stock; the organization’s timeline and the audit log tell it', async () => {
    const item = await createItem(10);
    const created = await createRequest([{ itemId: item.id, quantity: 3 }], 'MEMBER');
    expect(created).toMatchObject({ status: 'requested', source: 'member', organizationId: demoMemberOrganization.id, postalCode: 'K1N 5T5' });
    expect(created.allowedSteps).toEqual(['approve', 'decline']);

    const approved = await moved(created, 'approve');
    const assigned = await moved(approved, 'assign', 'STAFF', { assigneeOrganizationId: demoMemberOrganization.id });
    expect(assigned).toMatchObject({ status: 'assigned', assigneeOrganizationId: demoMemberOrganization.id });
    const shipped = await moved(assigned, 'ship', 'MEMBER');
    expect(shipped.status).toBe('shipped');
    expect(await onHand(item.id)).toEqual({ onHand: 7, movements: 7 });
    const delivered = await moved(shipped, 'deliver', 'MEMBER');
    expect(delivered).toMatchObject({ status: 'delivered', allowedSteps: [] });

    const timeline = ok<{ timeline: { nodes: { kind: string; recordId: string | null }[] } }>(
      await api.graphql(
        `query($id: ID!) { timeline(subjectType: Organization, subjectId: $id, first: 20) { nodes { kind recordId } } }`,
        { id: demoMemberOrganization.id },
        await api.tokenFor('MEMBER'),
      ),
    ).timeline.nodes.filter((entry) => entry.recordId === created.id);
    expect(timeline.map((entry) => entry.kind).sort()).toEqual(
      ['toolkitRequest.created', 'toolkitRequest.approved', 'toolkitRequest.assigned', 'toolkitRequest.shipped', 'toolkitRequest.delivered'].sort(),
    );
    const audit: { action: string }[] = await api.dataSource.query(`SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY id`, [created.id]);
    expect(audit.map((entry) => entry.action)).toEqual(['toolkitRequest.create', ...Array(4).fill('toolkitRequest.update')]);
  });

  it('refuses each step its status does not allow, naming the allowed ones, and changes nothing', async () => {
    const item = await createItem(5);
    const steps = ['approve', 'assign', 'ship', 'deliver', 'decline'];
    const allowed: Record<string, string[]> = {
      requested: ['approve', 'decline'],
      approved: ['assign', 'decline'],
      assigned: ['ship', 'assign', 'decline'],
      shipped: ['deliver'],
      delivered: [],
      declined: [],
    };
    const coordinator = await userId(api, 'COORDINATOR');
    const reach = async (status: string): Promise<Request> => {
      let request = await createRequest([{ itemId: item.id, quantity: 1 }]);
      const path: Record<string, [string, Record<string, unknown>][]> = {
        requested: [],
        approved: [['approve', {}]],
        assigned: [
          ['approve', {}],
          ['assign', { assigneeId: coordinator }],
        ],
        shipped: [
          ['approve', {}],
          ['assign', { assigneeId: coordinator }],
          ['ship', {}],
        ],
        delivered: [
          ['approve', {}],
          ['assign', { assigneeId: coordinator }],
          ['ship', {}],
          ['deliver', {}],
        ],
        declined: [['decline', { reason: 'Out of print' }]],
      };
      for (const [step, extra] of path[status]) request = await moved(request, step, 'STAFF', extra);
      return request;
    };
    let refused = 0;
    for (const status of Object.keys(allowed)) {
      const request = await reach(status);
      for (const step of steps.filter((s) => !allowed[status].includes(s))) {
        const extra = step === 'assign' ? { assigneeId: coordinator } : step === 'decline' ? { reason: 'No' } : {};
        const result = await move(request, step, 'STAFF', extra);
        expect({ status, step, code: errorCode(result), field: result.errors?.[0]?.extensions?.fields?.[0] }).toMatchObject({
          status,
          step,
          code: 'BAD_USER_INPUT',
          field: { path: ['input', 'step'], code: 'toolkitStep', params: { status, allowed: allowed[status].join(', ') || 'none' } },
        });
        refused += 1;
      }
      const [row]: { version: number; status: string }[] = await api.dataSource.query(`SELECT version, status FROM toolkit_request WHERE id = $1`, [
        request.id,
      ]);
      expect(row).toEqual({ version: request.version, status });
    }
    expect(refused).toBe(5 * 6 - 8);
  });

  it('a deliverer may ship and deliver, never decide; the requesting member may do neither', async () => {
    const item = await createItem(5);
    const request = await moved(await createRequest([{ itemId: item.id, quantity: 1 }], 'MEMBER'), 'approve');
    expect(errorCode(await move(request, 'approve', 'MEMBER'))).toBe('FORBIDDEN');
    const coordinator = await userId(api, 'COORDINATOR_QC');
    const assigned = await moved(request, 'assign', 'STAFF', { assigneeId: coordinator });
    // The Quebec coordinator sees an Ontario request only because it is theirs to deliver.
    const decline = await move(assigned, 'decline', 'COORDINATOR_QC', { reason: 'No' });
    expect(decline.errors?.[0]?.extensions?.fields?.[0]).toMatchObject({ code: 'notYours' });
    const shipped = await moved(assigned, 'ship', 'COORDINATOR_QC');
    expect(shipped.status).toBe('shipped');
  });
});

describe('toolkit requests: scope', () => {
  it('a member sees its organization’s requests only; a coordinator its regions’ and those it delivers; out of scope reads as missing', async () => {
    const item = await createItem(0);
    const other = await createOrganization(api, { nameEn: `Halifax Welcome ${Date.now()}`, provinceCode: 'NS', membership: 'member' });
    const ontario = await createRequest([{ itemId: item.id, quantity: 1 }], 'STAFF', { organizationId: other.id, provinceCode: 'ON' });
    const novaScotia = await createRequest([{ itemId: item.id, quantity: 1 }], 'STAFF', {
      organizationId: other.id,
      provinceCode: 'NS',
      postalCode: 'B3H 1A1',
    });
    const own = await createRequest([{ itemId: item.id, quantity: 1 }], 'MEMBER');
    const read = async (role: DemoRole, id: string) =>
      errorCode(await api.graphql(`query($id: ID!) { toolkitRequest(id: $id) { id } }`, { id }, await api.tokenFor(role))) ?? 'OK';

    expect(await read('MEMBER', own.id)).toBe('OK');
    expect(await read('MEMBER', ontario.id)).toBe('NOT_FOUND');
    expect(await read('COORDINATOR', ontario.id)).toBe('OK');
    expect(await read('COORDINATOR', novaScotia.id)).toBe('NOT_FOUND');
    expect(await read('COORDINATOR_QC', ontario.id)).toBe('NOT_FOUND');
    expect(await read('FUNDER', own.id)).toBe('FORBIDDEN');

    const listed = ok<{ toolkitRequests: { nodes: { id: string; organizationId: string | null }[] } }>(
      await api.graphql(`{ toolkitRequests(first: 200) { nodes { id organizationId } } }`, {}, await api.tokenFor('MEMBER')),
    ).toolkitRequests.nodes;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((row) => row.organizationId === demoMemberOrganization.id)).toBe(true);

    // Assigned to the member organization: now it sees it too.
    const approved = await moved(novaScotia, 'approve');
    await moved(approved, 'assign', 'STAFF', { assigneeOrganizationId: demoMemberOrganization.id });
    expect(await read('MEMBER', novaScotia.id)).toBe('OK');
  });

  it('lists an organization’s requests latest status change first when asked (newestFirst), each once across pages', async () => {
    const item = await createItem(0);
    const asker = await createOrganization(api, { nameEn: `Newest Requests ${Date.now()}`, provinceCode: 'ON', membership: 'member' });
    const ids: string[] = [];
    for (const day of ['2026-01-10', '2026-03-10', '2026-02-10']) {
      const created = await createRequest([{ itemId: item.id, quantity: 1 }], 'STAFF', { organizationId: asker.id });
      await api.dataSource.query(`UPDATE toolkit_request SET status_changed_at = $2::timestamptz WHERE id = $1`, [created.id, `${day}T12:00:00Z`]);
      ids.push(created.id);
    }
    type Page = { toolkitRequests: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const page = async (newestFirst: boolean, after: string | null = null) =>
      ok<Page>(
        await api.graphql(
          'query($filter: ToolkitRequestFilterInputType, $after: String) { toolkitRequests(filter: $filter, first: 2, after: $after) ' +
            '{ nodes { id } pageInfo { endCursor hasNextPage } } }',
          { filter: { organizationId: asker.id, newestFirst }, after },
          await api.tokenFor('STAFF'),
        ),
      ).toolkitRequests;
    const first = await page(true);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(true, first.pageInfo.endCursor);
    expect([...first.nodes, ...second.nodes].map((node) => node.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect((await page(false)).nodes.map((node) => node.id)).toEqual([ids[0], ids[2]]);
  });

  it('a member cannot ask for another organization', async () => {
    const item = await createItem(0);
    const other = await createOrganization(api, { nameEn: `Other ${Date.now()}`, provinceCode: 'ON' });
    const result = await api.graphql(
      `mutation($input: CreateToolkitRequestInputType!) { createToolkitRequest(input: $input) { id } }`,
      { input: { language: 'en', items: [{ itemId: item.id, quantity: 1 }], provinceCode: 'ON', organizationId: other.id } },
      await api.tokenFor('MEMBER'),
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });
});

describe('stock', () => {
  it('50 parallel shipments of an item with 10 left: exactly 10 ship, 40 answer CONFLICT naming the item, stock ends at 0', async () => {
    // The staff account reads French: the refusal names the item by its French title.
    const item = await createItem(10, { titleEn: 'Last copies booklet', titleFr: 'Livret des derniers exemplaires' });
    const coordinator = await userId(api, 'COORDINATOR');
    const assigned: Request[] = [];
    for (let i = 0; i < 50; i += 1) {
      const request = await createRequest([{ itemId: item.id, quantity: 1 }]);
      assigned.push(await moved(await moved(request, 'approve'), 'assign', 'STAFF', { assigneeId: coordinator }));
    }
    const token = await api.tokenFor('STAFF');
    const started = Date.now();
    const results = await Promise.all(assigned.map((request) => move(request, 'ship', 'STAFF', {}, token)));
    const elapsed = Date.now() - started;
    const shipped = results.filter((result) => !result.errors);
    const conflicts = results.filter((result) => errorCode(result) === 'CONFLICT');
    expect({ shipped: shipped.length, conflicts: conflicts.length }).toEqual({ shipped: 10, conflicts: 40 });
    for (const conflict of conflicts) {
      expect(conflict.errors![0].message).toContain('Livret des derniers exemplaires');
      expect(conflict.errors![0].extensions?.fields?.[0]).toMatchObject({
        code: 'toolkitStock',
        params: { item: 'Livret des derniers exemplaires', onHand: 0 },
      });
    }
    expect(await onHand(item.id)).toEqual({ onHand: 0, movements: 0 });
    const [statuses]: { shipped: number; assigned: number }[] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'shipped')::int AS shipped, count(*) FILTER (WHERE status = 'assigned')::int AS assigned
         FROM toolkit_request WHERE id = ANY($1::uuid[])`,
      [assigned.map((r) => r.id)],
    );
    expect(statuses).toEqual({ shipped: 10, assigned: 40 });
    // The figures for the report (issue 13's note).
    console.log(`[toolkit] 50 parallel shipments, 10 on hand: ${shipped.length} shipped, ${conflicts.length} CONFLICT, stock ${0}, ${elapsed} ms`);
  });

  it('stock always equals the sum of its movements and never goes below zero, after random operations (some at once)', async () => {
    const items = [await createItem(0), await createItem(0), await createItem(0)];
    const coordinator = await userId(api, 'COORDINATOR');
    const token = await api.tokenFor('STAFF');
    // A small deterministic generator: a failure can be replayed.
    let seed = 20260402;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    const expected = new Map(items.map((item) => [item.id, 0]));
    let refusals = 0;
    for (let round = 0; round < 12; round += 1) {
      const operations = Array.from({ length: 5 }, async () => {
        const item = pick(items);
        const roll = random();
        const quantity = 1 + Math.floor(random() * 6);
        if (roll < 0.35) {
          ok(await receive(item.id, quantity));
          return { itemId: item.id, delta: quantity };
        }
        if (roll < 0.6) {
          const delta = random() < 0.5 ? quantity : -quantity;
          const result = await api.graphql(
            `mutation($input: RecordStockMovementInputType!) { recordStockMovement(input: $input) { onHand } }`,
            { input: { itemId: item.id, kind: 'adjusted', quantity: delta, reason: 'Counted the shelf' } },
            token,
          );
          if (errorCode(result) === 'CONFLICT') return { itemId: item.id, delta: 0, refused: true };
          ok(result);
          return { itemId: item.id, delta };
        }
        const request = await createRequest([{ itemId: item.id, quantity }]);
        const assigned = await moved(await moved(request, 'approve'), 'assign', 'STAFF', { assigneeId: coordinator });
        const result = await move(assigned, 'ship', 'STAFF', {}, token);
        if (errorCode(result) === 'CONFLICT') return { itemId: item.id, delta: 0, refused: true };
        ok(result);
        return { itemId: item.id, delta: -quantity };
      });
      for (const outcome of await Promise.all(operations)) {
        expected.set(outcome.itemId, expected.get(outcome.itemId)! + outcome.delta);
        if ('refused' in outcome) refusals += 1;
      }
      for (const item of items) {
        const stock = await onHand(item.id);
        expect(stock.onHand).toBe(stock.movements);
        expect(stock.onHand).toBeGreaterThanOrEqual(0);
        expect(stock.onHand).toBe(expected.get(item.id));
      }
    }
    // The run exercised refusals too (otherwise "never negative" was never tested).
    expect(refusals).toBeGreaterThan(0);
  });

  it('an adjustment needs a reason; a movement is refused for a digital file', async () => {
    const item = await createItem(0);
    const result = await api.graphql(
      `mutation($input: RecordStockMovementInputType!) { recordStockMovement(input: $input) { onHand } }`,
      { input: { itemId: item.id, kind: 'adjusted', quantity: 2 } },
      await api.tokenFor('STAFF'),
    );
    expect(result.errors?.[0]?.extensions?.fields?.[0]).toMatchObject({ path: ['input', 'reason'], code: 'required' });
    const digital = await createItem(0, { kind: 'digital_file', downloadUrl: 'https://example.org/toolkit.pdf' });
    expect(errorCode(await receive(digital.id, 5))).toBe('BAD_USER_INPUT');
    expect(await count(`toolkit_movement WHERE item_id IN ('${item.id}', '${digital.id}')`)).toBe(0);
  });
});

describe('the public form', () => {
  let itemId: string;
  beforeAll(async () => {
    itemId = (await createItem(20)).id;
  });

  it('stores the request, sends the confirmation in the requester’s language, and keeps name, e-mail and address out of the audit log', async () => {
    const input = publicInput([{ itemId, quantity: 2 }]);
    const receipt = ok<{ submitPublicToolkitRequest: { reference: string } }>(await submitPublic(input, freshAddress())).submitPublicToolkitRequest;
    expect(receipt.reference).toMatch(/^[0-9A-F]{8}$/);
    const [row]: { id: string; postal_code: string; source: string }[] = await api.dataSource.query(
      `SELECT id, postal_code, source FROM toolkit_request WHERE upper(left(id::text, 8)) = $1`,
      [receipt.reference],
    );
    expect(row).toMatchObject({ postal_code: 'J8X 1A1', source: 'public' });
    const audit: { changes: unknown }[] = await api.dataSource.query(`SELECT changes FROM audit_entry WHERE subject_id = $1`, [row.id]);
    const text = JSON.stringify(audit);
    for (const secret of [input.name, input.email, input.addressLine, 'J8X 1A1', 'Gatineau']) expect(text).not.toContain(secret);
    const mail: { template: string; language: string; to_address: string; subject: string }[] = await api.dataSource.query(
      `SELECT template, language, to_address, subject FROM mail_message WHERE to_address = $1`,
      [input.email],
    );
    expect(mail).toEqual([{ template: 'toolkit_confirmation', language: 'fr', to_address: input.email, subject: expect.stringContaining('Nous avons reçu') }]);
  });

  it('a repeat of the same request within minutes is the same request (also when both arrive at once)', async () => {
    const input = publicInput([{ itemId, quantity: 1 }]);
    const headers = freshAddress();
    const before = await count('toolkit_request');
    const answers = await Promise.all([submitPublic(input, headers), submitPublic(input, headers), submitPublic(input, headers)]);
    const references = answers.map((answer) => ok<{ submitPublicToolkitRequest: { reference: string } }>(answer).submitPublicToolkitRequest.reference);
    expect(new Set(references).size).toBe(1);
    expect(await count('toolkit_request')).toBe(before + 1);
    expect(await count(`mail_message WHERE to_address = '${input.email}'`)).toBe(1);
    // Another quantity is another request.
    ok(await submitPublic({ ...input, items: [{ itemId, quantity: 2 }] }, headers));
    expect(await count('toolkit_request')).toBe(before + 2);
  });

  it.each([
    ['a missing name', { name: '' }, ['input', 'name'], 'required'],
    ['a missing address', { addressLine: '   ' }, ['input', 'addressLine'], 'required'],
    ['a non-Canadian postal code', { postalCode: '90210' }, ['input', 'postalCode'], 'postalCode'],
    ['a postal code of another province', { postalCode: 'K1A 0B1' }, ['input', 'postalCode'], 'postalCodeProvince'],
    ['the honeypot filled in', { website: 'http://spam.example' }, ['input', 'website'], 'honeypot'],
    ['an oversized note', { note: 'x'.repeat(1001) }, ['input', 'note'], 'tooLong'],
    [
      'too many lines',
      { items: Array.from({ length: 21 }, () => ({ itemId: '00000000-0000-4000-8000-000000000000', quantity: 1 })) },
      ['input', 'items'],
      'tooMany',
    ],
    ['an unknown item', { items: [{ itemId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }, ['input', 'items', 0, 'itemId'], 'toolkitItemUnknown'],
  ])('refuses %s with a clear message and stores nothing', async (_label, change, path, code) => {
    const before = { requests: await count('toolkit_request'), mail: await count('mail_message'), audit: await count('audit_entry') };
    const result = await submitPublic(publicInput([{ itemId, quantity: 1 }], change), freshAddress());
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path, code, message: expect.any(String) })]));
    expect({ requests: await count('toolkit_request'), mail: await count('mail_message'), audit: await count('audit_entry') }).toEqual(before);
  });

  it('refuses a body over the size limit before reading it', async () => {
    const before = await count('toolkit_request');
    const result = await submitPublic(publicInput([{ itemId, quantity: 1 }], { note: 'x'.repeat(2_000_000) }), freshAddress());
    expect(result.status).toBe(413);
    expect(await count('toolkit_request')).toBe(before);
  });

  it('the 31st submission in a minute from one address is refused with TOO_MANY_REQUESTS and stores nothing', async () => {
    const headers = freshAddress();
    for (let i = 0; i < 30; i += 1) ok(await submitPublic(publicInput([{ itemId, quantity: 1 + (i % 5) }]), headers));
    const before = await count('toolkit_request');
    const refused = await submitPublic(publicInput([{ itemId, quantity: 1 }]), headers);
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0]?.message).toMatch(/Too many requests from your address/);
    expect(await count('toolkit_request')).toBe(before);
    // Another address is not held back.
    ok(await submitPublic(publicInput([{ itemId, quantity: 1 }]), freshAddress()));
  });
});

describe('packing a batch', () => {
  it('ships what stock allows, in order, and says which waited and why (short item named, step not allowed); stock equals its movements', async () => {
    const item = await createItem(3, { titleEn: 'Batch poster', titleFr: 'Affiche du lot' });
    const coordinator = await userId(api, 'COORDINATOR');
    const assign = async (quantity: number) =>
      moved(await moved(await createRequest([{ itemId: item.id, quantity }]), 'approve'), 'assign', 'STAFF', { assigneeId: coordinator });
    const [first, second, third] = [await assign(2), await assign(2), await assign(1)];
    const approvedOnly = await moved(await createRequest([{ itemId: item.id, quantity: 1 }]), 'approve');
    const result = ok<{
      shipToolkitBatch: { shipped: { id: string; status: string }[]; waited: { id: string; reference: string; code: string; problem: string | null }[] };
    }>(
      await api.graphql(
        `mutation($input: ShipToolkitBatchInputType!) { shipToolkitBatch(input: $input) { shipped { id status } waited { id reference code problem } } }`,
        { input: { requests: [first, second, third, approvedOnly].map(({ id, version }) => ({ id, version })) } },
        await api.tokenFor('ADMIN'),
      ),
    ).shipToolkitBatch;
    expect(result.shipped.map((r) => [r.id, r.status])).toEqual([
      [first.id, 'shipped'],
      [third.id, 'shipped'],
    ]);
    expect(result.waited.map((w) => ({ id: w.id, code: w.code, problem: w.problem?.split('|')[0] }))).toEqual([
      { id: second.id, code: 'CONFLICT', problem: 'toolkitStock' },
      { id: approvedOnly.id, code: 'BAD_USER_INPUT', problem: 'toolkitStep' },
    ]);
    // ADMIN reads English: the short item by its English title, with what was left.
    expect(JSON.parse(result.waited[0].problem!.split('|')[1])).toMatchObject({ item: 'Batch poster', onHand: 1 });
    expect(result.waited[0].reference).toBe(second.reference);
    expect(await onHand(item.id)).toEqual({ onHand: 0, movements: 0 });
  });

  it('refuses an empty batch or one over the limit, changing nothing', async () => {
    const staff = await api.tokenFor('STAFF');
    const ship = (requests: unknown[]) =>
      api.graphql(`mutation($input: ShipToolkitBatchInputType!) { shipToolkitBatch(input: $input) { shipped { id } } }`, { input: { requests } }, staff);
    expect(errorCode(await ship([]))).toBe('BAD_USER_INPUT');
    const many = Array.from({ length: 101 }, () => ({ id: '00000000-0000-4000-8000-000000000000', version: 1 }));
    expect(errorCode(await ship(many))).toBe('BAD_USER_INPUT');
  });
});

describe('a request’s own history', () => {
  it('is on its page’s timeline, step by step, for those who may read it; out of scope it reads as missing', async () => {
    const item = await createItem(5);
    const request = await moved(await createRequest([{ itemId: item.id, quantity: 1 }], 'MEMBER'), 'approve');
    const history = (token: string) =>
      api.graphql(
        `query($id: ID!) { timeline(subjectType: ToolkitRequest, subjectId: $id, first: 10) { nodes { kind recordType } } }`,
        { id: request.id },
        token,
      );
    const kinds = ok<{ timeline: { nodes: { kind: string; recordType: string }[] } }>(await history(await api.tokenFor('MEMBER'))).timeline.nodes.map(
      (entry) => entry.kind,
    );
    expect(kinds.sort()).toEqual(['toolkitRequest.approved', 'toolkitRequest.created']);
    // A Quebec coordinator may not read an Ottawa organization's request.
    expect(errorCode(await history(await api.tokenFor('COORDINATOR_QC')))).toBe('NOT_FOUND');
  });

  it('names the organizations that asked and that deliver, as the reader may see them', async () => {
    const item = await createItem(5);
    const request = await createRequest([{ itemId: item.id, quantity: 1 }], 'MEMBER');
    const read = async (role: DemoRole) =>
      ok<{ toolkitRequest: { organization: { nameEn: string } | null } }>(
        await api.graphql(`query($id: ID!) { toolkitRequest(id: $id) { organization { nameEn } } }`, { id: request.id }, await api.tokenFor(role)),
      ).toolkitRequest.organization;
    expect(await read('MEMBER')).toEqual({ nameEn: demoMemberOrganization.nameEn });
    expect(await read('STAFF')).toEqual({ nameEn: demoMemberOrganization.nameEn });
  });
});
