const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'pledges', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
