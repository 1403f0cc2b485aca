import cluster from "node:cluster";
import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import { logger } from "../app/utils/logger.server";
import { recordRateLimitHit } from "../app/ops/minute-recorder.server";
import { metrics } from "../app/utils/metrics.server";
import { logSecurityEvent } from "../app/utils/security-log.server";
import { askPrimary } from "./process-channel";

/**
 * Fixed-window limit per client address: in process memory, or in Redis when
 * configured so that blue and green (and any second box) share one count.
 * With several app processes and no Redis the count is kept by the primary
 * process (server/workers.ts), so the limit holds across them.
 */
export interface RateLimitOptions {
  scope: string;
  limit: number;
  windowMs: number;
  redis?: Redis;
  /** The plain-text answer once the limit is reached, in English and Filipino. */
  message?: string;
}

const SIGN_IN_MESSAGE =
  "Too many sign-in attempts. Please wait a minute and try again.\nMasyadong maraming pagsubok. Maghintay ng isang minuto at subukang muli.";

export interface Counter {
  hit(key: string): Promise<{ count: number; resetMs: number }>;
}

export function memoryCounter(windowMs: number): Counter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key) {
      const now = Date.now();
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        windows.set(key, window);
        // Forget stale windows now and then so the map cannot grow without bound.
        if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      }
      window.count += 1;
      return { count: window.count, resetMs: window.resetAt - now };
    },
  };
}

export function redisCounter(redis: Redis, windowMs: number, prefix: string): Counter {
  return {
    async hit(key) {
      const name = `${prefix}${key}`;
      const [[, count], [, ttl]] = (await redis.multi().incr(name).pttl(name).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await redis.pexpire(name, windowMs);
      return { count, resetMs: ttl < 0 ? windowMs : ttl };
    },
  };
}

/** In a worker process: the count kept by the primary (server/workers.ts answers "rate-limit-hit"). */
export function primaryCounter(scope: string, windowMs: number): Counter {
  return { hit: (key) => askPrimary(RATE_LIMIT_HIT, { scope, windowMs, key } satisfies RateLimitHit) };
}

export const RATE_LIMIT_HIT = "rate-limit-hit";
export interface RateLimitHit {
  scope: string;
  windowMs: number;
  key: string;
}

export function rateLimit(options: RateLimitOptions): RequestHandler {
  const counter = options.redis
    ? redisCounter(options.redis, options.windowMs, `kapatiran:rate:${options.scope}:`)
    : cluster.isWorker
      ? primaryCounter(options.scope, options.windowMs)
      : memoryCounter(options.windowMs);
  return (req, res, next) => {
    counter
      .hit(req.ip ?? "unknown")
      .then(({ count, resetMs }) => {
        if (count <= options.limit) return next();
        metrics().rateLimited.inc({ scope: options.scope });
        recordRateLimitHit();
        // The full path (without the query), not the one relative to where the limit is mounted.
        const path = req.baseUrl + req.path;
        const requestId = res.locals.requestId as string;
        logSecurityEvent("rate_limited", { scope: options.scope, ip: req.ip, path, requestId }, "rate limit reached");
        res
          .status(429)
          .set("Retry-After", String(Math.ceil(resetMs / 1000)))
          .type("text/plain; charset=utf-8")
          .send(options.message ?? SIGN_IN_MESSAGE);
      })
      .catch((error: unknown) => {
        // A broken counter must not lock everyone out: let the request through, loudly.
        logger.error({ err: error, scope: options.scope }, "rate limiter failed");
        next();
      });
  };
}
