import type { LoaderFunctionArgs } from '@remix-run/node';
import { getLanguage } from '../utils/language.server';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /imports/:id/rejected`: the rows an import refused, with the reason, as CSV.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'import', 'Person');
  return proxyDownload(request, `/imports/${encodeURIComponent(params.id ?? '')}/rejected.csv?lang=${getLanguage(request)}`);
}
