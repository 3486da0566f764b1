// How the launcher shows its apps' output (decision 061). The api and the worker
// always write pino's JSON lines to the launcher's pipe; when the launcher's own
// stdout is a terminal, each JSON log line is shown by pino-pretty as one readable
// line (time, level, [Nest context] message, the other fields inline), under the
// app's prefix. Anything else (pipes, CI, files) gets the JSON lines as they are.
'use strict';

/** The record of a pino JSON line, or null for any other line (left as it is). */
function pinoRecord(line) {
  if (!line.startsWith('{')) return null;
  try {
    const record = JSON.parse(line);
    return record && typeof record.level === 'number' && typeof record.time === 'number' ? record : null;
  } catch {
    return null;
  }
}

/**
 * Returns line => lines to show. pretty: format pino lines with pino-pretty;
 * colorize: with colours. The name, pid and hostname are left out: the prefix
 * already says which app it is.
 */
function createLineFormatter({ pretty, colorize }) {
  if (!pretty) return (line) => [line];
  const { prettyFactory } = require('pino-pretty');
  const prettify = prettyFactory({
    colorize,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,name,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
    singleLine: true,
  });
  return (line) => {
    const record = pinoRecord(line);
    if (!record) return [line];
    return prettify(record).replace(/\n+$/, '').split('\n');
  };
}

module.exports = { pinoRecord, createLineFormatter };
