import { redirect } from '@remix-run/node';
import { ApiError } from './graphql.server';
import { apiHeaders, apiUrl } from './api.server';

/** A record's loader: an unknown, out-of-scope or malformed id is a 404 (the API answers them alike). */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) throw new Response(null, { status: 404 });
    throw error;
  }
}

/**
 * A record page whose timeline pages back with `?timelineAfter=<cursor>` (links that
 * work without JavaScript): loads the page from that cursor; a stale or foreign
 * cursor starts again from the newest entries. Unknown records are a 404 as above.
 */
export async function withTimelinePage<T>(request: Request, load: (timelineAfter: string | undefined) => Promise<T>): Promise<T & { timelineAfter: string | null }> {
  const url = new URL(request.url);
  const timelineAfter = url.searchParams.get('timelineAfter') || undefined;
  const data = await orNotFound(async () => {
    try {
      return await load(timelineAfter);
    } catch (error) {
      if (timelineAfter && error instanceof ApiError && error.code === 'BAD_USER_INPUT') throw redirect(url.pathname);
      throw error;
    }
  });
  return { ...data, timelineAfter: timelineAfter ?? null };
}

/**
 * A CSV from the API (`/export/people.csv?…`, rejected import rows), fetched with
 * the session's bearer token and streamed back as it arrives: the browser never
 * holds the token, and the staff server never holds the whole file.
 */
export async function proxyCsv(request: Request, path: string): Promise<Response> {
  const headers = await apiHeaders(request);
  let upstream: Response;
  try {
    upstream = await fetch(apiUrl(path), { headers: { ...headers, accept: 'text/csv' }, signal: request.signal });
  } catch (cause) {
    if (request.signal.aborted) throw cause;
    throw new Response('The API could not be reached', { status: 503 });
  }
  if (!upstream.ok || !upstream.body) {
    const status = upstream.status === 401 ? 401 : upstream.status === 403 ? 403 : upstream.status === 400 ? 400 : upstream.status === 404 ? 404 : 502;
    console.error(`[staff] CSV download ${path.split('?')[0]} answered ${upstream.status}`);
    throw new Response(null, { status });
  }
  const out = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'text/csv; charset=utf-8', 'cache-control': 'private, no-store' });
  const disposition = upstream.headers.get('content-disposition');
  if (disposition) out.set('content-disposition', disposition);
  return new Response(upstream.body, { status: 200, headers: out });
}
