import type { LoaderFunctionArgs } from '@remix-run/node';
import { pledgeFilter, pledgeFiltersFrom } from '../utils/pledges';
import { exportFormat, exportQuery } from '../utils/records';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /pledges/export?<the list's filters>`: the API's CSV or Excel workbook of that list, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'export', 'Pledge');
  const params = new URL(request.url).searchParams;
  return proxyDownload(request, `/export/pledges.${exportFormat(params)}?${exportQuery({ ...pledgeFilter(pledgeFiltersFrom(params), viewer.id) })}`);
}
