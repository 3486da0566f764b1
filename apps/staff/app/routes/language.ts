import { isLanguage } from '@crm/i18n';
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { safeRedirectPath } from '../utils/safe-redirect';
import { serializeLanguageCookie } from '../utils/language.server';

// POST /language (lang, redirectTo): remembers the choice and goes back.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get('lang');
  const to = safeRedirectPath(form.get('redirectTo'));
  if (!isLanguage(lang)) return redirect(to);
  return redirect(to, { headers: { 'Set-Cookie': serializeLanguageCookie(lang) } });
}

// Someone opening /language directly lands on the dashboard.
export function loader() {
  return redirect('/');
}
