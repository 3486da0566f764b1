import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layerConstraints, scopeConstraints } from './tools/lint/layers.mjs';

export default [
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'tmp/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      'apps/staff/build/**',
      'apps/staff/.cache/**',
      '**/__generated__/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Prettier formats (package.json "prettier", `npm run format`) but does not wrap strings or comments: this keeps those in the width too.
    rules: { 'max-len': ['error', { code: 160, tabWidth: 2 }] },
  },
  {
    // A message is one line (its type is the literal, placeholders included), so EN and FR compare line by line.
    files: ['libs/shared/i18n/src/lib/en.ts', 'libs/shared/i18n/src/lib/fr.ts', 'libs/shared/i18n/src/lib/messages/*.ts'],
    rules: { 'max-len': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Dependencies point down the floors (tools/lint/layers.mjs, decision 056); a library is used only through its index.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [...scopeConstraints, ...layerConstraints],
        },
      ],
    },
  },
  {
    // Shared libraries run in the browser and in Node: no server frameworks.
    files: ['libs/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis'], message: 'Shared libraries stay framework-free (they run in the browser too).' },
            { group: ['@remix-run/*', 'react', 'react-dom', '@mantine/*'], message: 'Shared libraries stay framework-free.' },
            { group: ['node:*'], message: 'Shared libraries are isomorphic: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // Every redirect in the staff app goes through safeRedirect, which only ever emits a path on this site (decision 014).
    files: ['apps/staff/app/**/*.ts', 'apps/staff/app/**/*.tsx'],
    ignores: ['apps/staff/app/utils/safe-redirect.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@remix-run/node', '@remix-run/react', '@remix-run/server-runtime', 'react-router', 'react-router-dom'].map((name) => ({
            name,
            importNames: ['redirect', 'redirectDocument', 'replace'],
            message: 'Use safeRedirect from utils/safe-redirect: a redirect target built from input must stay on this site.',
          })),
        },
      ],
    },
  },
  {
    files: [
      'tools/**/*.cjs',
      'tools/**/*.js',
      'tools/**/*.mjs',
      'docker/**/*.cjs',
      '**/*.config.cjs',
      'jest.preset.cjs',
      '**/jest.config.cjs',
      'apps/staff-e2e/journey-order.cjs',
    ],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off', 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    // The staff app's Node server (ES module, run as is).
    files: ['apps/staff/server.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['tools/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e.ts', 'apps/staff-e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
