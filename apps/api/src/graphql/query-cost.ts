import { defaultPageSize, PageArgs } from '@crm/contracts';
import { GraphQLError, getNamedType, isCompositeType, visit, type ArgumentNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

// What one query may cost, computed with the values the query will really run
// with: literal arguments, variables, variables' defaults (decision 066). A
// static rule that reads only literals lets `first: $n` through at any size.

/** The largest page any list serves (PageArgs); the page size assumed when a query does not say. */
export const maxPageSize = PageArgs.shape.first.unwrap().maxValue ?? 200;

const objectCost = 2;
const scalarCost = 1;

// A field's own weight plus its selection, times the rows it can return: roughly
// how many values the answer can hold. Aliases, fragments and inline fragments
// are expanded by graphql-query-complexity, so each way of writing a query costs
// what it fetches.
const pageAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own = isCompositeType(getNamedType(field.type)) ? objectCost + childComplexity : scalarCost;
  return (
    own *
    pageSize(
      field.args.map((arg) => arg.name),
      args,
    )
  );
};

function pageSize(argumentNames: string[], values: Record<string, unknown>): number {
  const pageArgument = argumentNames.find((name) => name === 'first' || name === 'last');
  if (!pageArgument) return 1;
  const value = values[pageArgument];
  // Absent or null: the resolver takes its default page (PageArgs; no list's default is larger).
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.trunc(value)) : defaultPageSize;
}

/** The cost of running `document` with these variables (every operation in it, if it has several). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown> | null): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, estimators: [pageAwareEstimator] });
}

// Walking a document costs ~0.1 ms; Mercurius hands us the same DocumentNode for
// the same query text (its parse cache), so the cost is remembered per document
// and per value of the only variables it depends on (page sizes, @skip/@include).
const remembered = new WeakMap<DocumentNode, { names: string[]; costs: Map<string, number> }>();
const rememberedPerDocument = 64;

function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (args: readonly ArgumentNode[] | undefined, wanted: string[]) => {
    for (const arg of args ?? []) if (wanted.includes(arg.name.value)) visit(arg.value, { Variable: (variable) => void names.add(variable.name.value) });
  };
  visit(document, {
    Field: (field) => collect(field.arguments, ['first', 'last']),
    Directive: (directive) => (directive.name.value === 'skip' || directive.name.value === 'include' ? collect(directive.arguments, ['if']) : undefined),
  });
  return [...names].sort();
}

function rememberedCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number {
  let entry = remembered.get(document);
  if (!entry) {
    entry = { names: costVariables(document), costs: new Map() };
    remembered.set(document, entry);
  }
  // Unset and null differ (an unset variable takes its default): keep them apart in the key.
  const key = JSON.stringify(entry.names.map((name) => (name in variables ? [variables[name]] : [])));
  let cost = entry.costs.get(key);
  if (cost === undefined) {
    cost = queryCost(schema, document, variables);
    if (entry.costs.size >= rememberedPerDocument) entry.costs.clear();
    entry.costs.set(key, cost);
  }
  return cost;
}

/**
 * Mercurius `preExecution` hook: runs on every request, after the (cached)
 * validation and before execution or graphql-jit, with the request's variables.
 */
export function costLimitHook(maxCost: number) {
  return async (schema: GraphQLSchema, document: DocumentNode, _context: unknown, variables?: Record<string, unknown> | null): Promise<void> => {
    let cost: number;
    try {
      cost = rememberedCost(schema, document, variables ?? {});
    } catch (error) {
      // Bad variables, too many nodes: refuse with the reason, as validation would.
      throw costRefusal(error instanceof GraphQLError ? error.message : 'Query cost could not be computed');
    }
    if (cost > maxCost) throw costRefusal(`Query cost limit of ${maxCost} exceeded, found ${cost}.`);
  };
}

// Mercurius answers a thrown validation error with 400; the API's error formatter
// gives it the code GRAPHQL_VALIDATION_FAILED, like every other refused query.
function costRefusal(message: string): Error {
  return Object.assign(new Error('Graphql validation error'), {
    code: 'MER_ERR_GQL_VALIDATION',
    statusCode: 400,
    errors: [new GraphQLError(message)],
  });
}
