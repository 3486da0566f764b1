import type { MetaFunction } from '@remix-run/node';
import { NotFoundPage } from '../components/error-page';
import { pageTitle } from '../utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notFound.title');

// Any URL no other route matches: a real 404 status, shown inside the shell.
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return <NotFoundPage />;
}

export function ErrorBoundary() {
  return <NotFoundPage />;
}
