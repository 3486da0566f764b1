module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'lint-rules',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  // ESLint builds the Nx project graph on its first file: seconds, not milliseconds.
  testTimeout: 120_000,
};
