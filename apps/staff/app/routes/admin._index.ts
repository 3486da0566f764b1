import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUserWithPermission } from '../utils/session.server';
import { safeRedirect } from '../utils/safe-redirect';

// /admin has no page of its own: the users list is where administration starts.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'manage', 'User');
  return safeRedirect('/admin/users');
}
