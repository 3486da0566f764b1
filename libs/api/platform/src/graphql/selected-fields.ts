import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The field names a query selects at `path` below the resolved field (e.g.
 * `['nodes', 'affiliations', 'organization']` under `people`), fragments
 * included; null when the path is not selected at all. Directives are ignored,
 * so the answer may hold more than will be returned, never less: a repository
 * may read only these columns and stay correct.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): Set<string> | null {
  let level: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    const matches = fieldsOf(level, info.fragments).filter((field) => field.name.value === name);
    if (matches.length === 0) return null;
    level = matches.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return new Set(fieldsOf(level, info.fragments).map((field) => field.name.value));
}

function fieldsOf(sets: SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') fields.push(selection);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
}

// Per parsed query: the document cache hands back the same field nodes for the same query text.
const firstLevel = new WeakMap<readonly FieldNode[], Set<string>>();

/**
 * Whether the query selects `field` right below the resolved one (a list's
 * `totalCount`), worked out once per parsed query rather than on every request.
 */
export function asksFor(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, field: string): boolean {
  let fields = firstLevel.get(info.fieldNodes);
  if (!fields) {
    fields = selectedFields(info, []) ?? new Set();
    firstLevel.set(info.fieldNodes, fields);
  }
  return fields.has(field);
}
