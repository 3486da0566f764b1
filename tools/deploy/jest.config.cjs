const path = require('node:path');
const preset = require('../../jest.preset.cjs');

// kubernetes-models publishes ESM only: its package exports have just an "import"
// condition, which jest's CommonJS resolver does not use. Point the specifiers at
// the files; the preset's transform compiles them (they are "type": "module").
const modules = path.join(__dirname, '../../node_modules');
module.exports = {
  ...preset,
  displayName: 'deploy',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^kubernetes-models/(.+)$': `${modules}/kubernetes-models/$1/index.js`,
    '^@kubernetes-models/base$': `${modules}/@kubernetes-models/base/dist/index.js`,
    '^@kubernetes-models/validate$': `${modules}/@kubernetes-models/validate/dist/index.js`,
    '^@kubernetes-models/apimachinery/(.+)$': `${modules}/@kubernetes-models/apimachinery/$1.js`,
  },
};
