module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'staff-graphql',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
