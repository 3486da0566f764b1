const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'data-transfer', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
