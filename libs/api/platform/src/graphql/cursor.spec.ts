import { encodeCursor } from './page-info.object';
import { readCursor } from './cursor';

describe('readCursor: nothing reaches SQL unchecked', () => {
  const id = '6f1c1f0e-8a3b-4c1d-9e2f-0a1b2c3d4e5f';
  it('reads a cursor of the expected shape', () => {
    expect(readCursor(encodeCursor(['2026-11-27T01:02:03.123456', id]), ['timestamp', 'uuid'] as const)).toEqual(['2026-11-27T01:02:03.123456', id]);
    expect(readCursor(encodeCursor(['2026-11-27 01:02:03.1+00']), ['timestamp'] as const)).toEqual(['2026-11-27 01:02:03.1+00']);
    expect(readCursor(encodeCursor(['12345']), ['bigint'] as const)).toEqual(['12345']);
    expect(readCursor(encodeCursor([7]), ['int'] as const)).toEqual([7]);
    expect(readCursor(null, ['uuid'] as const)).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['the wrong arity', encodeCursor([id])],
    ['a 31 February', encodeCursor(['2024-02-31T00:00:00', id])],
    ['hour 99', encodeCursor(['2024-01-01T99:00:00', id])],
    ['a bad id', encodeCursor(['2024-01-01T00:00:00', 'not-a-uuid'])],
    ['a NUL', encodeCursor(['2024-01-01T00:00:00\u0000', id])],
    ['an object', encodeCursor([{}, id])],
  ])('refuses %s', (_what, cursor) => {
    expect(() => readCursor(cursor, ['timestamp', 'uuid'] as const)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses a bigint out of range and a number that is not an integer', () => {
    expect(() => readCursor(encodeCursor(['99999999999999999999']), ['bigint'] as const)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => readCursor(encodeCursor([1.5]), ['int'] as const)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('reads an enum part only as one of its values, the same way for every list', () => {
    const parts = [['enum', ['poster', 'banner']], 'uuid'] as const;
    expect(readCursor(encodeCursor(['banner', id]), parts)).toEqual(['banner', id]);
    for (const value of ['flyer', 'BANNER', 1, null]) {
      expect(() => readCursor(encodeCursor([value, id]), parts)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});
