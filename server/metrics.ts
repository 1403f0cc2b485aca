import cluster from "node:cluster";
import crypto from "node:crypto";
import type { RequestHandler } from "express";
import { env } from "../app/utils/env.server";
import { metrics } from "../app/utils/metrics.server";
import { askPrimary } from "./process-channel";
import { ALL_PROCESSES_METRICS } from "./workers";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Prometheus text for the CloudWatch agent (or any scraper). With
 * METRICS_TOKEN: only with `Authorization: Bearer <token>`. Without: only from
 * this box itself, and never through a proxy (a forwarded request is not local).
 */
export const metricsEndpoint: RequestHandler = (req, res, next) => {
  if (!allowed(req.get("authorization"), req.socket.remoteAddress, req.get("x-forwarded-for"))) {
    res.status(404).type("text/plain").send("Not Found");
    return;
  }
  const { registry } = metrics();
  // Among several app processes, the figures of all of them, added up by the primary (server/workers.ts).
  const figures = cluster.isWorker ? askPrimary<string>(ALL_PROCESSES_METRICS, undefined, 5_000) : registry.metrics();
  figures.then((text) => res.set({ "Content-Type": registry.contentType, "Cache-Control": "no-store" }).send(text)).catch(next);
};

function allowed(authorization: string | undefined, remote: string | undefined, forwarded: string | undefined) {
  if (env.METRICS_TOKEN) {
    const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, "") ?? "");
    const expected = Buffer.from(env.METRICS_TOKEN);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }
  return remote !== undefined && LOOPBACK.has(remote) && forwarded === undefined;
}
