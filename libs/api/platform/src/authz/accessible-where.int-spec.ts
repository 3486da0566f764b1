import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { defineAbilityFor, subject, type Action, type Actor, type AppAbility, type Role } from '@crm/authz';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { accessibleWhere, applyAccessibleWhere } from './accessible-where';

const coord = '00000000-0000-4000-8000-000000000001';
const otherCoord = '00000000-0000-4000-8000-000000000002';

interface PersonRow {
  label: string;
  provinceCode: string | null;
  ownerId: string | null;
  createdById: string | null;
}
const rows: PersonRow[] = [
  { label: 'on-owned', provinceCode: 'ON', ownerId: coord, createdById: otherCoord },
  { label: 'on-created', provinceCode: 'ON', ownerId: otherCoord, createdById: coord },
  { label: 'on-other', provinceCode: 'ON', ownerId: otherCoord, createdById: otherCoord },
  { label: 'on-unowned', provinceCode: 'ON', ownerId: null, createdById: null },
  { label: 'qc-owned-created', provinceCode: 'QC', ownerId: coord, createdById: coord },
  { label: 'bc-owned-created', provinceCode: 'BC', ownerId: coord, createdById: coord },
  { label: 'bc-other', provinceCode: 'BC', ownerId: otherCoord, createdById: otherCoord },
  // Not a state the real schema allows; here to show NULLs never widen or narrow wrongly.
  { label: 'no-province', provinceCode: null, ownerId: coord, createdById: coord },
];
const all = rows.map((row) => row.label);
const columns = { provinceCode: 'p.province_code', ownerId: 'p.owner_id', createdById: 'p.created_by_id' };

const actor = (id: string, role: Role, extra: Partial<Actor> = {}): Actor => ({
  id,
  role,
  provinceCodes: [],
  organizationId: null,
  ...extra,
});
const abilities: Record<string, AppAbility> = {
  admin: defineAbilityFor(actor('00000000-0000-4000-8000-0000000000a1', 'ADMIN')),
  staff: defineAbilityFor(actor('00000000-0000-4000-8000-0000000000a2', 'STAFF')),
  coordinator: defineAbilityFor(actor(coord, 'COORDINATOR', { provinceCodes: ['ON', 'QC'] })),
  member: defineAbilityFor(actor('00000000-0000-4000-8000-0000000000a3', 'MEMBER', { organizationId: '00000000-0000-4000-8000-0000000000b1' })),
  funder: defineAbilityFor(actor('00000000-0000-4000-8000-0000000000a4', 'FUNDER')),
  anonymous: defineAbilityFor(null),
};

// What CASL's own matcher says, row by row: the SQL must agree with it exactly.
const allowedInMemory = (ability: AppAbility, action: Action) =>
  rows
    .filter((row) =>
      ability.can(action, subject('Person', { provinceCode: row.provinceCode ?? undefined, ownerId: row.ownerId, createdById: row.createdById })),
    )
    .map((row) => row.label);

describe('accessibleWhere against PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    // A table of its own: created as the owner (the application role may create none).
    dataSource = createDataSource(database.ownerUrl, [], 2);
    await dataSource.initialize();
    await dataSource.query(`
      CREATE TABLE authz_person (
        label text PRIMARY KEY,
        province_code char(2),
        owner_id uuid,
        created_by_id uuid
      )`);
    for (const row of rows) {
      await dataSource.query('INSERT INTO authz_person VALUES ($1, $2, $3, $4)', [row.label, row.provinceCode, row.ownerId, row.createdById]);
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function selectWith(ability: AppAbility, action: Action): Promise<string[]> {
    // An offset, as a repository adding the filter after its own parameters would.
    const where = accessibleWhere(ability, action, 'Person', columns, 1);
    const found: Array<{ label: string }> = await dataSource.query(`SELECT label FROM authz_person p WHERE label <> $1 AND ${where.sql} ORDER BY label`, [
      '-',
      ...where.params,
    ]);
    return found.map((row) => row.label);
  }

  const sorted = (labels: string[]) => [...labels].sort();

  it.each([
    ['admin', 'read', all],
    ['admin', 'update', all],
    ['staff', 'read', all],
    ['staff', 'update', all],
    ['coordinator', 'read', ['on-owned', 'on-created', 'on-other', 'on-unowned', 'qc-owned-created']],
    ['coordinator', 'update', ['on-owned', 'on-created', 'qc-owned-created']],
    ['member', 'read', []],
    ['member', 'update', []],
    ['funder', 'read', []],
    ['funder', 'update', []],
    ['anonymous', 'read', []],
    ['anonymous', 'update', []],
  ] as Array<[string, Action, string[]]>)('%s may %s exactly the expected people', async (who, action, expected) => {
    const ability = abilities[who];
    const selected = await selectWith(ability, action);
    expect(selected).toEqual(sorted(expected));
    expect(selected).toEqual(sorted(allowedInMemory(ability, action)));
  });

  it('honours a cannot rule without hiding rows whose column is NULL', async () => {
    const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
    builder.can('read', 'Person');
    builder.cannot('read', 'Person', { ownerId: otherCoord });
    const ability = builder.build();
    const selected = await selectWith(ability, 'read');
    expect(selected).toEqual(sorted(['on-owned', 'on-unowned', 'qc-owned-created', 'bc-owned-created', 'no-province']));
    expect(selected).toEqual(sorted(allowedInMemory(ability, 'read')));
  });

  it('filters a TypeORM list query the same way', async () => {
    const qb = dataSource.createQueryBuilder().select('p.label', 'label').from('authz_person', 'p').where('p.label <> :label', { label: '-' });
    applyAccessibleWhere(qb, abilities.coordinator, 'update', 'Person', columns);
    const found: Array<{ label: string }> = await qb.orderBy('p.label').getRawMany();
    expect(found.map((row) => row.label)).toEqual(sorted(['on-owned', 'on-created', 'qc-owned-created']));
  });
});
