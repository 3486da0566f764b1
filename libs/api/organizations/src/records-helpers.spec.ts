import { defineAbilityFor } from '@crm/authz';
import { combineNotes } from './organizations.service';
import { keysetCursor, likeEscape, SqlParams } from './sql';
import { withoutNulls } from './without-nulls';
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
