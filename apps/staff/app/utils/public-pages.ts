/** Pages anyone may open without signing in (`/public/…`), whose language may be in their address. */
export function isPublicPage(pathname: string): boolean {
  return pathname.startsWith('/public/');
}
