import { SignOutDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs } from '@remix-run/node';
import { assertCsrf } from '../utils/csrf.server';
import { ApiError, gql } from '../utils/graphql.server';
import { endSession, getSessionToken } from '../utils/session.server';
import { safeRedirect } from '../utils/safe-redirect';

// POST /sign-out: the API ends the session (its token stops working at once),
// then the cookie goes. Signing out always succeeds for the person.
export async function action({ request }: ActionFunctionArgs) {
  await assertCsrf(request, await request.formData());
  if (await getSessionToken(request)) {
    try {
      await gql(SignOutDocument, {}, { request });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code !== 'UNAUTHENTICATED') console.error(`[staff] sign-out: the API did not end the session (${error.code}): ${error.message}`);
    }
  }
  return endSession(request, '/sign-in');
}

export function loader() {
  return safeRedirect('/');
}
