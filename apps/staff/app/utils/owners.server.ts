import { AssignableOwnersDocument, type OwnerOptionFieldsFragment } from '@crm/staff-graphql';
import { gql } from './graphql.server';
import { abilityFor, type Viewer } from './viewer';

/**
 * Whom the viewer may make owner of a record (the API's assignableOwners), or
 * null when they may not choose one (a member contact editing their organization).
 */
export async function ownerOptions(request: Request, viewer: Viewer): Promise<OwnerOptionFieldsFragment[] | null> {
  if (!abilityFor(viewer).can('update', 'Person')) return null;
  return (await gql(AssignableOwnersDocument, {}, { request })).assignableOwners;
}
