import { ApiError } from './graphql.server';
import { safeRedirect } from './safe-redirect';

/**
 * A list's page from the `after` cursor in its URL (decision 018). A cursor from
 * an old link, which the API refuses, starts again from the first page with the
 * filters kept.
 */
export async function loadListPage<T>(path: string, params: URLSearchParams, load: (after: string | undefined) => Promise<T>): Promise<T> {
  try {
    return await load(params.get('after') || undefined);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && params.has('after')) {
      const first = new URLSearchParams(params);
      first.delete('after');
      throw safeRedirect(`${path}?${first}`);
    }
    throw error;
  }
}
