import path from "node:path";
import zlib from "node:zlib";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Router } from "express";
import { env } from "../app/utils/env.server";
import { redis } from "../app/utils/redis.server";
import { runInRequestScope } from "../app/utils/request-scope.server";
import { logger } from "../app/utils/logger.server";
import { faultInjectionAllowed } from "../app/ops/faults.server";
import { noteRequestId } from "../app/ops/log-context.server";
import { tagOutgoingFetches } from "../app/ops/outgoing-request-id.server";
import { REACHED_REMIX, accessLog, logUnhandledErrors } from "./access-log";
import { loadFirstVisitStylesheet } from "../app/utils/first-visit-css.server";
import { withAssetsFrom } from "./cdn-assets";
import { injectFaults } from "./faults";
import { healthRoutes } from "./health";
import { encodeHydrationDataOnRead } from "./hydration-data";
import { metricsEndpoint } from "./metrics";
import { rateLimit } from "./rate-limit";
import { readOnlyGate } from "./read-only";
import { requestId } from "./request-id";
import { byRouteBranch } from "./route-branches";
import { sameOriginOnly } from "./same-origin";
import { serverTiming } from "./server-timing";
import { cspNonce, securityHeaders } from "./security-headers";

export interface AppOptions {
  build: ServerBuild;
  isShuttingDown?: () => boolean;
  /** The development OpenID provider (server/local-idp), mounted at /oidc when given. */
  localIdentityProvider?: Router;
  /** Anonymous form posts per address per minute; PUBLIC_FORM_RATE_LIMIT_PER_MINUTE by default. */
  publicFormLimitPerMinute?: number;
}

const YEAR = 365 * 24 * 60 * 60 * 1000;
/** Per client address; tests/integration/client-errors.test.ts relies on the first. */
export const CLIENT_ERRORS_PER_MINUTE = 60;
const BEACONS_PER_MINUTE = 240;

/** The Express app: security headers, compression, request ids, static files, then Remix. */
export function createApp({
  build,
  isShuttingDown = () => false,
  localIdentityProvider,
  publicFormLimitPerMinute = env.PUBLIC_FORM_RATE_LIMIT_PER_MINUTE,
}: AppOptions) {
  tagOutgoingFetches();
  encodeHydrationDataOnRead();
  const app = express();
  app.disable("x-powered-by");
  // Each proxy in front appends the address it saw to X-Forwarded-For: trust exactly that
  // many from the right (nginx; on AWS also the load balancer and CloudFront), never more,
  // so a visitor cannot choose their own address by writing the header.
  app.set("trust proxy", env.TRUST_PROXY_HOPS);

  app.use(serverTiming);
  app.use(requestId);
  app.use((_req, res, next) =>
    runInRequestScope(() => {
      noteRequestId(res.locals.requestId as string);
      next();
    }),
  );
  app.use(accessLog(build));
  app.use(healthRoutes(isShuttingDown));
  app.get("/metrics", metricsEndpoint);
  // Test-only drills (ALLOW_FAULT_INJECTION): after the access log and health checks, so failures are logged and counted.
  if (faultInjectionAllowed()) app.use(injectFaults);
  // Read-only mode (issue 9): writes get a 503 here, before any handler can half-write them.
  app.use(readOnlyGate);
  // Brotli when the browser takes it (compression prefers br over gzip), gzip otherwise. Quality 4
  // and level 6 give most of the saving on HTML made per request for little CPU on a 2-vCPU box.
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }, level: 6 }));

  // Fingerprinted by the Remix compiler: safe to cache for a year. Pages load these
  // as module scripts from the CDN's host when CDN_URL is set, and a cross-origin
  // module needs CORS; they are public files, so any origin may read them.
  app.use(
    "/build",
    express.static(path.resolve("public/build"), {
      immutable: true,
      maxAge: YEAR,
      setHeaders: (res) => res.set("Access-Control-Allow-Origin", "*"),
    }),
  );
  // Only paths with a file extension can be files in public/ (favicon.svg, ops.js, robots.txt): pages
  // skip the file system lookup, which the benchmark's profile showed at about 4 % of a page's CPU.
  const publicFiles = express.static(path.resolve("public"), { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  const signInLimit = rateLimit({
    scope: "sign-in",
    limit: env.AUTH_RATE_LIMIT_PER_MINUTE,
    windowMs: 60_000,
    redis: redis(),
  });
  app.use("/auth", signInLimit);
  // Forms anyone may post without signing in ("Was this helpful?", cookie
  // choices): generous for people, a wall for scripts filling our tables.
  const publicFormLimit = rateLimit({
    scope: "public-forms",
    limit: publicFormLimitPerMinute,
    windowMs: 60_000,
    redis: redis(),
    message:
      "Too many forms sent. Please wait a minute and try again.\nMasyadong maraming ipinadala. Maghintay ng isang minuto at subukang muli.",
  });
  app.post(["/help/:slug", "/cookies"], publicFormLimit);
  // Browser reports from public/ops.js: a page view sends at most three errors and one
  // beacon, so these stop a script filling client_errors while carrier-grade NAT still fits.
  for (const [path, scope, limit] of [
    ["/api/client-errors", "client-errors", CLIENT_ERRORS_PER_MINUTE],
    ["/api/beacon", "beacons", BEACONS_PER_MINUTE],
  ] as const) {
    app.post(path, rateLimit({ scope, limit, windowMs: 60_000, redis: redis(), message: "Too many reports." }));
  }
  if (localIdentityProvider) {
    app.use("/oidc/interaction", signInLimit);
    // Before the CSRF check: the app's server calls the token endpoint itself,
    // with client authentication and PKCE instead of an Origin header. The
    // provider sets its own CSP on its pages.
    app.use("/oidc", localIdentityProvider);
  }

  // First visits get the stylesheet inline (app/utils/first-visit-css.server.ts); root names it in its handle.
  loadFirstVisitStylesheet(path.resolve("public"), (build.routes.root?.module.handle as { stylesheet?: string } | undefined)?.stylesheet);
  app.use(cspNonce);
  app.use(securityHeaders);
  app.use(sameOriginOnly);

  // Each request through a Remix handler for its own branch of routes (server/route-branches.ts).
  app.all(
    "*",
    byRouteBranch(withAssetsFrom(build, env.CDN_URL), (build) =>
      createRequestHandler({
        build,
        mode: build.mode,
        getLoadContext: (req, res) => {
          res.locals[REACHED_REMIX] = true;
          return {
            requestId: res.locals.requestId as string,
            cspNonce: res.locals.cspNonce as string,
            clientIp: req.ip ?? "",
            // The logger adds the request id itself (from the request scope).
            logger,
          };
        },
      }),
    ),
  );
  app.use(logUnhandledErrors);
  return app;
}
