// Builders for the unit specs: requests carrying the app's cookies.
import { createCsrfCookie } from './csrf.server';
import { sessionStorage } from './session-storage.server';

/** "name=value" of a Set-Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0];
}

export async function sessionCookie(token: string): Promise<string> {
  const session = await sessionStorage.getSession();
  session.set('token', token);
  return cookiePair(await sessionStorage.commitSession(session));
}

export async function csrfCookie(token: string): Promise<string> {
  return cookiePair(await createCsrfCookie().serialize(token));
}

/** A JSON answer from the API for fetch mocks. */
export function apiAnswer(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

// Inputs that read as "another site" to a browser's URL parser while looking like
// paths to a string test, and a few that are simply garbage.
export const hostileRedirects: string[] = [
  '/\t/evil.example/phish',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\\/evil.example',
  '/%2F%2Fevil.example',
  '/%2f%5cevil.example',
  '/%09/evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/./\\evil.example',
  'https://evil.example',
  'HTTPS://evil.example',
  'https:evil.example',
  'https:/evil.example',
  'http:\\\\evil.example',
  'ftp://evil.example',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//user:pass@evil.example',
  'http://staff.invalid@evil.example/',
  'https://crm.example.org@evil.example/',
  '/@evil.example',
  '//evil.example%2F@crm.example.org',
  '\u0000//evil.example',
  '/\u0000/evil.example',
  '\uFF0F\uFF0Fevil.example',
  '/\u2215\u2215evil.example',
  '/\u3002evil.example',
  '//evil\u3002example',
  '//ｅｖｉｌ.example',
  '/\u202E/evil.example',
  `/${'a'.repeat(5000)}`,
  `//evil.example/${'a'.repeat(3000)}`,
  '',
  '   ',
];

// Where the app really runs, as a browser would resolve the Location against it.
const appPage = 'https://crm.example.org/organizations/42?tab=people';

export function expectSameOriginPath(path: string) {
  expect(path).toMatch(/^\/(?![/\\])/);
  // Header-safe: printable ASCII only (no tab, newline or anything a browser strips).
  expect(path).toMatch(/^[\x21-\x7e]*$/);
  const resolved = new URL(path, appPage);
  expect(resolved.origin).toBe('https://crm.example.org');
  expect(resolved.username).toBe('');
}
