import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, execute, parse, type GraphQLFieldResolver } from 'graphql';
import { inlinePlainFields } from './plain-fields';

// Resolvers shaped like Nest's (object-type-definition.factory: `rootFieldResolver`).
function nestResolver(property: string, defaultValue?: unknown): GraphQLFieldResolver<Record<string, unknown>, unknown> {
  const rootFieldResolver = (root: Record<string, unknown>) => {
    const value = root[property];
    return typeof value === 'undefined' ? defaultValue : value;
  };
  return rootFieldResolver;
}

function schema() {
  const resolvedNote = (root: Record<string, unknown>) => (root.secret ? null : root.note);
  const Person = new GraphQLObjectType({
    name: 'Person',
    fields: {
      firstName: { type: GraphQLString, resolve: nestResolver('firstName') },
      // Its property has another name than the field.
      displayName: { type: GraphQLString, resolve: nestResolver('name') },
      // Answers a default when the property is missing.
      language: { type: GraphQLString, resolve: nestResolver('language', 'en') },
      // A field resolver of its own (`@ResolveField`): never touched.
      note: { type: GraphQLString, resolve: resolvedNote },
    },
  });
  const people = [
    { firstName: 'Amina', name: 'Amina A.', note: 'kind', secret: false },
    { firstName: 'Jean', name: 'Jean B.', language: 'fr', note: 'hidden', secret: true },
  ];
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { people: { type: new GraphQLList(Person), resolve: () => people } } }),
  });
}

const query = parse('{ people { firstName displayName language note } }');

describe('inlinePlainFields', () => {
  it("drops only the resolvers that read the field's own property without a default", () => {
    const { schema: transformed, inlined } = inlinePlainFields(schema());
    const fields = (transformed.getType('Person') as GraphQLObjectType).getFields();
    expect(inlined).toBe(1);
    expect(fields.firstName.resolve).toBeUndefined();
    expect(fields.displayName.resolve).toBeDefined();
    expect(fields.language.resolve).toBeDefined();
    expect(fields.note.resolve).toBeDefined();
    expect((transformed.getQueryType()!.getFields().people.resolve as () => unknown)()).toHaveLength(2);
  });

  it('answers as before, with graphql-js and with graphql-jit', async () => {
    const before = await execute({ schema: schema(), document: query });
    const transformed = inlinePlainFields(schema()).schema;
    expect(await execute({ schema: transformed, document: query })).toEqual(before);
    const compiled = compileQuery(transformed, query);
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit did not compile the query');
    expect(JSON.parse(JSON.stringify(await compiled.query(undefined, {}, {})))).toEqual(JSON.parse(JSON.stringify(before)));
    expect(before.data).toEqual({
      people: [
        { firstName: 'Amina', displayName: 'Amina A.', language: 'en', note: 'kind' },
        { firstName: 'Jean', displayName: 'Jean B.', language: 'fr', note: null },
      ],
    });
  });
});
