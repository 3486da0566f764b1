const preset = require('../../../jest.preset.cjs');
module.exports = {
  ...preset,
  displayName: 'records:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
