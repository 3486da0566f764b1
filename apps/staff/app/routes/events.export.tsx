import type { LoaderFunctionArgs } from '@remix-run/node';
import { eventFilter, eventFiltersFrom } from '../utils/events';
import { exportFormat, exportQuery } from '../utils/records';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /events/export?<the list's filters>`: the API's CSV or Excel workbook of that list, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'export', 'Event');
  const params = new URL(request.url).searchParams;
  return proxyDownload(request, `/export/events.${exportFormat(params)}?${exportQuery({ ...eventFilter(eventFiltersFrom(params)) })}`);
}
