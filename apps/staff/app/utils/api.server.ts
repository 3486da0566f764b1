import { randomUUID } from 'node:crypto';
import { getLanguage } from './language.server';

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

// Headers every call to the API carries.
export function apiHeaders(request: Request): Record<string, string> {
  return {
    'x-request-id': requestIdFor(request),
    // The user's chosen language, so the API answers (errors, e-mails) in it.
    'accept-language': getLanguage(request),
    // Authentication goes here when sessions land: forward the session cookie or
    // set `authorization: Bearer <token>` from the user's session (decision 012).
  };
}
