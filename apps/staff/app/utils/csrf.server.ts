import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { cookieIsSecure, cookieSecrets, type CookieEnv } from './cookie-options.server';
import { csrfFieldName } from './csrf';
import { refusal } from './refusal.server';

// Every form that posts carries the token of this signed cookie as a hidden field
// (components/action-form.tsx); every action calls assertCsrf first. A cross-site
// page can make a browser post, but cannot read the token. Decision 014.

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function createCsrfCookie(env: CookieEnv = process.env) {
  // No Max-Age: it lasts the browser session, and is replaced at sign-in and sign-out.
  return createCookie('crm_csrf', { httpOnly: true, sameSite: 'lax', secure: cookieIsSecure(env), path: '/', secrets: cookieSecrets(env) });
}

const csrfCookie = createCsrfCookie();

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function readCsrfToken(request: Request): Promise<string | undefined> {
  const value: unknown = await csrfCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && tokenPattern.test(value) ? value : undefined;
}

/** The root loader: this browser's token, minting one (and its cookie) on a first visit. */
export async function ensureCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const current = await readCsrfToken(request);
  if (current) return { token: current, setCookie: null };
  const token = newCsrfToken();
  return { token, setCookie: await csrfCookie.serialize(token) };
}

/** A new token at sign-in and sign-out, so one never outlives the session it protected. */
export async function rotateCsrfCookie(): Promise<string> {
  return csrfCookie.serialize(newCsrfToken());
}

// The host the browser addressed: a proxy's X-Forwarded-Host, else Host (as
// Remix reads it; Remix itself refuses a cross-origin document POST before any
// action runs, with a 500, so this check mostly serves as a second lock).
function requestHost(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('host') || new URL(request.url).host;
}

// Browsers send Origin on every POST; when it is there it must be us.
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('Origin');
  if (origin === null) return true;
  try {
    return new URL(origin).host === requestHost(request);
  } catch {
    // "null" (sandboxed frames, privacy redirects) or garbage
    return false;
  }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * First thing in every action: the Origin (when sent) is ours and the form's
 * hidden token matches the cookie's, or a 403 the error page explains in the
 * user's language ("reload the page and try again").
 */
export async function assertCsrf(request: Request, formData: FormData): Promise<void> {
  await assertCsrfToken(request, formData.get(csrfFieldName));
}

/** The same check on a token read some other way (a streamed multipart upload). */
export async function assertCsrfToken(request: Request, sent: unknown): Promise<void> {
  const expected = await readCsrfToken(request);
  if (!isSameOrigin(request) || !expected || typeof sent !== 'string' || !sameToken(expected, sent)) {
    throw refusal(request, 'csrf', 403);
  }
}
