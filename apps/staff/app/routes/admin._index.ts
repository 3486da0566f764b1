import { safeRedirect } from '../utils/safe-redirect';

// /admin has no page of its own: the users list is where administration starts. It checks
// access itself and answers a refusal with the app's own page in the viewer's language
// (a route without a component cannot render one: it answered raw JSON).
export function loader() {
  return safeRedirect('/admin/users');
}
