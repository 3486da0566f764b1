import { safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeRedirectPath('/people?page=2')).toBe('/people?page=2');
  });

  it('refuses anything that could leave the site', () => {
    for (const to of ['https://evil.example', '//evil.example', '/\\evil.example', 'people', '', null, undefined]) {
      expect(safeRedirectPath(to)).toBe('/');
    }
  });
});
