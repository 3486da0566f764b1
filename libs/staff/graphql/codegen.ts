import type { CodegenConfig } from '@graphql-codegen/cli';

// Run from the workspace root: `npx graphql-codegen --config libs/staff/graphql/codegen.ts`.
// The schema is the API's committed schema.gql, so a schema change that breaks an
// operation fails here (and in review), not in a user's browser.
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['libs/staff/graphql/src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'libs/staff/graphql/src/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        // DateTime arrives as an ISO string; JSON stays unknown until the screen checks its shape.
        scalars: { ID: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
