const preset = require('../../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'campaigns', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
