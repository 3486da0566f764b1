const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'records', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
