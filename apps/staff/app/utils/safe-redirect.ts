import { redirect } from '@remix-run/node';

// Where a redirect may go is decided by the WHATWG URL parser (the one browsers
// use to read a Location header), not by string tests: "/\t/evil", "/\\evil",
// "https:evil" or "/.//evil" all read as another host to a browser while looking
// like paths. The base is an origin no real site can have (.invalid): the
// request's own origin comes from its Host header, which the client chooses.
const appOrigin = new URL('http://staff.invalid/');

// Longer than any path of ours; a huge value is noise, not somewhere to go.
const maxLength = 2048;

/**
 * A path on this site ("/people?page=2#top") from user input, or `fallback`:
 * whatever the input, the answer resolves to this origin in any browser.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || to === '' || to.length > maxLength) return fallback;
  let url: URL;
  try {
    url = new URL(to, appOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== appOrigin.origin) return fallback;
  // "/.//evil" parses to the path "//evil", which as a Location names a host: one leading slash only.
  const path = `/${url.pathname.replace(/^\/+/, '')}${url.search}${url.hash}`;
  // The serialised path is ASCII (percent-encoded) and starts with one slash; check it reads back here.
  return new URL(path, appOrigin).origin === appOrigin.origin ? path : fallback;
}

/**
 * The staff app's only redirect (lint forbids Remix's own elsewhere): the target
 * goes through safeRedirectPath, so no redirect built from input can leave the site.
 */
export function safeRedirect(to: string | null | undefined, init?: number | ResponseInit, fallback = '/'): Response {
  return redirect(safeRedirectPath(to, fallback), init);
}
