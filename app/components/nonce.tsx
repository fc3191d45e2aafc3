import { createContext, useContext } from "react";

// The per-request nonce that the Content-Security-Policy allows scripts with.
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
