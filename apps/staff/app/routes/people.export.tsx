import type { LoaderFunctionArgs } from '@remix-run/node';
import { peopleFiltersFrom, personFilter, exportFormat, exportQuery } from '../utils/records';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /people/export?<the list's filters>`: the API's CSV (or, with `format=xlsx`, Excel workbook) of that list, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'export', 'Person');
  const params = new URL(request.url).searchParams;
  const query = exportQuery(personFilter(peopleFiltersFrom(params), viewer.id));
  return proxyDownload(request, `/export/people.${exportFormat(params)}?${query}`);
}
