import { randomBytes } from 'node:crypto';

/** 128 random bits, new for every HTML response. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of every page (decision 014): scripts only from
 * this site or carrying this response's nonce (Remix's inline scripts, Mantine's
 * colour-scheme script), never inline otherwise; `<style>` elements likewise
 * (Mantine's CSS variables). Style *attributes* are allowed: Mantine sets CSS
 * variables through them on almost every component, a nonce cannot cover an
 * attribute, and an attribute cannot run script or select other elements.
 * `development`: Vite's dev server injects `<style>` elements and talks over a
 * WebSocket.
 */
export function contentSecurityPolicy(nonce: string, { development = false }: { development?: boolean } = {}): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) throw new Error('a CSP nonce is base64');
  const styleElements = development ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`;
  const directives: Record<string, string> = {
    'default-src': "'self'",
    'script-src': `'self' 'nonce-${nonce}'`,
    'script-src-attr': "'none'",
    'style-src': styleElements,
    'style-src-elem': styleElements,
    'style-src-attr': "'unsafe-inline'",
    'img-src': "'self'",
    'font-src': "'self'",
    'connect-src': development ? "'self' ws: wss:" : "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
