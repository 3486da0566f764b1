import type { Action, AppSubject } from '@crm/authz';
import { ViewerDocument } from '@crm/staff-graphql';
import { rotateCsrfCookie } from './csrf.server';
import { ApiError, gql } from './graphql.server';
import { serializeLanguageCookie } from './language.server';
import { refusal } from './refusal.server';
import { sessionMaxAgeSeconds } from './cookie-options.server';
import { getSession, getSessionToken, sessionStorage } from './session-storage.server';
import { abilityFor, viewerFrom, type Viewer } from './viewer';
import { safeRedirect } from './safe-redirect';

export { getSessionToken } from './session-storage.server';

/** Who is signed in, or null (no session, or the API no longer accepts its token). */
export async function getViewer(request: Request): Promise<Viewer | null> {
  if (!(await getSessionToken(request))) return null;
  try {
    return viewerFrom(await gql(ViewerDocument, {}, { request }));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
}

// "/admin/users?role=ADMIN": where to come back to after signing in.
function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

async function signInRedirect(request: Request, clearSession: boolean): Promise<Response> {
  const to = currentPath(request);
  const search = to === '/' ? '' : `?${new URLSearchParams({ redirectTo: to })}`;
  const headers = new Headers();
  if (clearSession) headers.append('Set-Cookie', await sessionStorage.destroySession(await getSession(request)));
  return safeRedirect(`/sign-in${search}`, { headers });
}

/**
 * First thing in every loader and action that needs someone signed in: the user,
 * or a redirect to /sign-in?redirectTo=… (clearing a token the API refused).
 */
export async function requireUser(request: Request): Promise<Viewer> {
  if (!(await getSessionToken(request))) throw await signInRedirect(request, false);
  try {
    const viewer = await getViewer(request);
    if (viewer) return viewer;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'API_UNREACHABLE' || error.code === 'BAD_RESPONSE')) {
      console.error(`[staff] could not check the session: ${error.code} ${error.message}`);
      throw refusal(request, 'unavailable', 503);
    }
    throw error;
  }
  throw await signInRedirect(request, true);
}

/** requireUser, then the shared ability (@crm/authz): 403 when the role may not. */
export async function requireUserWithPermission(request: Request, action: Action, subject: AppSubject): Promise<Viewer> {
  const viewer = await requireUser(request);
  if (!abilityFor(viewer).can(action, subject)) throw refusal(request, 'forbidden', 403);
  return viewer;
}

/**
 * After signIn or acceptInvitation: keeps the token (for no longer than the API
 * will honour it), a fresh CSRF token, and the user's language for signed-out pages.
 */
export async function startSession(
  request: Request,
  { token, expiresAt, language }: { token: string; expiresAt: string; language: 'en' | 'fr' },
  redirectTo: string,
): Promise<Response> {
  const session = await getSession(request);
  session.set('token', token);
  const secondsLeft = Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000);
  const maxAge = Number.isFinite(secondsLeft) && secondsLeft > 0 ? Math.min(secondsLeft, sessionMaxAgeSeconds) : sessionMaxAgeSeconds;
  const headers = new Headers();
  headers.append('Set-Cookie', await sessionStorage.commitSession(session, { maxAge }));
  headers.append('Set-Cookie', await rotateCsrfCookie());
  headers.append('Set-Cookie', serializeLanguageCookie(language));
  return safeRedirect(redirectTo, { headers });
}

/** Forgets the token and the CSRF token; the language cookie stays. */
export async function endSession(request: Request, redirectTo: string): Promise<Response> {
  const headers = new Headers();
  headers.append('Set-Cookie', await sessionStorage.destroySession(await getSession(request)));
  headers.append('Set-Cookie', await rotateCsrfCookie());
  return safeRedirect(redirectTo, { headers });
}
