import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NotFoundPage } from '../components/error-page';
import { pageTitle } from '../utils/meta';
import { requireUser } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notFound.title');

// Any URL no other route matches: a real 404 status, shown inside the shell
// (to signed-in people: the others are asked to sign in first).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return <NotFoundPage />;
}

export function ErrorBoundary() {
  return <NotFoundPage />;
}
