// Counting statements: a TCP proxy between an API and PostgreSQL that reads the
// frontend protocol. Each simple Query ('Q') and each extended-protocol Execute
// ('E') is one statement the API sent; Parse ('P') and Bind ('B') give its text
// and parameters (for EXPLAIN). Used by the bench scripts (records.cjs, outreach.cjs).
'use strict';

const net = require('node:net');
const { cleanups } = require('./run.cjs');

function startCountingProxy(pgHost, pgPort) {
  const log = [];
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: pgHost, port: pgPort });
    let buffer = Buffer.alloc(0);
    let startup = true;
    const statements = new Map(); // prepared name -> text
    let pendingText = null;
    let pendingParams = null;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (startup) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          if (code !== 80877103 && code !== 80877104) startup = false; // SSL/GSS requests come before the startup message
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const message = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === 'Q') log.push({ at: Date.now(), sql: message.toString('utf8', 0, message.length - 1), params: [] });
        else if (type === 'P') {
          const nameEnd = message.indexOf(0);
          const name = message.toString('utf8', 0, nameEnd);
          const textEnd = message.indexOf(0, nameEnd + 1);
          const text = message.toString('utf8', nameEnd + 1, textEnd);
          if (name) statements.set(name, text);
          pendingText = text;
        } else if (type === 'B') {
          let at = message.indexOf(0) + 1; // portal
          const stmtEnd = message.indexOf(0, at);
          const stmt = message.toString('utf8', at, stmtEnd);
          at = stmtEnd + 1;
          const formats = message.readInt16BE(at);
          at += 2 + 2 * formats;
          const count = message.readInt16BE(at);
          at += 2;
          const params = [];
          for (let k = 0; k < count; k++) {
            const len = message.readInt32BE(at);
            at += 4;
            if (len < 0) params.push(null);
            else {
              params.push(message.toString('utf8', at, at + len));
              at += len;
            }
          }
          pendingParams = params;
          if (stmt) pendingText = statements.get(stmt) || pendingText;
        } else if (type === 'E') {
          log.push({ at: Date.now(), sql: pendingText, params: pendingParams || [] });
          pendingParams = null;
        }
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, log, close: () => server.close() })));
}

/** A counting proxy in front of the server of `dbUrl`, closed at the end: { proxy, url }, url being dbUrl through the proxy. */
async function countingProxyFor(dbUrl) {
  const pg = new URL(dbUrl);
  const proxy = await startCountingProxy(pg.hostname, Number(pg.port || 5432));
  cleanups.push(() => proxy.close());
  const proxied = new URL(dbUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return { proxy, url: proxied.toString() };
}

module.exports = { startCountingProxy, countingProxyFor };
