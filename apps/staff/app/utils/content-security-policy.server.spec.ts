import { contentSecurityPolicy, newNonce } from './content-security-policy.server';

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));
}

describe('contentSecurityPolicy', () => {
  it('allows scripts and <style> elements from this site or with the nonce, nothing inline otherwise', () => {
    const policy = directives(contentSecurityPolicy('abc123+/=='));
    expect(policy).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self' 'nonce-abc123+/=='",
      'script-src-attr': "'none'",
      'style-src-elem': "'self' 'nonce-abc123+/=='",
      'style-src-attr': "'unsafe-inline'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(Object.values(policy).join(' ')).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(policy['script-src']).not.toContain('unsafe-inline');
  });

  it('lets the Vite dev server inject styles and open its socket, scripts still by nonce', () => {
    const policy = directives(contentSecurityPolicy('abc', { development: true }));
    expect(policy['script-src']).toBe("'self' 'nonce-abc'");
    expect(policy['style-src-elem']).toBe("'self' 'unsafe-inline'");
    expect(policy['connect-src']).toBe("'self' ws: wss:");
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => contentSecurityPolicy("x'; script-src *")).toThrow();
  });

  it('makes a new 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
