import type { AppConfig } from '@crm/platform';

/** Mercurius settings: limits on by default, tooling off in production. */
export function graphqlOptions(config: AppConfig, schemaFile?: string) {
  const production = config.NODE_ENV === 'production';
  return {
    path: '/graphql',
    // Written by `nx run api:print-schema` and in development; committed for review.
    autoSchemaFile: schemaFile ?? true,
    sortSchema: true,
    graphiql: !production,
    ide: false,
    introspection: !production,
    queryDepth: config.GRAPHQL_MAX_DEPTH,
    // graphql-jit compiles a query after its first use: faster repeated queries.
    jit: 1,
    // Batched requests multiply cost past our limits; one operation per request.
    allowBatchedQueries: false,
    context: (request: unknown, reply: unknown) => ({ req: request, reply }),
  };
}
