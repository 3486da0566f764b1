import { randomUUID } from 'node:crypto';
import { currentClientAddress } from './client-address.server';
import { getLanguage } from './language.server';
import { getSessionToken } from './session-storage.server';

// Where the API lives; the launcher and production set API_URL.
export function apiUrl(path: string): string {
  const base = (process.env.API_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
  return `${base}${path}`;
}

const requestIds = new WeakMap<Request, string>();

// One id per incoming request, reused by every API call it makes, so the API's
// logs line up with ours. A proxy's x-request-id is kept when it sent one.
export function requestIdFor(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    id = request.headers.get('x-request-id') || randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

// Headers every call to the API carries: the request id, the user's language
// and, when someone is signed in, their bearer token from the session cookie
// (the only place the staff app handles it; decision 014).
export async function apiHeaders(request: Request): Promise<Record<string, string>> {
  const headers: Record<string, string> = {
    'x-request-id': requestIdFor(request),
    // The user's chosen language, so the API answers (errors, e-mails) in it.
    'accept-language': getLanguage(request),
  };
  // The API counts failed sign-ins per client address and believes this header
  // from us only (TRUSTED_PROXIES): the address server.js worked out from the
  // socket and our own trusted proxies — never the X-Forwarded-For the browser sent.
  const client = currentClientAddress();
  if (client) headers['x-forwarded-for'] = client;
  const token = await getSessionToken(request);
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}
