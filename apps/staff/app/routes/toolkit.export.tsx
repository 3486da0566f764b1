import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportFormat } from '../utils/records';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

// `GET /toolkit/export?list=requests|items|movements(&status=…|&itemId=…)(&format=xlsx)`: the API's
// CSV or Excel workbook of a toolkit list the viewer may export (decisions 058, 026), streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const format = exportFormat(params);
  const list = params.get('list') ?? 'requests';
  if (list === 'items' || list === 'movements') {
    await requireUserWithPermission(request, 'export', 'ToolkitItem');
    const itemId = params.get('itemId') ?? '';
    const query = new URLSearchParams(list === 'movements' && /^[0-9a-f-]{36}$/i.test(itemId) ? { itemId } : {});
    return proxyDownload(request, `/export/toolkit-${list}.${format}?${query}`);
  }
  await requireUserWithPermission(request, 'export', 'ToolkitRequest');
  const status = params.get('status');
  const query = new URLSearchParams(status && /^[a-z]+$/.test(status) ? { status } : {});
  return proxyDownload(request, `/export/toolkit-requests.${format}?${query}`);
}
