import { PledgesOfDocument, type PledgeFilterInputType } from '@crm/staff-graphql';
import { gql } from './graphql.server';
import { abilityFor, type Viewer } from './viewer';

/** A pledger's pledges for their page's section; null for a viewer who reads no pledges (or when the list fails: the page still shows). */
export function pledgesOf(request: Request, viewer: Viewer, filter: PledgeFilterInputType) {
  if (!abilityFor(viewer).can('read', 'Pledge')) return Promise.resolve(null);
  return gql(PledgesOfDocument, { filter }, { request })
    .then((data) => data.pledges)
    .catch(() => null);
}
