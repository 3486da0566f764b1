/** Pages anyone may open without signing in (`/public/…`), whose language may be in their address. */
export function isPublicPage(pathname: string): boolean {
  return pathname.startsWith('/public/');
}

/** Pages whose address may say their language (`?lang=fr`): public pages, and the invitation link, read in the invitee's language. */
export function takesLanguageFromAddress(pathname: string): boolean {
  return isPublicPage(pathname) || pathname.startsWith('/invitation/');
}
