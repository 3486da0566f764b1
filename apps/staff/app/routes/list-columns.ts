import type { ActionFunctionArgs } from '@remix-run/node';
import { assertCsrf } from '../utils/csrf.server';
import { isColumnList, rememberColumns } from '../utils/list-columns.server';
import { safeRedirect, safeRedirectPath } from '../utils/safe-redirect';
import { requireUser } from '../utils/session.server';

// POST /list-columns (list, show…, redirectTo): the column chooser. Remembers the
// viewer's columns for that list, then goes back to it.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  await assertCsrf(request, form);
  const viewer = await requireUser(request);
  const to = safeRedirectPath(form.get('redirectTo'));
  const list = form.get('list');
  if (!isColumnList(list)) return safeRedirect(to);
  const shown = form.getAll('show').filter((key): key is string => typeof key === 'string');
  return safeRedirect(to, { headers: { 'Set-Cookie': await rememberColumns(request, viewer.id, list, shown) } });
}

// Someone opening /list-columns directly lands on the dashboard.
export function loader() {
  return safeRedirect('/');
}
