import type { LoaderFunctionArgs } from '@remix-run/node';
import { outreachFilter, outreachFiltersFrom } from '../utils/outreach';
import { exportQuery } from '../utils/records';
import { proxyCsv } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /outreach/export?<the list's filters>`: the API's CSV of that list ("only mine" aside), streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'export', 'Outreach');
  const { mine: _mine, ...filter } = outreachFilter(outreachFiltersFrom(new URL(request.url).searchParams));
  return proxyCsv(request, `/export/outreach.csv?${exportQuery(filter as Record<string, unknown>)}`);
}
