// Unit tests of the app's server utilities (routes and components are covered by
// the journeys in apps/staff-e2e).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'staff',
  rootDir: __dirname,
  testMatch: ['<rootDir>/app/**/*.spec.ts'],
};
