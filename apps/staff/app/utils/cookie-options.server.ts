// What the session and CSRF cookies share (decision 014).

// Matches the API's absolute session lifetime (SESSION_ABSOLUTE_HOURS, 12 h).
export const sessionMaxAgeSeconds = 12 * 60 * 60;

// The settings the cookies read (process.env, or a stand-in in tests).
export type CookieEnv = { NODE_ENV?: string; SESSION_SECRET?: string };

const devSecret = 'coalition-crm-dev-session-secret-not-for-production';
let warned = false;

// SESSION_SECRET signs the cookies; several, comma-separated, allow a rotation
// (the first signs, all verify). Without it a fixed development secret is used.
export function cookieSecrets(env: CookieEnv = process.env): string[] {
  const secrets = (env.SESSION_SECRET ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (secrets.length) return secrets;
  if (env.NODE_ENV === 'production' && !warned) {
    warned = true;
    console.warn('[staff] SESSION_SECRET is not set: session cookies are signed with the public development secret');
  }
  return [devSecret];
}

// Secure in production. Chromium keeps Secure cookies on http://127.0.0.1 and
// localhost, so the e2e stack (a production build over http) still signs in.
export function cookieIsSecure(env: CookieEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}
