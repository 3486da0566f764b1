const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'people', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
