import type { ActionFunctionArgs } from '@remix-run/node';
import { assertCsrf } from '../utils/csrf.server';
import { chosenRequests, forPacking, packableRequests } from '../utils/packing-batch.server';
import { packingPdf } from '../utils/packing.server';
import { requireUserWithPermission } from '../utils/session.server';

// POST /toolkit/packing-pdf (the packing page's "Print" button, a plain form post): one PDF of
// the chosen requests — a packing slip each, then their address labels, 30 to a letter sheet.
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'manage', 'ToolkitRequest');
  const chosen = chosenRequests(formData);
  const batch = (await packableRequests(request)).filter((r) => chosen.has(r.id)).map(forPacking);
  if (batch.length === 0) throw new Response(null, { status: 400 });
  const pdf = await packingPdf(batch);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="toolkit-packing-${new Date().toISOString().slice(0, 10)}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
}
