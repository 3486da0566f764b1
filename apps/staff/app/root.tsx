import '@mantine/core/styles.css';
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from '@mantine/core';
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from '@remix-run/react';
import type { ReactNode } from 'react';
import { theme } from './theme';
import { ErrorPage, NotFoundPage } from './components/error-page';
import { StaffShell } from './components/staff-shell';
import { useLanguage } from './utils/i18n';
import { pageTitle } from './utils/meta';
import { getLanguage } from './utils/language.server';

export function loader({ request }: LoaderFunctionArgs) {
  return { lang: getLanguage(request) };
}

// Pages differ by the language cookie and Accept-Language: caches must know.
export const headers: HeadersFunction = () => ({ Vary: 'Cookie, Accept-Language' });

export const meta: MetaFunction = ({ matches }) => pageTitle(matches);

export const links: LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }];

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  return (
    <html lang={lang} {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <ColorSchemeScript defaultColorScheme="light" />
      </head>
      <body>
        <MantineProvider theme={theme} defaultColorScheme="light">
          {children}
        </MantineProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <StaffShell>
      <Outlet />
    </StaffShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  // The server logs the error; people see a message in their language, no stack.
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <StaffShell>
        <NotFoundPage />
      </StaffShell>
    );
  }
  return (
    <StaffShell>
      <ErrorPage status={isRouteErrorResponse(error) ? error.status : undefined} />
    </StaffShell>
  );
}
