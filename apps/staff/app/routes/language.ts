import { Language } from '@crm/contracts';
import { UpdateMyPreferencesDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs } from '@remix-run/node';
import { assertCsrf } from '../utils/csrf.server';
import { ApiError, gql } from '../utils/graphql.server';
import { serializeLanguageCookie } from '../utils/language.server';
import { safeRedirect, safeRedirectPath } from '../utils/safe-redirect';
import { getSessionToken } from '../utils/session.server';

// POST /language (lang, redirectTo): remembers the choice in the `lang` cookie
// (for signed-out pages) and, when someone is signed in, as their preference
// (the UI, and the e-mails the API sends them, follow it). Then goes back.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  await assertCsrf(request, form);
  const to = safeRedirectPath(form.get('redirectTo'));
  const parsed = Language.safeParse(form.get('lang'));
  if (!parsed.success) return safeRedirect(to);
  const lang = parsed.data;

  if (await getSessionToken(request)) {
    try {
      await gql(UpdateMyPreferencesDocument, { input: { preferredLanguage: lang } }, { request });
    } catch (error) {
      // An expired session still gets the cookie; the next page asks to sign in.
      if (!(error instanceof ApiError)) throw error;
      if (error.code !== 'UNAUTHENTICATED') console.error(`[staff] language preference not saved (${error.code}): ${error.message}`);
    }
  }
  return safeRedirect(to, { headers: { 'Set-Cookie': serializeLanguageCookie(lang) } });
}

// Someone opening /language directly lands on the dashboard.
export function loader() {
  return safeRedirect('/');
}
