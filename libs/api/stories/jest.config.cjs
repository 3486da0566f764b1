const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'stories', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
