import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { logger } from "../app/utils/logger.server";
import { accessLog } from "./access-log";
import { healthRoutes } from "./health";
import { requestId } from "./request-id";
import { sameOriginOnly } from "./same-origin";
import { cspNonce, securityHeaders } from "./security-headers";

export interface AppOptions {
  build: ServerBuild;
  isShuttingDown?: () => boolean;
}

const YEAR = 365 * 24 * 60 * 60 * 1000;

/** The Express app: security headers, compression, request ids, static files, then Remix. */
export function createApp({ build, isShuttingDown = () => false }: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  // One hop: the ALB/CloudFront in front sets X-Forwarded-For/Proto.
  app.set("trust proxy", 1);

  app.use(requestId);
  app.use(accessLog);
  app.use(healthRoutes(isShuttingDown));
  app.use(compression());

  // Fingerprinted by the Remix compiler: safe to cache for a year.
  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: YEAR }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h" }));

  app.use(cspNonce);
  app.use(securityHeaders);
  app.use(sameOriginOnly);

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (_req, res) => ({
        requestId: res.locals.requestId as string,
        cspNonce: res.locals.cspNonce as string,
        logger: logger.child({ requestId: res.locals.requestId as string }),
      }),
    }),
  );
  return app;
}
