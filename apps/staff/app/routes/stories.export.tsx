import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportFormat, exportQuery } from '../utils/records';
import { proxyDownload } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';
import { storyFilter, storyFiltersFrom } from '../utils/stories';

// `GET /stories/export?<the list's filters>`: the API's CSV or Excel workbook of that list, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'export', 'Story');
  const params = new URL(request.url).searchParams;
  return proxyDownload(request, `/export/stories.${exportFormat(params)}?${exportQuery(storyFilter(storyFiltersFrom(params)))}`);
}
