import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

// Nest's code-first schema gives every plain `@Field()` a resolver of its own
// (`rootFieldResolver`: the property of the same name, or the field's
// `defaultValue`). graphql-jit reads a field without a resolver inline in the
// compiled query, but calls a field with one through its resolver machinery (a
// resolve info, a promise check, a path): a list of 50 people made ~500 such
// calls per request. A resolver that only reads the property of the field's own
// name, with no default, is dropped here; the answer is the same (graphql-js
// and graphql-jit read `source[field]` themselves). Field resolvers
// (`@ResolveField`, guarded and intercepted) and anything else keep theirs.

const nestPlainResolver = 'rootFieldResolver';

/** What a Nest plain-field resolver reads: the property name and its default (the resolver is called with probes). */
function readsOwnProperty(resolve: GraphQLFieldResolver<unknown, unknown>, fieldName: string): boolean {
  const read: PropertyKey[] = [];
  const marker = {};
  const probe = new Proxy(
    {},
    {
      get: (_target, key) => {
        read.push(key);
        return marker;
      },
    },
  );
  const call = resolve as (source: unknown) => unknown;
  if (call(probe) !== marker || read.length !== 1 || read[0] !== fieldName) return false;
  // No default: an absent property answers undefined, as the default resolver's does.
  return call({}) === undefined;
}

/**
 * Drops Nest's resolvers of plain fields (see above) from `schema`, in place, and
 * answers it with how many fields now resolve inline.
 */
export function inlinePlainFields(schema: GraphQLSchema): { schema: GraphQLSchema; inlined: number } {
  let inlined = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || resolve.name !== nestPlainResolver || !readsOwnProperty(resolve, field.name)) continue;
      field.resolve = undefined;
      inlined++;
    }
  }
  return { schema, inlined };
}
