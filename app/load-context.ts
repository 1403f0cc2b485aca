import type { Logger } from "pino";

// What the Express entry (server/app.ts) hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    /** The visitor's address (X-Forwarded-For from one trusted proxy hop). */
    clientIp: string;
    logger: Logger;
  }
}

export {};
