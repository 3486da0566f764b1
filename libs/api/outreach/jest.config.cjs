const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'outreach', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
