import type { Logger } from "pino";

// What the Express entry (server/app.ts) hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    logger: Logger;
  }
}

export {};
