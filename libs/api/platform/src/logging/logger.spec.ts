import { requestIdFrom } from './logger';

describe('requestIdFrom', () => {
  it('keeps a well-formed incoming id', () => {
    expect(requestIdFrom('req-12345678')).toBe('req-12345678');
  });

  it('replaces ids that could inject into logs', () => {
    expect(requestIdFrom('bad id\n{"level":60}')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
  });
});
