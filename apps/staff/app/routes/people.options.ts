import { PersonOptionsDocument } from '@crm/staff-graphql';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { gql } from '../utils/graphql.server';
import { requireUserWithPermission } from '../utils/session.server';

const optionCount = 10;

// `GET /people/options?search=…`: people the user can see, for the person pickers
// (hosts, invitations, pledges, storytellers). A resource route: JSON, no page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Person');
  const search = (new URL(request.url).searchParams.get('search') ?? '').trim().slice(0, 100);
  const { people } = await gql(PersonOptionsDocument, { search: search || undefined, first: optionCount }, { request });
  return { options: people.nodes };
}
