import { defineAbilityFor, type Actor, type AppAbility } from '@crm/authz';
import { AuditService, createDataSource, SqlParams, type RequestContext } from '@crm/platform';
import { createTestDatabase, type TestDatabase } from '@crm/platform/testing';
import { ActivityRecorder } from '@crm/timeline';
import type { DataSource, EntityManager } from 'typeorm';
import type { RecordKind, VersionedStore } from './record-kind';
import { RecordWriter } from './record-writer';

// The cycle on a real table (organization), through a store written here: the writer knows
// no record type, so the test gives it the smallest one that has every trait it handles.
interface OrgRow {
  id: string;
  nameEn: string;
  provinceCode: string;
  city: string | null;
  notes: string | null;
  ownerId: string | null;
  createdById: string | null;
  archivedAt: Date | null;
  mergedIntoId: string | null;
  version: number;
  updatedAt: Date;
}
type OrgValues = Partial<Pick<OrgRow, 'nameEn' | 'provinceCode' | 'city' | 'notes'>>;
const columns = `o.id, o.name_en AS "nameEn", o.province_code AS "provinceCode", o.city, o.notes, o.owner_id AS "ownerId",
  o.created_by_id AS "createdById", o.archived_at AS "archivedAt", o.merged_into_id AS "mergedIntoId", o.version, o.updated_at AS "updatedAt"`;
const scopeColumns = { id: 'o.id', provinceCode: 'o.province_code', ownerId: 'o.owner_id', createdById: 'o.created_by_id' };
const columnOf: Record<string, string> = { nameEn: 'name_en', provinceCode: 'province_code', city: 'city', notes: 'notes', archivedAt: 'archived_at' };

const store: VersionedStore<OrgRow, OrgValues> = {
  async lockVisible(manager, ability, id) {
    const params = new SqlParams();
    const rows: OrgRow[] = await manager.query(
      `SELECT ${columns} FROM organization o WHERE o.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Organization', scopeColumns)} FOR UPDATE`,
      params.values,
    );
    return rows[0] ?? null;
  },
  async updateVersioned(manager, _ability, target, values, { bump }) {
    const params = new SqlParams();
    const sets = Object.entries(values).map(([field, value]) => `${columnOf[field]} = ${params.add(value)}`);
    if (bump) sets.push('version = o.version + 1', 'updated_at = now()');
    const [rows]: [OrgRow[], number] = await manager.query(
      `UPDATE organization o SET ${sets.join(', ')} WHERE o.id = ${params.add(target.id)} AND o.version = ${params.add(target.version)} RETURNING ${columns}`,
      params.values,
    );
    return rows[0] ?? null;
  },
};

const kind = (overrides: Partial<RecordKind<OrgRow>> = {}): RecordKind<OrgRow> => ({
  subjectType: 'Organization',
  noun: 'organization',
  personalFields: ['notes'],
  auditView: ({ nameEn, provinceCode, city, notes }) => ({ nameEn, provinceCode, city, notes }),
  timeline: (row) => ({ subjects: [{ subjectType: 'Organization', subjectId: row.id }], prefix: 'record' }),
  ...overrides,
});

