import { safeRedirect, safeRedirectPath } from './safe-redirect';
import { expectSameOriginPath, hostileRedirects } from './test-requests';

describe('safeRedirectPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeRedirectPath('/people?page=2')).toBe('/people?page=2');
    expect(safeRedirectPath('/organizations/42/edit?x=%2F#top')).toBe('/organizations/42/edit?x=%2F#top');
    expect(safeRedirectPath('/sign-in?redirectTo=%2Fadmin%2Fusers')).toBe('/sign-in?redirectTo=%2Fadmin%2Fusers');
  });

  it('answers the fallback for no value', () => {
    for (const to of ['', null, undefined]) expect(safeRedirectPath(to, '/dashboard')).toBe('/dashboard');
  });

  it.each(hostileRedirects.map((to) => [JSON.stringify(to).slice(0, 60), to]))('turns %s into a path on this site', (_label, to) => {
    expectSameOriginPath(safeRedirectPath(to));
  });

  it('refuses every absolute URL, even one naming a plausible host of ours', () => {
    for (const to of ['https://crm.example.org/people', 'http://127.0.0.1:3000/people', '//crm.example.org/people']) {
      expect(safeRedirectPath(to)).toBe('/');
    }
  });

  it('never lets a normalised path start with two slashes', () => {
    expect(safeRedirectPath('/.//evil.example/x')).toBe('/evil.example/x');
    expect(safeRedirectPath('/a/..//evil.example')).toBe('/evil.example');
  });
});

describe('safeRedirect', () => {
  it.each(hostileRedirects.map((to) => [JSON.stringify(to).slice(0, 60), to]))('answers a same-origin Location for %s', (_label, to) => {
    const response = safeRedirect(to, { headers: { 'Set-Cookie': 'a=b' } });
    expect(response.status).toBe(302);
    expectSameOriginPath(response.headers.get('Location') ?? '');
    expect(response.headers.get('Set-Cookie')).toBe('a=b');
  });
});
