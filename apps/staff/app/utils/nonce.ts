import { setNonce } from 'get-nonce';
import { createContext, useContext } from 'react';

// This response's CSP nonce (entry.server.tsx makes one per document): the inline
// scripts and <style> elements that Remix and Mantine render carry it.
export const NonceContext = createContext<string | undefined>(undefined);

let documentNonce: string | undefined;

// In the browser, the nonce is read back from an element the server rendered with
// it (browsers hide the attribute from selectors and getAttribute, but keep the
// `nonce` property): the <style> elements Mantine adds after hydration, on client
// navigations, need it as much as the server-rendered ones.
function nonceOfThisDocument(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  if (!documentNonce) {
    documentNonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || undefined;
    // Mantine's modals add a <style> through react-remove-scroll, which asks get-nonce for it.
    if (documentNonce) setNonce(documentNonce);
  }
  return documentNonce;
}

export function useNonce(): string | undefined {
  return useContext(NonceContext) ?? nonceOfThisDocument();
}
