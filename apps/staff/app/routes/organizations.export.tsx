import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportFormat, exportQuery, organizationFilter, organizationFiltersFrom } from '../utils/records';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /organizations/export?<the list's filters>`: the API's CSV (or, with `format=xlsx`, Excel workbook) of that list, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'export', 'Organization');
  const params = new URL(request.url).searchParams;
  const query = exportQuery(organizationFilter(organizationFiltersFrom(params), viewer.id));
  return proxyDownload(request, `/export/organizations.${exportFormat(params)}?${query}`);
}
