import { EventMailNoticesDocument } from '@crm/staff-graphql';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { gql } from '../utils/graphql.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /events/<id>/mail`: what was e-mailed to the event's guests, or withheld and why
// (decision 117), for the event page's panel. Those who read people only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Person');
  const load = () => gql(EventMailNoticesDocument, { id: params.id ?? '' }, { request });
  let event: Awaited<ReturnType<typeof load>>['event'];
  try {
    ({ event } = await load());
  } catch {
    // The panel says it could not load; the event page around it stays.
    return { guests: null, failed: true };
  }
  const names = new Map((event.rsvps ?? []).map((rsvp) => [rsvp.person.id, rsvp.person]));
  // One row per guest the caller may see, in the list's order, with the latest message of each kind.
  const guests = [...names.values()]
    .map((person) => ({ person, notices: (event.mailNotices ?? []).filter((notice) => notice.personId === person.id) }))
    .filter((guest) => guest.notices.length > 0);
  return { guests, failed: false };
}
