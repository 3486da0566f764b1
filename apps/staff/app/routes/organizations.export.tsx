import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportQuery, organizationFilter, organizationFiltersFrom } from '../utils/records';
import { proxyCsv } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /organizations/export?<the list's filters>`: the API's CSV of that list, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'export', 'Organization');
  const params = new URL(request.url).searchParams;
  const query = exportQuery(organizationFilter(organizationFiltersFrom(params), viewer.id));
  return proxyCsv(request, `/export/organizations.csv?${query}`);
}
