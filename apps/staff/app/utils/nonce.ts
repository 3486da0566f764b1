import { createContext, useContext } from 'react';

// This response's CSP nonce (entry.server.tsx makes one per document): the inline
// scripts and styles that Remix and Mantine render carry it. Undefined in the
// browser, where those elements already exist and the attribute is hidden.
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
