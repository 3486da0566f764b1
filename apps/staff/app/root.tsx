import '@mantine/core/styles.css';
import './app.css';
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from '@mantine/core';
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteError } from '@remix-run/react';
import { useEffect, type ReactNode } from 'react';
import { config as zodConfig } from 'zod';
import { cssVariablesResolver, theme } from './theme';
import { ErrorPage, NotFoundPage } from './components/error-page';
import { PublicShell } from './components/public-shell';
import { StaffShell } from './components/staff-shell';
import { browserTimeZone, browserZoneCookie } from './utils/browser-zone';
import { pageZones, readBrowserZoneCookie } from './utils/browser-zone.server';
import { ensureCsrfToken } from './utils/csrf.server';
import { setServerZones } from './utils/zone-table';
import { ApiError } from './utils/graphql.server';
import { useLanguage } from './utils/i18n';
import { useNonce } from './utils/nonce';
import { getLanguage, publicPageLanguage } from './utils/language.server';
import { isPublicPage } from './utils/public-pages';
import { pageTitle } from './utils/meta';
import { refusalReason } from './utils/refusal';
import { useRootData, useViewer } from './utils/root-data';
import { getViewer } from './utils/session.server';
import type { Viewer } from './utils/viewer';

// zod compiles object schemas with `new Function` after probing for it; the CSP
// (no 'unsafe-eval') refuses the probe and reports a violation. Parse without it.
zodConfig({ jitless: true });

// Who is signed in (or nobody: the root also frames the sign-in pages, so it
// never redirects; each route requires what it needs), the language, and this
// browser's CSRF token for the forms.
export async function loader({ request }: LoaderFunctionArgs) {
  const [viewer, csrf] = await Promise.all([
    getViewer(request).catch((error: unknown): Viewer | null => {
      if (!(error instanceof ApiError)) throw error;
      // The page's own loader says what is wrong (requireUser answers 503).
      console.error(`[staff] root: user not loaded (${error.code}): ${error.message}`);
      return null;
    }),
    ensureCsrfToken(request),
  ]);
  // A public page's language in its address wins (a shared link); then a signed-in user's
  // saved preference; the cookie and the browser's languages serve signed-out pages.
  const lang = publicPageLanguage(request) ?? viewer?.preferredLanguage ?? getLanguage(request);
  // The browser's zone (its cookie) and the server's rules for the zones pages show: both sides draw the same times.
  const browserZone = readBrowserZoneCookie(request.headers.get('Cookie'));
  const zones = pageZones(browserZone, viewer?.timeZone);
  return data({ lang, viewer, csrfToken: csrf.token, browserZone, zones }, csrf.setCookie ? { headers: { 'Set-Cookie': csrf.setCookie } } : undefined);
}

export const headers: HeadersFunction = () => ({
  // Pages differ by session and language, and show personal data: never cached.
  Vary: 'Cookie, Accept-Language',
  'Cache-Control': 'private, no-store',
  // Reset and invitation links carry their token in the path: never sent on.
  'Referrer-Policy': 'same-origin',
  // No framing (clickjacking), no content sniffing.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches);

export const links: LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }];

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  // Every inline script and <style> needs this response's nonce (Content-Security-Policy, entry.server.tsx).
  const nonce = useNonce();
  return (
    <html lang={lang} {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <ColorSchemeScript defaultColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" getStyleNonce={() => nonce ?? ''}>
          {children}
        </MantineProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

// Signed in: the staff frame with the navigation the role may use; otherwise
// the plain frame of the sign-in pages.
// Public pages (`/public/…`) draw their own frame, signed in or not.
function Shell({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  const { pathname } = useLocation();
  if (isPublicPage(pathname)) return <>{children}</>;
  return viewer ? <StaffShell viewer={viewer}>{children}</StaffShell> : <PublicShell>{children}</PublicShell>;
}

export default function App() {
  const root = useRootData();
  // Before any child renders: event times by the server's zone rules, here as on the server.
  setServerZones(root?.zones);
  const savedZone = root?.browserZone ?? null;
  useEffect(() => {
    const zone = browserTimeZone();
    if (zone && zone !== savedZone) document.cookie = browserZoneCookie(zone);
  }, [savedZone]);
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  // The server logs the error; people see a message in their language, no stack.
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Shell>
        <NotFoundPage />
      </Shell>
    );
  }
  return (
    <Shell>
      <ErrorPage status={isRouteErrorResponse(error) ? error.status : undefined} reason={isRouteErrorResponse(error) ? refusalReason(error.data) : undefined} />
    </Shell>
  );
}
