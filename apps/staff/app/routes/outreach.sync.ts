import type { ActionFunctionArgs } from '@remix-run/node';
import { assertCsrf } from '../utils/csrf.server';
import { logOutreachFrom } from '../utils/outreach.server';
import { requireUserWithPermission } from '../utils/session.server';

// Where the quick log's browser queue sends contacts kept while offline (JSON in,
// JSON out). The entry's client id makes a resend answer the same outreach.
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'Outreach');
  const result = await logOutreachFrom(request, formData);
  if (result.status === 'invalid') return Response.json({ status: 'refused', problems: ['invalid'] });
  return Response.json(result);
}
