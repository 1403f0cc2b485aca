import type { RequestHandler } from "express";
import { env } from "../app/utils/env.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence in depth, beside SameSite cookies: a state-changing request must
 * say it comes from our own origin. Browsers send `Origin` on every POST;
 * `Referer` is the fallback for old ones. A request with neither is refused
 * too (OWASP's advice), since we cannot tell where it came from.
 */
export const sameOriginOnly: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const source = req.get("origin") ?? refererOrigin(req.get("referer"));
  if (source !== undefined && allowedOrigins(req).has(source)) return next();
  res.status(403).type("text/plain").send("Forbidden: this form was sent from another site.");
};

function refererOrigin(referer: string | undefined) {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "null";
  }
}

function allowedOrigins(req: { protocol: string; get(name: string): string | undefined }) {
  const origins = new Set([new URL(env.appUrl).origin]);
  // Behind CloudFront/ALB the Host header is the public name; trust proxy makes protocol right.
  const host = req.get("host");
  if (host) origins.add(`${req.protocol}://${host}`);
  return origins;
}
