const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'geography', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
