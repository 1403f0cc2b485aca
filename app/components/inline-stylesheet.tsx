import { createContext, useContext } from "react";

/**
 * The stylesheet's text on a first visit (app/utils/first-visit-css.server.ts),
 * provided by entry.server; null on later pages, which link the file instead.
 */
const InlineStylesheetContext = createContext<string | null>(null);
export const InlineStylesheetProvider = InlineStylesheetContext.Provider;
export const useInlineStylesheet = () => useContext(InlineStylesheetContext);
