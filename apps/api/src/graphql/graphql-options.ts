import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { AppConfig } from '@crm/platform';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { inlinePlainFields } from './plain-fields';
import { costLimitHook } from './query-cost';

// Limits a legitimate staff screen never reaches; a hostile query does
// (depth, aliases and cost come from the configuration).
const maxDirectives = 20;

/** Mercurius settings: limits on by default, tooling off in production. */
export function graphqlOptions(config: AppConfig, schemaFile?: string) {
  const production = config.NODE_ENV === 'production';
  // GraphQL Armor throws "Syntax Error: …"; report a plain validation error instead.
  const armor = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
  const validationRules: ValidationRule[] = [
    maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES, ...armor }) as unknown as ValidationRule,
    maxDirectivesRule({ n: maxDirectives, ...armor }) as unknown as ValidationRule,
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
    // Cost depends on the variables, so it is checked per request, not in the cached validation (decision 066).
    hooks: { preExecution: [costLimitHook(config.GRAPHQL_MAX_COST)] },
    // graphql-jit compiles a query after its first use: faster repeated queries.
    jit: 1,
    // …and reads plain fields inline once Nest's per-field resolvers are gone (decision 114).
    transformSchema: (schema: GraphQLSchema) => inlinePlainFields(schema).schema,
    // Batched requests would multiply cost past our limits: one operation per request.
    allowBatchedQueries: false,
    // Nested field resolvers go through the AccessGuard too (fail closed), and @AllowField's FieldAccessInterceptor (null when denied).
    fieldResolverEnhancers: ['guards' as const, 'interceptors' as const],
  };
}
