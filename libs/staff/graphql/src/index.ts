// The staff app's GraphQL operations, as typed documents generated from
// src/operations/*.graphql against apps/api/schema.gql (`nx run staff-graphql:codegen`):
// `XDocument` with its `XQuery`/`XMutation` and `XVariables` types, plus the
// schema's enums and input types.
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
export * from './__generated__/graphql';
