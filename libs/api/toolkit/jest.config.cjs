const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'toolkit', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
