import type { LoaderFunctionArgs } from '@remix-run/node';
import { outreachFilter, outreachFiltersFrom } from '../utils/outreach';
import { exportFormat, exportQuery } from '../utils/records';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /outreach/export?<the list's filters>`: the API's CSV or Excel workbook of that list ("only mine" aside), streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'export', 'Outreach');
  const params = new URL(request.url).searchParams;
  const { mine: _mine, ...filter } = outreachFilter(outreachFiltersFrom(params));
  return proxyDownload(request, `/export/outreach.${exportFormat(params)}?${exportQuery(filter as Record<string, unknown>)}`);
}
