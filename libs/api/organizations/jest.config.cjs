const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'organizations', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