describe('RecordWriter: the versioned-write cycle on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let writer: RecordWriter;
  let users: Record<'staff' | 'coordinator' | 'member', Actor>;
  const ctxOf = (actor: Actor): RequestContext => ({
    requestId: 'test',
    ip: '127.0.0.1',
    actor,
    ability: defineAbilityFor(actor) as AppAbility,
    sessionId: null,
    language: 'en',
  });

  const organization = async (values: { province: string; ownerId?: string | null; createdById?: string | null; notes?: string | null }) => {
    const [row] = await dataSource.query(
      `INSERT INTO organization (name_en, name_fr, kind, province_code, owner_id, created_by_id, notes)
       VALUES ('Centre', 'Centre', 'other', $1, $2, $3, $4) RETURNING id`,
      [values.province, values.ownerId ?? null, values.createdById ?? null, values.notes ?? null],
    );
    return row.id as string;
  };
  const state = async (id: string) => {
    const [row] = await dataSource.query(
      `SELECT version, city, notes, province_code AS "provinceCode", updated_at AS "updatedAt" FROM organization WHERE id = $1`,
      [id],
    );
    const [{ audits }] = await dataSource.query(`SELECT count(*)::int AS audits FROM audit_entry WHERE subject_id = $1`, [id]);
    const [{ entries }] = await dataSource.query(`SELECT count(*)::int AS entries FROM activity WHERE subject_id = $1`, [id]);
    return { ...row, audits, entries };
  };
  const cityChange = (city: string) => ({ given: ['city'], plan: async () => ({ values: { city } }) });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url).initialize();
    writer = new RecordWriter(dataSource, new AuditService(), new ActivityRecorder());
    await dataSource.query(
      `INSERT INTO province (code, name_en, name_fr, sort_order) VALUES ('ON', 'Ontario', 'Ontario', 1), ('BC', 'British Columbia', 'Colombie-Britannique', 2)`,
    );
    const [organizationRow] = await dataSource.query(
      `INSERT INTO organization (name_en, name_fr, kind, province_code) VALUES ('Member org', 'Member org', 'other', 'ON') RETURNING id`,
    );
    const user = async (email: string, role: string, organizationId: string | null = null) =>
      (
        await dataSource.query(`INSERT INTO app_user (email, name, role, organization_id) VALUES ($1, $1, $2, $3) RETURNING id`, [email, role, organizationId])
      )[0].id as string;
    users = {
      staff: { id: await user('staff@test.invalid', 'STAFF'), role: 'STAFF', provinceCodes: [], organizationId: null },
      coordinator: { id: await user('coord@test.invalid', 'COORDINATOR'), role: 'COORDINATOR', provinceCodes: ['ON'], organizationId: null },
      member: { id: await user('member@test.invalid', 'MEMBER', organizationRow.id), role: 'MEMBER', provinceCodes: [], organizationId: organizationRow.id },
    };
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('writes the change, the audit entry (personal values masked) and the timeline entry together', async () => {
    const id = await organization({ province: 'ON', notes: 'old' });
    const after = await writer.update(
      ctxOf(users.staff),
      kind(),
      store,
      { id, version: 1 },
      {
        given: ['city', 'notes'],
        plan: async () => ({ values: { city: 'Ottawa', notes: 'new' } }),
      },
    );
    expect(after).toMatchObject({ city: 'Ottawa', notes: 'new', version: 2 });
    const [audit] = await dataSource.query(`SELECT action, changes FROM audit_entry WHERE subject_id = $1`, [id]);
    expect(audit).toEqual({ action: 'organization.update', changes: { city: { from: null, to: 'Ottawa' }, notes: { from: '•••', to: '•••' } } });
    const [entry] = await dataSource.query(`SELECT kind, record_id AS "recordId", summary FROM activity WHERE subject_id = $1`, [id]);
    expect(entry).toEqual({ kind: 'record.updated', recordId: id, summary: { fields: ['city', 'notes'] } });
  });

  it('answers CONFLICT on a stale version and writes nothing', async () => {
    const id = await organization({ province: 'ON' });
    await writer.update(ctxOf(users.staff), kind(), store, { id, version: 1 }, cityChange('Ottawa'));
    const before = await state(id);
    await expect(writer.update(ctxOf(users.staff), kind(), store, { id, version: 1 }, cityChange('Kingston'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await state(id)).toEqual(before);
  });

  it('answers NOT_FOUND for a record out of scope exactly as for a missing one', async () => {
    const elsewhere = await organization({ province: 'BC', ownerId: users.coordinator.id });
    const missing = '00000000-0000-4000-8000-00000000dead';
    const errors = await Promise.all(
      [elsewhere, missing].map((id) => writer.update(ctxOf(users.coordinator), kind(), store, { id, version: 1 }, cityChange('Ottawa')).catch((e) => e)),
    );
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ['NOT_FOUND', 'Organization not found'],
      ['NOT_FOUND', 'Organization not found'],
    ]);
    expect((await state(elsewhere)).version).toBe(1);
  });

  it('answers FORBIDDEN when the caller sees the record but may not change it', async () => {
    const id = await organization({ province: 'ON' });
    await expect(writer.update(ctxOf(users.coordinator), kind(), store, { id, version: 1 }, cityChange('Ottawa'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a field the caller may not change whatever its value and the hidden one, naming each field, before the version', async () => {
    const answers = [];
    for (const hidden of [null, 'secret']) {
      const id = users.member.organizationId!;
      await dataSource.query(`UPDATE organization SET notes = $2 WHERE id = $1`, [id, hidden]);
      for (const sent of [null, 'secret', 'other']) {
        for (const version of [1, 99]) {
          const error = await writer
            .update(
              ctxOf(users.member),
              kind(),
              store,
              { id, version },
              { given: ['notes', 'city'], plan: async () => ({ values: { notes: sent, city: 'Ottawa' } }) },
            )
            .catch((e) => e);
          answers.push(JSON.stringify([error.code, error.message, error.fields]));
        }
      }
    }
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0])).toEqual([
      'BAD_USER_INPUT',
      'You may not change some of these fields',
      [{ path: ['input', 'notes'], code: 'notYours', message: 'You may not change this field.' }],
    ]);
  });

  it('refuses a change that would move the record out of what the caller may edit (names the field)', async () => {
    const id = await organization({ province: 'ON', ownerId: users.coordinator.id });
    // Coordinators edit people they own, not organizations: this row is checked by a Person's rules.
    await expect(
      writer.update(
        ctxOf(users.coordinator),
        kind({ subjectType: 'Person', noun: 'person' }),
        store,
        { id, version: 1 },
        { given: ['provinceCode'], plan: async () => ({ values: { provinceCode: 'BC' } }) },
      ),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['input', 'provinceCode'], code: 'outsideEditable', message: 'With this value you could no longer edit the record.' }],
    });
  });

  it('a change of protected fields only keeps the version and "last changed", and is still audited', async () => {
    const id = await organization({ province: 'ON', notes: 'a' });
    const before = await state(id);
    const after = await writer.update(
      ctxOf(users.staff),
      kind({ protectedFields: ['notes'] }),
      store,
      { id, version: 1 },
      {
        given: ['notes'],
        plan: async () => ({ values: { notes: 'b' } }),
      },
    );
    expect(after.version).toBe(1);
    const now = await state(id);
    expect([now.version, now.updatedAt, now.notes, now.audits, now.entries]).toEqual([1, before.updatedAt, 'b', 1, 1]);
  });

  it('rolls the change and its audit entry back when the timeline entry cannot be written', async () => {
    const id = await organization({ province: 'ON' });
    const before = await state(id);
    const broken = kind({ timeline: () => ({ subjects: [{ subjectType: 'Organization', subjectId: 'not-a-uuid' }], prefix: 'record' }) });
    await expect(writer.update(ctxOf(users.staff), broken, store, { id, version: 1 }, cityChange('Ottawa'))).rejects.toThrow();
    expect(await state(id)).toEqual(before);
  });

  it('an unchanged record is not written (same version, no audit, no timeline)', async () => {
    const id = await organization({ province: 'ON' });
    const before = await state(id);
    await writer.update(ctxOf(users.staff), kind(), store, { id, version: 1 }, { given: ['city'], plan: async () => ({ values: {} }) });
    expect(await state(id)).toEqual(before);
  });

  it('archives and restores with a version check, audited', async () => {
    const id = await organization({ province: 'ON' });
    const archived = await writer.archive(ctxOf(users.staff), kind(), store, { id, version: 1 });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await expect(writer.restore(ctxOf(users.staff), kind(), store, { id, version: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const restored = await writer.restore(ctxOf(users.staff), kind(), store, { id, version: 2 });
    expect(restored.archivedAt).toBeNull();
    const actions = await dataSource.query(`SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY at, id`, [id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['organization.archive', 'organization.restore']);
  });

  it('keeps the manager of a caller who opened the transaction (one transaction for both writes)', async () => {
    const id = await organization({ province: 'ON' });
    await expect(
      dataSource.transaction(async (manager: EntityManager) => {
        await writer.update(ctxOf(users.staff), kind(), store, { id, version: 1 }, cityChange('Ottawa'), manager);
        throw new Error('the caller changes its mind');
      }),
    ).rejects.toThrow('the caller changes its mind');
    expect((await state(id)).version).toBe(1);
  });
});
