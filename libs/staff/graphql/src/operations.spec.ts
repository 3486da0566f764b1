import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import * as generated from './__generated__/graphql';

// Guards against drift: when the API regenerates schema.gql, every committed
// operation must still be valid against it (re-run codegen if this fails).
const schema = buildSchema(readFileSync(join(__dirname, '../../../../apps/api/schema.gql'), 'utf8'));

const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];

describe('staff GraphQL operations', () => {
  it('has at least one operation', () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents)('%s is valid against apps/api/schema.gql', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
