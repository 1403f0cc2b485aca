import { createContext, useContext } from "react";

/** The per-response CSP nonce, for the few tags Remix renders inline. */
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
