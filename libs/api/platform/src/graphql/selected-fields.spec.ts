import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { selectedFields } from './selected-fields';

/** The resolve info of the operation's first root field, as graphql-js or graphql-jit give it. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectedFields', () => {
  it('lists the fields selected at a path', () => {
    const info = infoOf('{ people { nodes { id firstName affiliations { title organization { id nameEn } } } pageInfo { endCursor } } }');
    expect(selectedFields(info, ['nodes'])).toEqual(new Set(['id', 'firstName', 'affiliations']));
    expect(selectedFields(info, ['nodes', 'affiliations', 'organization'])).toEqual(new Set(['id', 'nameEn']));
  });

  it('follows fragment spreads and inline fragments, and merges repeated fields', () => {
    const info = infoOf(`
      query { people { nodes { ...Row ... on Person { city } affiliations { organization { kind } } } } }
      fragment Row on Person { id affiliations { organization { nameFr } } }`);
    expect(selectedFields(info, ['nodes'])).toEqual(new Set(['id', 'affiliations', 'city']));
    expect(selectedFields(info, ['nodes', 'affiliations', 'organization'])).toEqual(new Set(['nameFr', 'kind']));
  });

  it('answers null for a path the query does not select', () => {
    const info = infoOf('{ people { pageInfo { hasNextPage } } }');
    expect(selectedFields(info, ['nodes'])).toBeNull();
    expect(selectedFields(info, ['nodes', 'affiliations'])).toBeNull();
  });

  it('keeps fields under @skip/@include: more is safe, less is not', () => {
    const info = infoOf('query($no: Boolean!) { people { nodes { id notes @include(if: $no) } } }');
    expect(selectedFields(info, ['nodes'])).toEqual(new Set(['id', 'notes']));
  });
});
