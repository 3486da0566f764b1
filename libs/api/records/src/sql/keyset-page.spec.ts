import { keysetPage } from './keyset-cursor';

type Row = { id: string; name: string; sortKey: string };
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `id${i}`, name: `n${i}`, sortKey: `k${i}` }));

describe('keysetPage', () => {
  it('keeps the first rows, says a row followed, and makes the cursor of the last kept row', () => {
    const page = keysetPage(rows(4), 3, (last) => `${last.sortKey}|${last.id}`, ['sortKey']);
    expect(page.rows).toEqual([
      { id: 'id0', name: 'n0' },
      { id: 'id1', name: 'n1' },
      { id: 'id2', name: 'n2' },
    ]);
    expect(page.hasNextPage).toBe(true);
    expect(page.endCursor).toBe('k2|id2');
  });

  it('a short read is the last page', () => {
    const page = keysetPage(rows(2), 3, (last) => last.id, ['sortKey']);
    expect(page.rows.map((row) => row.id)).toEqual(['id0', 'id1']);
    expect(page.hasNextPage).toBe(false);
    expect(page.endCursor).toBe('id1');
  });

  it('an empty read has no cursor', () => {
    expect(keysetPage(rows(0), 3, (last) => last.id)).toEqual({ rows: [], hasNextPage: false, endCursor: null });
  });

  it('exactly `first` rows read: no next page', () => {
    expect(keysetPage(rows(3), 3, (last) => last.id).hasNextPage).toBe(false);
  });
});
