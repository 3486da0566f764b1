import { MergeRecordsInput, RecordVersionInput } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import type { OwnerOptionFieldsFragment } from '@crm/staff-graphql';
import { apiHeaders, apiUrl } from './api.server';
import { assertCsrf } from './csrf.server';
import { isPlainMessageKey } from './messages';
import { apiFormErrors } from './form-errors.server';
import { ApiError } from './graphql.server';
import { ownerOptions } from './owners.server';
import { requireUserWithPermission } from './session.server';
import type { Viewer } from './viewer';
import { safeRedirect } from './safe-redirect';

type RecordSubject = 'Person' | 'Organization';

/** A record's loader: an unknown, out-of-scope or malformed id is a 404 (the API answers them alike). */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) throw new Response(null, { status: 404 });
    throw error;
  }
}

/** A record with the names of those who may own records, for "Owner" (null for those who may not list them). */
export async function withOwners<T>(request: Request, viewer: Viewer, load: Promise<T>): Promise<T & { owners: OwnerOptionFieldsFragment[] | null }> {
  const [data, owners] = await Promise.all([load, ownerOptions(request, viewer)]);
  return { ...data, owners };
}

/** An API refusal of a record action as one message to show: a CONFLICT says "reload", others as the API's code maps. */
export function recordErrorKey(error: unknown): PlainMessageKey {
  if (!(error instanceof ApiError)) throw error;
  const [first] = apiFormErrors(error, [], { CONFLICT: 'records.conflict' }).formErrors;
  return isPlainMessageKey(first) ? first : ('form.error.unexpected' as PlainMessageKey);
}

/** A record page's action: archive or restore, at the version the page was read at. */
export async function archiveOrRestore(
  request: Request,
  id: string | undefined,
  subject: RecordSubject | 'ToolkitItem',
  mutations: { archive: (input: RecordVersionInput) => Promise<unknown>; restore: (input: RecordVersionInput) => Promise<unknown> },
): Promise<{ done: 'archive' | 'restore' | null; error: PlainMessageKey | null }> {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'archive', subject);
  const intent = formData.get('intent');
  const input = RecordVersionInput.safeParse({ id, version: Number(formData.get('version')) });
  if (!input.success || (intent !== 'archive' && intent !== 'restore')) return { done: null, error: 'problem.invalid' as PlainMessageKey };
  try {
    await mutations[intent](input.data);
    return { done: intent, error: null };
  } catch (error) {
    return { done: null, error: recordErrorKey(error) };
  }
}

/**
 * A merge page's action: merge the two records the form names (one of them this
 * page's, `id`), both at the versions read with the page, and go to the survivor.
 */
export async function mergeRecords(
  request: Request,
  id: string | undefined,
  subject: RecordSubject,
  merge: (input: MergeRecordsInput) => Promise<unknown>,
  survivorPath: (survivorId: string) => string,
): Promise<{ error: PlainMessageKey }> {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'merge', subject);
  const input = MergeRecordsInput.safeParse({
    survivorId: formData.get('survivorId'),
    survivorVersion: Number(formData.get('survivorVersion')),
    duplicateId: formData.get('duplicateId'),
    duplicateVersion: Number(formData.get('duplicateVersion')),
    // The fields whose value the kept record takes from the other (the radios per field).
    fromDuplicate: formData.getAll('fromDuplicate').map(String),
  });
  // Only a merge that involves this page's record.
  if (!input.success || (input.data.survivorId !== id && input.data.duplicateId !== id)) return { error: 'problem.invalid' as PlainMessageKey };
  try {
    await merge(input.data);
  } catch (error) {
    return { error: recordErrorKey(error) };
  }
  throw safeRedirect(`${survivorPath(input.data.survivorId)}?merged=1`);
}

/**
 * A merge page's loader: `?with=:otherId` compares this record with the other;
 * otherwise it searches for candidates (`?q=`, at first the record's name).
 */
export async function loadMergeChoice<Item extends { id: string }, Candidate extends { id: string }>(
  request: Request,
  id: string,
  load: {
    pair: (otherId: string) => Promise<{ record: Item; other: Item }>;
    record: () => Promise<Item>;
    name: (record: Item) => string;
    search: (q: string) => Promise<Candidate[]>;
  },
) {
  const search = new URL(request.url).searchParams;
  const otherId = search.get('with');
  if (otherId && otherId !== id) {
    const pair = await orNotFound(() => load.pair(otherId));
    return { mode: 'compare' as const, ...pair, q: '', candidates: [] as Candidate[] };
  }
  const record = await orNotFound(load.record);
  const q = (search.get('q') ?? load.name(record)).trim().slice(0, 100);
  const found = q.length >= 2 ? await load.search(q) : [];
  return { mode: 'pick' as const, record, other: null, q, candidates: found.filter((candidate) => candidate.id !== id) };
}

/**
 * A record page whose timeline pages back with `?timelineAfter=<cursor>` (links that
 * work without JavaScript): loads the page from that cursor; a stale or foreign
 * cursor starts again from the newest entries. Unknown records are a 404 as above.
 */
export async function withTimelinePage<T>(
  request: Request,
  load: (timelineAfter: string | undefined) => Promise<T>,
): Promise<T & { timelineAfter: string | null }> {
  const url = new URL(request.url);
  const timelineAfter = url.searchParams.get('timelineAfter') || undefined;
  const data = await orNotFound(async () => {
    try {
      return await load(timelineAfter);
    } catch (error) {
      if (timelineAfter && error instanceof ApiError && error.code === 'BAD_USER_INPUT') throw safeRedirect(url.pathname);
      throw error;
    }
  });
  return { ...data, timelineAfter: timelineAfter ?? null };
}

/**
 * A file from the API (`/export/people.csv|.xlsx?…`, rejected import rows), fetched
 * with the session's bearer token and streamed back as it arrives: the browser never
 * holds the token, and the staff server never holds the whole file.
 */
export async function proxyDownload(request: Request, path: string): Promise<Response> {
  const headers = await apiHeaders(request);
  let upstream: Response;
  try {
    upstream = await fetch(apiUrl(path), { headers, signal: request.signal });
  } catch (cause) {
    if (request.signal.aborted) throw cause;
    throw new Response('The API could not be reached', { status: 503 });
  }
  if (!upstream.ok || !upstream.body) {
    const status = upstream.status === 401 ? 401 : upstream.status === 403 ? 403 : upstream.status === 400 ? 400 : upstream.status === 404 ? 404 : 502;
    console.error(`[staff] download ${path.split('?')[0]} answered ${upstream.status}`);
    throw new Response(null, { status });
  }
  const out = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'text/csv; charset=utf-8', 'cache-control': 'private, no-store' });
  const disposition = upstream.headers.get('content-disposition');
  if (disposition) out.set('content-disposition', disposition);
  return new Response(upstream.body, { status: 200, headers: out });
}
