// The browser's own time zone, kept in a plain `tz` cookie (a preference, not signed) that
// the page writes once it runs: later pages are drawn by the server with the viewer's times
// already there, instead of adding them after hydration (a visible jump). The server reads
// it in browser-zone.server.ts. (No @crm/contracts here: the root's bundle runs before zod is
// told not to probe `new Function`, which the Content-Security-Policy refuses.)
export const browserZoneCookieName = 'tz';
const oneYearInSeconds = 365 * 24 * 60 * 60;

/** The cookie's text for `zone` (written by the page, in the browser). */
export function browserZoneCookie(zone: string): string {
  return `${browserZoneCookieName}=${encodeURIComponent(zone)}; Path=/; Max-Age=${oneYearInSeconds}; SameSite=Lax`;
}

/** The browser's own zone (only after hydration; the server does not know it). */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}
