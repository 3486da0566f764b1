import { defineAbilityFor } from '@crm/authz';
import { combineNotes } from '../merge/combine-notes';
import { withoutNulls } from '../graphql/without-nulls';
import { encodeOrderedCursor, keysetCursor, orderedCursor } from './keyset-cursor';
import { likeEscape, SqlParams } from '@crm/platform';
import { encodeCursor } from '@crm/platform';

describe('SqlParams', () => {
  it('numbers values and scope conditions in one sequence', () => {
    const params = new SqlParams();
    const first = params.add('x');
    const ability = defineAbilityFor({ id: 'c1', role: 'COORDINATOR', provinceCodes: ['ON'], organizationId: null });
    const scope = params.scope(ability, 'read', 'Person', { provinceCode: 'p.province_code', ownerId: 'p.owner_id', createdById: 'p.created_by_id' });
    const last = params.add(10);
    expect(first).toBe('$1');
    expect(scope).toBe('(p.province_code = ANY($2))');
    expect(last).toBe('$3');
    expect(params.values).toEqual(['x', ['ON'], 10]);
  });

  it('turns "nothing allowed" into FALSE', () => {
    const params = new SqlParams();
    const funder = defineAbilityFor({ id: 'f1', role: 'FUNDER', provinceCodes: [], organizationId: null });
    expect(params.scope(funder, 'read', 'Person', { provinceCode: 'p.province_code', ownerId: 'p.owner_id', createdById: 'p.created_by_id' })).toBe('(FALSE)');
  });
});

describe('keysetCursor', () => {
  it('reads a cursor of the expected arity', () => {
    expect(keysetCursor(encodeCursor(['ali', 'id-1']), 2)).toEqual(['ali', 'id-1']);
    expect(keysetCursor(null, 2)).toBeNull();
  });

  it.each(['garbage', encodeCursor(['only-one']), encodeCursor([1, 2])])('refuses %s', (cursor) => {
    expect(() => keysetCursor(cursor, 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('small helpers', () => {
  it('escapes LIKE wildcards', () => {
    expect(likeEscape('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('drops nulls (filters, create inputs)', () => {
    expect(withoutNulls({ a: null, b: 0, c: false, d: 'x' })).toEqual({ b: 0, c: false, d: 'x' });
    expect(withoutNulls(null)).toEqual({});
  });

  it('keeps both notes on merge, the duplicate’s under its name', () => {
    expect(combineNotes('Met at vigil', 'Speaks Arabic', 'Mohamed Ali')).toBe('Met at vigil\n\n— Mohamed Ali:\nSpeaks Arabic');
    expect(combineNotes(null, 'B', 'x')).toBe('B');
    expect(combineNotes('A', null, 'x')).toBe('A');
    expect(combineNotes('A', 'A', 'x')).toBe('A');
    expect(combineNotes('a'.repeat(9_990), 'b'.repeat(100), 'x')).toHaveLength(10_000);
  });
});

describe('orderedCursor', () => {
  const id = '6f1c1f0e-8a3b-4c1d-9e2f-0a1b2c3d4e5f';
  it('reads a cursor of its own order', () => {
    expect(orderedCursor(encodeOrderedCursor('NAME', ['smith', 'ana', id]), 'NAME', 3)).toEqual(['smith', 'ana', id]);
    expect(orderedCursor(encodeOrderedCursor('UPDATED', ['2026-11-27 01:02:03.123456+00', id]), 'UPDATED', 2)).toEqual(['2026-11-27 01:02:03.123456+00', id]);
    expect(orderedCursor(null, 'NAME', 3)).toBeNull();
  });

  // Each of these once reached SQL and failed there (a 500): now BAD_USER_INPUT before any statement.
  it.each<[string, string, 'NAME' | 'UPDATED', number]>([
    ['another order', encodeOrderedCursor('NAME', ['2026-11-27 01:02:03+00', id]), 'UPDATED', 2],
    ['a month 13', encodeOrderedCursor('UPDATED', ['2024-13-05 00:00:00+00', id]), 'UPDATED', 2],
    ['a 31 February', encodeOrderedCursor('UPDATED', ['2024-02-31 00:00:00+00', id]), 'UPDATED', 2],
    ['year 0000', encodeOrderedCursor('UPDATED', ['0000-01-01 00:00:00+00', id]), 'UPDATED', 2],
    ['hour 99', encodeOrderedCursor('UPDATED', ['2024-01-01 99:00:00+00', id]), 'UPDATED', 2],
    ['a bad id', encodeOrderedCursor('UPDATED', ['2024-01-01 00:00:00+00', 'not-a-uuid']), 'UPDATED', 2],
    ['a NUL in a name', encodeOrderedCursor('NAME', ['a\u0000', 'b', id]), 'NAME', 3],
  ])('refuses %s', (_what, cursor, order, arity) => {
    expect(() => orderedCursor(cursor, order, arity)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
