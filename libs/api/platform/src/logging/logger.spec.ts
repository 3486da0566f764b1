import { requestIdFrom, wantsPrettyLogs } from './logger';

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

describe('wantsPrettyLogs', () => {
  it('pretty-prints only for a terminal in development', () => {
    expect(wantsPrettyLogs('development', true)).toBe(true);
  });

  it('writes JSON to pipes, files and the launcher, and in test or production even on a terminal (containers with -t)', () => {
    expect(wantsPrettyLogs('development', false)).toBe(false);
    expect(wantsPrettyLogs('production', true)).toBe(false);
    expect(wantsPrettyLogs('test', true)).toBe(false);
    expect(wantsPrettyLogs(undefined, true)).toBe(false);
  });
});
