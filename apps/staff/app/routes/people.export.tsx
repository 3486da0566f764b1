import type { LoaderFunctionArgs } from '@remix-run/node';
import { peopleFiltersFrom, personFilter, exportQuery } from '../utils/records';
import { proxyCsv } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /people/export?<the list's filters>`: the API's CSV of that list, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'export', 'Person');
  const params = new URL(request.url).searchParams;
  const query = exportQuery(personFilter(peopleFiltersFrom(params), viewer.id));
  return proxyCsv(request, `/export/people.csv?${query}`);
}
