const { describe, it, expect } = require('@jest/globals');
const { createLineFormatter, pinoRecord } = require('./log-format.cjs');

const time = new Date(2026, 0, 15, 9, 30, 5, 123).getTime(); // local time: pino-pretty shows SYS time
const request = JSON.stringify({
  level: 30,
  time,
  pid: 4242,
  hostname: 'box',
  name: 'api',
  reqId: 'req-12345678',
  req: { method: 'GET', path: '/graphql' },
  msg: 'incoming request',
});

describe('createLineFormatter', () => {
  it('shows a pino line as one readable line: time, level, message, other fields inline, no pid/host/name', () => {
    const [line, ...rest] = createLineFormatter({ pretty: true, colorize: false })(request);
    expect(rest).toEqual([]);
    expect(line).toBe('[09:30:05.123] INFO: incoming request {"reqId":"req-12345678","req":{"method":"GET","path":"/graphql"}}');
  });

  it("puts Nest's context before the message", () => {
    const nest = JSON.stringify({ level: 30, time, name: 'worker', context: 'NestApplication', msg: 'Nest application successfully started' });
    expect(createLineFormatter({ pretty: true, colorize: false })(nest)).toEqual([
      '[09:30:05.123] INFO: [NestApplication] Nest application successfully started',
    ]);
  });

  it('shows an error with its stack on the following lines', () => {
    const error = JSON.stringify({ level: 50, time, msg: 'boom', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at a (a.js:1:1)' } });
    const lines = createLineFormatter({ pretty: true, colorize: false })(error);
    expect(lines[0]).toMatch(/^\[09:30:05\.123\] ERROR: boom/);
    expect(lines.join('\n')).toContain('at a (a.js:1:1)');
  });

  it('leaves lines that are not pino records as they are', () => {
    const format = createLineFormatter({ pretty: true, colorize: false });
    for (const line of ['[remix-serve] http://127.0.0.1:3000', '{"not":"a log record"}', '{broken', '']) expect(format(line)).toEqual([line]);
  });

  it('passes JSON through untouched when not pretty (pipes, CI, files)', () => {
    expect(createLineFormatter({ pretty: false, colorize: false })(request)).toEqual([request]);
  });
});

describe('pinoRecord', () => {
  it('needs a numeric level and time', () => {
    expect(pinoRecord('{"level":"info","time":1}')).toBeNull();
    expect(pinoRecord('{"level":30,"time":1,"msg":"x"}')).toEqual({ level: 30, time: 1, msg: 'x' });
  });
});
