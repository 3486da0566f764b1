export { createTestDatabase, type TestDatabase } from './test-database';
export { privateRedis, freePort, type PrivateRedis } from './redis-server';
export { tcpProxy, type TcpProxy } from './tcp-proxy';
