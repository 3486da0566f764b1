const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'timeline', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
