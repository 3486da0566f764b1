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
