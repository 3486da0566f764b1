import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { defineAbilityFor, type Actor, type AppAbility, type Role } from '@crm/authz';
import { DataSource } from 'typeorm';
import { AccessibleWhereError, accessibleWhere, applyAccessibleWhere } from './accessible-where';

const actor = (id: string, role: Role, extra: Partial<Actor> = {}): Actor => ({
  id,
  role,
  provinceCodes: [],
  organizationId: null,
  ...extra,
});
const personColumns = { provinceCode: 'p.province_code', ownerId: 'p.owner_id', createdById: 'p.created_by_id' };
const coordinator = defineAbilityFor(actor('coord-1', 'COORDINATOR', { provinceCodes: ['ON', 'QC'] }));

// Builds an ability from raw rules, for shapes the real definition does not use.
function abilityWith(define: (builder: AbilityBuilder<AppAbility>) => void): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  define(builder);
  return builder.build();
}

describe('accessibleWhere: each role reading people', () => {
  it.each([
    ['admin reads every person', defineAbilityFor(actor('admin-1', 'ADMIN')), { sql: 'TRUE', params: [] }],
    ['staff reads every person', defineAbilityFor(actor('staff-1', 'STAFF')), { sql: 'TRUE', params: [] }],
    ['coordinator reads people in their provinces', coordinator, { sql: 'p.province_code = ANY($1)', params: [['ON', 'QC']] }],
    ['coordinator without a region reads no one', defineAbilityFor(actor('coord-2', 'COORDINATOR')), { sql: 'FALSE', params: [] }],
    ['member reads no one', defineAbilityFor(actor('member-1', 'MEMBER', { organizationId: 'org-1' })), { sql: 'FALSE', params: [] }],
    ['funder reads no one', defineAbilityFor(actor('funder-1', 'FUNDER')), { sql: 'FALSE', params: [] }],
    ['the public reads no one', defineAbilityFor(null), { sql: 'FALSE', params: [] }],
  ])('%s', (_name, ability, expected) => {
    expect(accessibleWhere(ability, 'read', 'Person', personColumns)).toEqual(expected);
  });

  it('coordinator updates people in their provinces they own or created', () => {
    expect(accessibleWhere(coordinator, 'update', 'Person', personColumns)).toEqual({
      sql: '((p.province_code = ANY($1) AND p.owner_id = $2) OR (p.province_code = ANY($3) AND p.created_by_id = $4))',
      params: [['ON', 'QC'], 'coord-1', ['ON', 'QC'], 'coord-1'],
    });
  });

  it('numbers parameters after the offset', () => {
    expect(accessibleWhere(coordinator, 'read', 'Person', personColumns, 3)).toEqual({ sql: 'p.province_code = ANY($4)', params: [['ON', 'QC']] });
  });

  it('member reads only their own organization', () => {
    const member = defineAbilityFor(actor('member-1', 'MEMBER', { organizationId: 'org-1' }));
    expect(accessibleWhere(member, 'read', 'Organization', { id: 'o.id' })).toEqual({ sql: 'o.id = $1', params: ['org-1'] });
  });

  it('staff updates only their own user', () => {
    const staff = defineAbilityFor(actor('staff-1', 'STAFF'));
    expect(accessibleWhere(staff, 'update', 'User', { id: 'u.id' })).toEqual({ sql: 'u.id = $1', params: ['staff-1'] });
  });
});

