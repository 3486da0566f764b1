import { PledgesOfDocument } from '@crm/staff-graphql';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { gql } from '../utils/graphql.server';
import { requireUserWithPermission } from '../utils/session.server';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// `GET /pledges/of?event=<id>`: the pledges made at an event, for its page's section (loaded
// beside the page, so the event page's own loader stays as it is). A resource route: JSON, no page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Pledge');
  const eventId = new URL(request.url).searchParams.get('event') ?? '';
  if (!uuid.test(eventId)) throw new Response('Not found', { status: 404 });
  const { pledges } = await gql(PledgesOfDocument, { filter: { eventId } }, { request });
  return { pledges };
}
