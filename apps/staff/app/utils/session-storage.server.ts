import { createCookieSessionStorage, type SessionStorage } from '@remix-run/node';
import { cookieIsSecure, cookieSecrets, type CookieEnv, sessionMaxAgeSeconds } from './cookie-options.server';

// The `crm_session` cookie holds the API's bearer token, signed so it cannot be
// forged and httpOnly so no script can read it. Nothing else is kept in it.
export type SessionData = { token: string };

export const sessionCookieName = 'crm_session';

export function createSessionStorage(env: CookieEnv = process.env): SessionStorage<SessionData> {
  return createCookieSessionStorage<SessionData>({
    cookie: {
      name: sessionCookieName,
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieIsSecure(env),
      path: '/',
      secrets: cookieSecrets(env),
      maxAge: sessionMaxAgeSeconds,
    },
  });
}

export const sessionStorage = createSessionStorage();

export function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get('Cookie'));
}

// The API token of whoever sent this request, if they signed in.
export async function getSessionToken(request: Request): Promise<string | undefined> {
  const token = (await getSession(request)).get('token');
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}
