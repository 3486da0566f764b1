import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyCsv } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /toolkit/export(?status=…)`: the API's CSV of the toolkit requests the viewer may export, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'export', 'ToolkitRequest');
  const status = new URL(request.url).searchParams.get('status');
  const query = new URLSearchParams(status && /^[a-z]+$/.test(status) ? { status } : {});
  return proxyCsv(request, `/export/toolkit-requests.csv?${query}`);
}
