import type { RequestHandler } from "express";
import { logger } from "../app/utils/logger.server";

// Probes hit these every few seconds; at info level they would drown the log.
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/** One JSON line per request, with its id, once the response is finished. */
export const accessLog: RequestHandler = (req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const line = {
      requestId: res.locals.requestId as string,
      method: req.method,
      path: req.path, // no query string: searches may hold names
      status: res.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
    };
    if (QUIET_PATHS.has(req.path)) logger.debug(line, "request");
    else if (res.statusCode >= 500) logger.error(line, "request");
    else logger.info(line, "request");
  });
  next();
};
