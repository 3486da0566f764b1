const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'authz', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
