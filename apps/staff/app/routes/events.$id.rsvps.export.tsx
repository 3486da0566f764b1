import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportFormat, exportQuery } from '../utils/records';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// `GET /events/<id>/rsvps/export`: the API's CSV or Excel workbook of an event's answers and attendance, streamed.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'export', 'Event');
  await requireUserWithPermission(request, 'read', 'Person');
  const eventId = params.id ?? '';
  if (!uuid.test(eventId)) throw new Response('Not found', { status: 404 });
  return proxyDownload(request, `/export/rsvps.${exportFormat(new URL(request.url).searchParams)}?${exportQuery({ eventId })}`);
}
