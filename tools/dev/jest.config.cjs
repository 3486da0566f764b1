// Unit tests of the dev tooling's pure decisions (tools/dev/*.spec.cjs): plain CommonJS, no transform needed.
const preset = require('../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'dev-tools', rootDir: __dirname, testMatch: ['<rootDir>/*.spec.cjs'] };
