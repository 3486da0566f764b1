import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyDownload } from '../utils/records.server';

// `GET /public/calendar/<token>.ics`: a region's event feed for calendar apps, which do
// not sign in — the secret token is the access (the API checks and may have revoked it).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = /^[A-Za-z0-9_-]{43}\.ics$/.test(params.file ?? '') ? params.file : 'unknown.ics';
  return proxyDownload(request, `/calendar/${file}`);
}