describe('accessibleWhere: rule shapes', () => {
  it('gives FALSE when nothing is allowed', () => {
    expect(
      accessibleWhere(
        abilityWith(() => undefined),
        'read',
        'Person',
        personColumns,
      ),
    ).toEqual({ sql: 'FALSE', params: [] });
  });

  it('gives TRUE for manage all', () => {
    expect(
      accessibleWhere(
        abilityWith(({ can }) => can('manage', 'all')),
        'archive',
        'Story',
        {},
      ),
    ).toEqual({ sql: 'TRUE', params: [] });
  });

  it('honours a cannot rule with conditions as AND ... IS NOT TRUE', () => {
    const ability = abilityWith(({ can, cannot }) => {
      can('read', 'Person');
      cannot('read', 'Person', { provinceCode: 'QC' });
    });
    expect(accessibleWhere(ability, 'read', 'Person', personColumns)).toEqual({ sql: '(p.province_code = $1) IS NOT TRUE', params: ['QC'] });
  });

  it('bounds a conditional can by a later cannot', () => {
    const ability = abilityWith(({ can, cannot }) => {
      can('read', 'Person', { provinceCode: { $in: ['ON', 'QC'] } });
      cannot('read', 'Person', { ownerId: null });
    });
    expect(accessibleWhere(ability, 'read', 'Person', personColumns)).toEqual({
      sql: '(p.province_code = ANY($1) AND (p.owner_id IS NULL) IS NOT TRUE)',
      params: [['ON', 'QC']],
    });
  });

  it('gives FALSE when an unconditional cannot comes last', () => {
    const ability = abilityWith(({ can, cannot }) => {
      can('read', 'Person', { provinceCode: 'ON' });
      cannot('read', 'Person');
    });
    expect(accessibleWhere(ability, 'read', 'Person', personColumns).sql).toBe('FALSE');
  });

  it('ignores field-level rules (they narrow fields, not rows)', () => {
    const ability = abilityWith(({ can, cannot }) => {
      can('read', 'Person', { provinceCode: 'ON' });
      cannot('read', 'Person', ['livedExperience'], { ownerId: { $ne: 'coord-1' } });
    });
    expect(accessibleWhere(ability, 'read', 'Person', personColumns)).toEqual({ sql: 'p.province_code = $1', params: ['ON'] });
  });

  it.each([
    ['equality with null', { ownerId: null }, 'p.owner_id IS NULL', []],
    ['$eq', { ownerId: { $eq: 'u1' } }, 'p.owner_id = $1', ['u1']],
    ['$ne', { ownerId: { $ne: 'u1' } }, 'p.owner_id IS DISTINCT FROM $1', ['u1']],
    ['$ne null', { ownerId: { $ne: null } }, 'p.owner_id IS NOT NULL', []],
    ['$nin', { provinceCode: { $nin: ['ON'] } }, '(p.province_code = ANY($1)) IS NOT TRUE', [['ON']]],
    ['empty $in', { provinceCode: { $in: [] } }, 'FALSE', []],
    ['empty $nin', { provinceCode: { $nin: [] } }, 'TRUE', []],
    ['two fields', { provinceCode: 'ON', ownerId: 'u1' }, '(p.province_code = $1 AND p.owner_id = $2)', ['ON', 'u1']],
  ])('translates %s', (_name, conditions, sql, params) => {
    const ability = abilityWith(({ can }) => can('read', 'Person', conditions as never));
    expect(accessibleWhere(ability, 'read', 'Person', personColumns)).toEqual({ sql, params });
  });
});

describe('accessibleWhere: remembered per rule set (decision 114)', () => {
  it('answers the same SQL again, numbered after each offset, with params the caller owns', () => {
    const first = accessibleWhere(coordinator, 'update', 'Person', personColumns, 2);
    first.params.push('added by the caller');
    expect(accessibleWhere(coordinator, 'update', 'Person', personColumns, 2)).toEqual({
      sql: '((p.province_code = ANY($3) AND p.owner_id = $4) OR (p.province_code = ANY($5) AND p.created_by_id = $6))',
      params: [['ON', 'QC'], 'coord-1', ['ON', 'QC'], 'coord-1'],
    });
    expect(accessibleWhere(coordinator, 'update', 'Person', personColumns, 0).sql).toContain('$1');
  });

  it('a new ability (another role, other regions) gets its own SQL, and other columns theirs', () => {
    expect(accessibleWhere(coordinator, 'read', 'Person', personColumns)).toEqual({ sql: 'p.province_code = ANY($1)', params: [['ON', 'QC']] });
    const moved = defineAbilityFor(actor('coord-1', 'COORDINATOR', { provinceCodes: ['MB'] }));
    expect(accessibleWhere(moved, 'read', 'Person', personColumns)).toEqual({ sql: 'p.province_code = ANY($1)', params: [['MB']] });
    expect(accessibleWhere(defineAbilityFor(actor('coord-1', 'MEMBER', { organizationId: 'o' })), 'read', 'Person', personColumns).sql).toBe('FALSE');
    expect(accessibleWhere(coordinator, 'read', 'Person', { ...personColumns, provinceCode: 'x.province_code' }).sql).toBe('x.province_code = ANY($1)');
  });
});

