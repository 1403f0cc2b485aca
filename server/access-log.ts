import type { ServerBuild } from "@remix-run/node";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { requestContext } from "../app/ops/log-context.server";
import { observeRequest } from "../app/ops/observe.server";
import { routeLabel, routePatterns } from "../app/ops/route-pattern.server";
import { logger } from "../app/utils/logger.server";
import { READ_ONLY_REFUSAL } from "./read-only";

// Probes hit these every few seconds; at info level they would drown the log,
// and counted as traffic they would flatter the error rate and latency.
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/** Set by the Remix handler's load context, so the log can tell Remix's answers from Express's. */
export const REACHED_REMIX = "reachedRemix";

/**
 * One JSON line per request once the response is done: method, route
 * pattern, status, duration and ids (request, church, user). Never the path
 * (ids, and the query may hold names) nor anything about the person but ids.
 * The same figures feed the per-route metrics and the minute rollups.
 */
export function accessLog(build: ServerBuild): RequestHandler {
  const patternOf = routePatterns(build.routes);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Both held from here: "close" may fire outside the request's async
    // context, and mounted routers (the sign-in provider) rewrite req.url.
    const context = requestContext();
    const path = req.path;
    // "close", not "finish": a visitor who gives up mid-answer is logged too, as 499 (nginx's "client closed").
    res.once("close", () => {
      const status = res.writableFinished ? res.statusCode : 499;
      const durationMs = Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 10) / 10;
      const quiet = QUIET_PATHS.has(path);
      const route = quiet ? path : routeLabel(path, { patternOf, reachedRemix: res.locals[REACHED_REMIX] === true });
      const line = {
        requestId: context.requestId ?? (res.locals.requestId as string),
        method: req.method,
        route,
        status,
        durationMs,
        churchId: context.churchId,
        userId: context.userId,
      };
      if (quiet) return logger.debug(line, "request");
      const planned = res.locals[READ_ONLY_REFUSAL] === true;
      observeRequest({ method: req.method, route, status, durationMs, userId: context.userId, planned });
      if (status >= 500 && !planned) logger.error(line, "request");
      else logger.info(line, "request");
    });
    next();
  };
}

/**
 * Last in the chain: an error Express caught (a middleware threw) is logged
 * with its stack and answered with a plain 500, never the stack itself.
 */
export const logUnhandledErrors: ErrorRequestHandler = (error, req, res, next) => {
  logger.error({ err: error, method: req.method, requestId: res.locals.requestId as string }, "unhandled error");
  if (res.headersSent) return next(error);
  res.status(500).type("text/plain; charset=utf-8").send("Something went wrong. / May nangyaring mali.");
};
