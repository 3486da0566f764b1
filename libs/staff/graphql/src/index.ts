// The staff app's GraphQL operations, as typed documents generated from
// src/operations/*.graphql against apps/api/schema.gql (`nx run staff-graphql:codegen`).
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
export { DashboardDocument, type DashboardQuery, type DashboardQueryVariables } from './__generated__/graphql';
