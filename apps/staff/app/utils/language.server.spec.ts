import { getLanguage, publicPageLanguage, readLanguageCookie, serializeLanguageCookie } from './language.server';

const request = (headers: Record<string, string>) => new Request('http://staff.test/', { headers });

describe('language of a request', () => {
  it('follows the lang cookie first', () => {
    expect(getLanguage(request({ Cookie: 'theme=dark; lang=fr', 'Accept-Language': 'en-CA' }))).toBe('fr');
  });

  it('falls back to Accept-Language, then English', () => {
    expect(getLanguage(request({ 'Accept-Language': 'fr-CA,fr;q=0.9' }))).toBe('fr');
    expect(getLanguage(request({ 'Accept-Language': 'de' }))).toBe('en');
    expect(getLanguage(request({}))).toBe('en');
  });

  it('ignores a cookie with an unsupported language', () => {
    expect(readLanguageCookie(request({ Cookie: 'lang=xx' }))).toBeUndefined();
  });

  it('remembers the choice for a year, readable by scripts, same-site', () => {
    expect(serializeLanguageCookie('fr')).toBe('lang=fr; Path=/; Max-Age=31536000; SameSite=Lax');
  });

  it('opens an invitation link and a public page in the language their address says, and no other page', () => {
    expect(publicPageLanguage(new Request('http://staff.test/invitation/abc?lang=fr'))).toBe('fr');
    expect(publicPageLanguage(new Request('http://staff.test/public/stories?lang=fr'))).toBe('fr');
    expect(publicPageLanguage(new Request('http://staff.test/people?lang=fr'))).toBeUndefined();
    expect(publicPageLanguage(new Request('http://staff.test/invitation/abc?lang=de'))).toBeUndefined();
  });
});
