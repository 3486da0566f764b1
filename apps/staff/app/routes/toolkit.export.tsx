import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyCsv } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /toolkit/export?list=requests|items|movements(&status=…|&itemId=…)`: the API's CSV of a
// toolkit list the viewer may export (decision 058), streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const list = params.get('list') ?? 'requests';
  if (list === 'items' || list === 'movements') {
    await requireUserWithPermission(request, 'export', 'ToolkitItem');
    const itemId = params.get('itemId') ?? '';
    const query = new URLSearchParams(list === 'movements' && /^[0-9a-f-]{36}$/i.test(itemId) ? { itemId } : {});
    return proxyCsv(request, `/export/toolkit-${list}.csv?${query}`);
  }
  await requireUserWithPermission(request, 'export', 'ToolkitRequest');
  const status = params.get('status');
  const query = new URLSearchParams(status && /^[a-z]+$/.test(status) ? { status } : {});
  return proxyCsv(request, `/export/toolkit-requests.csv?${query}`);
}
