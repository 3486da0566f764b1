import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { AppConfig } from '@crm/platform';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';

// Limits a legitimate staff screen never reaches; a hostile query does.
export const graphqlLimits = { maxAliases: 15, maxCost: 5000, maxDirectives: 20 } as const;

/** Mercurius settings: limits on by default, tooling off in production. */
export function graphqlOptions(config: AppConfig, schemaFile?: string) {
  const production = config.NODE_ENV === 'production';
  const validationRules: ValidationRule[] = [
    maxAliasesRule({ n: graphqlLimits.maxAliases }) as unknown as ValidationRule,
    costLimitRule({ maxCost: graphqlLimits.maxCost }) as unknown as ValidationRule,
    maxDirectivesRule({ n: graphqlLimits.maxDirectives }) as unknown as ValidationRule,
  ];
  if (production) validationRules.push(NoSchemaIntrospectionCustomRule);
  return {
    path: '/graphql',
    // Written by `nx run api:print-schema` and in development; committed for review.
    autoSchemaFile: schemaFile ?? true,
    sortSchema: true,
    graphiql: !production,
    queryDepth: config.GRAPHQL_MAX_DEPTH,
    validationRules,
    // graphql-jit compiles a query after its first use: faster repeated queries.
    jit: 1,
    // Batched requests would multiply cost past our limits: one operation per request.
    allowBatchedQueries: false,
    // Nested field resolvers go through the AccessGuard too (fail closed).
    fieldResolverEnhancers: ['guards' as const],
  };
}
