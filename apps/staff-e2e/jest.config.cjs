// End-to-end journeys: the global setup starts the whole stack (PostgreSQL,
// Redis, api, worker, staff) on free ports with a fresh database, and the specs
// drive Debian's Chromium through playwright-core (see src/support/stack.ts).
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'staff-e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  maxWorkers: 1,
  testSequencer: '<rootDir>/journey-order.cjs',
};