describe('accessibleWhere: fails closed', () => {
  it('throws on a condition field missing from the column map', () => {
    expect(() => accessibleWhere(coordinator, 'update', 'Person', { provinceCode: 'p.province_code', ownerId: 'p.owner_id' })).toThrow(
      /Person rule has a condition on "createdById", which has no SQL column/,
    );
  });

  it('throws an AccessibleWhereError, not a user error', () => {
    expect(() => accessibleWhere(coordinator, 'read', 'Person', {})).toThrow(AccessibleWhereError);
  });

  it.each([
    ['$gt', { provinceCode: { $gt: 'A' } }, /unsupported the operator "\$gt"/],
    ['$regex', { provinceCode: { $regex: '^O' } }, /unsupported the operator "\$regex"/],
    ['$or inside conditions', { $or: [{ ownerId: 'u1' }] }, /"\$or" inside rule conditions/],
    ['a nested object', { ownerId: { id: 'u1' } }, /non-scalar value for "ownerId"/],
    ['null inside $in', { ownerId: { $in: ['u1', null] } }, /null inside a list/],
  ])('throws on %s', (_name, conditions, message) => {
    const ability = abilityWith(({ can }) => can('read', 'Person', conditions as never));
    expect(() => accessibleWhere(ability, 'read', 'Person', personColumns)).toThrow(message);
  });
});

describe('applyAccessibleWhere', () => {
  // A data source that is never connected: enough to build and print queries.
  const dataSource = new DataSource({ type: 'postgres' });
  const people = () => dataSource.createQueryBuilder().select('p.id').from('person', 'p');

  it('adds the condition with named parameters, numbered by TypeORM', () => {
    const qb = applyAccessibleWhere(people().where('p.archived_at IS NULL'), coordinator, 'update', 'Person', personColumns);
    const [sql, params] = qb.getQueryAndParameters();
    expect(sql).toBe(
      'SELECT p.id FROM "person" "p" WHERE p.archived_at IS NULL AND (((p.province_code = ANY($1) AND p.owner_id = $2) OR (p.province_code = ANY($3) AND ' +
        'p.created_by_id = $4)))',
    );
    expect(params).toEqual([['ON', 'QC'], 'coord-1', ['ON', 'QC'], 'coord-1']);
  });

  it('uses a fresh parameter prefix on each call, so two conditions do not collide', () => {
    const staff = defineAbilityFor(actor('staff-1', 'STAFF'));
    let qb = applyAccessibleWhere(people(), coordinator, 'read', 'Person', personColumns);
    qb = applyAccessibleWhere(qb, staff, 'update', 'User', { id: 'p.owner_id' });
    const names = Object.keys(qb.getParameters());
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    expect(qb.getQueryAndParameters()[1]).toEqual([['ON', 'QC'], 'staff-1']);
  });

  it('adds FALSE when nothing is allowed', () => {
    const qb = applyAccessibleWhere(people(), defineAbilityFor(null), 'read', 'Person', personColumns);
    expect(qb.getQuery()).toBe('SELECT p.id FROM "person" "p" WHERE (FALSE)');
  });
});
