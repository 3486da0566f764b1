import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /events/<id>/ics`: the event as a calendar file (the API's `/events/<id>.ics`, in the user's language).
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Event');
  const id = /^[0-9a-f-]{36}$/i.test(params.id ?? '') ? params.id : '00000000-0000-4000-8000-000000000000';
  return proxyDownload(request, `/events/${id}.ics`);
}
