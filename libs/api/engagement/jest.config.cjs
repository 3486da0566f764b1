const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'engagement', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
