import { OrganizationOptionsDocument } from '@crm/staff-graphql';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { gql } from '../utils/graphql.server';
import { requireUserWithPermission } from '../utils/session.server';

const optionCount = 10;

// `GET /organizations/options?search=…`: organizations the user can see, for the
// affiliation picker (a resource route: JSON, no page). An empty search lists the first by name.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Organization');
  const search = (new URL(request.url).searchParams.get('search') ?? '').trim().slice(0, 100);
  const { organizations } = await gql(OrganizationOptionsDocument, { search: search || undefined, first: optionCount }, { request });
  return { options: organizations.nodes };
}
