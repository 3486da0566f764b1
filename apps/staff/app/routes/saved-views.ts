import { SavedViewList } from '@crm/contracts';
import { DeleteSavedViewDocument, SaveViewDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs } from '@remix-run/node';
import { assertCsrf } from '../utils/csrf.server';
import { ApiError, gql } from '../utils/graphql.server';
import { safeRedirect } from '../utils/safe-redirect';
import { viewParams } from '../utils/saved-views.server';
import { requireUserWithPermission } from '../utils/session.server';

const listPaths: Record<SavedViewList, string> = { people: '/people', organizations: '/organizations', outreach: '/outreach', stories: '/stories' };

// POST /saved-views: save the list as it is now under a name (intent=save: list,
// name, shared, query, hidden), or delete a view (intent=delete: list, id). Back to
// the list, in the saved view; a refused name comes back beside the field (?viewProblem=).
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  await assertCsrf(request, form);
  await requireUserWithPermission(request, 'create', 'SavedView');
  const list = SavedViewList.safeParse(form.get('list'));
  if (!list.success) return safeRedirect('/');
  const path = listPaths[list.data];
  const query = new URLSearchParams(String(form.get('query') ?? ''));
  const params = viewParams(query);
  if (form.get('intent') === 'delete') {
    try {
      await gql(DeleteSavedViewDocument, { id: String(form.get('id') ?? '') }, { request });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    return safeRedirect(`${path}?${new URLSearchParams(params)}`);
  }
  const hidden = String(form.get('hidden') ?? '')
    .split(',')
    .filter(Boolean);
  try {
    const { saveView } = await gql(
      SaveViewDocument,
      { input: { list: list.data, name: String(form.get('name') ?? ''), shared: form.get('shared') === '1', state: { params, hidden } } },
      { request },
    );
    return safeRedirect(`${path}?${new URLSearchParams({ ...params, view: saveView.id })}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') throw error;
    const problem = error.fields.find((field) => field.path.includes('name'))?.code ?? 'invalid';
    return safeRedirect(`${path}?${new URLSearchParams({ ...params, viewProblem: problem })}`);
  }
}

export function loader() {
  return safeRedirect('/');
}
