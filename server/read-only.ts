import type { Request, RequestHandler } from "express";
import { isLocale, localeFromAcceptLanguage, type Locale } from "../app/i18n/config";
import { resources } from "../app/locales";
import { pageBanners } from "../app/maintenance/banners.server";
import { readOnlyState } from "../app/maintenance/read-only.server";
import { windowParts, zoneName } from "../app/maintenance/window-text";
import { logger } from "../app/utils/logger.server";

/**
 * Read-only mode's gate (issue 9). While the switch is on, every write
 * (POST, PUT, PATCH, DELETE) is answered here with 503 and Retry-After,
 * before any route or action runs, so nothing is half-written. Reads pass.
 *
 * Still allowed, because reading needs them or switching back needs them:
 * - /auth/… and /oidc/…: signing in and out (a session row, nothing of a church's);
 * - /language: the language switcher only sets a cookie;
 * - /platform/maintenance and /platform/status: the operator's switch itself
 *   and notices to churches (their actions demand manage:maintenance).
 * Browser reports (/api/beacon, /api/client-errors) get 503 like any write:
 * public/ops.js sends them and forgets, and page-load figures from a
 * maintenance window are not worth a write to the database while it is being
 * worked on.
 */

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ALLOWED = [/^\/auth(\/|$)/, /^\/oidc(\/|$)/, /^\/language\/?$/, /^\/platform\/maintenance\/?$/, /^\/platform\/status\/?$/];
/** Set on res.locals for a write this gate refused. */
export const READ_ONLY_REFUSAL = "readOnlyRefusal";
/** Retry-After when no maintenance window is running: five minutes. */
export const DEFAULT_RETRY_AFTER_SECONDS = 300;

export const readOnlyGate: RequestHandler = async (req, res, next) => {
  if (!WRITES.has(req.method) || ALLOWED.some((path) => path.test(req.path))) return next();
  try {
    const state = await readOnlyState();
    if (!state.enabled) return next();
    const { window } = await pageBanners();
    const running = window?.running ? window : null;
    const retryAfter = running
      ? Math.max(1, Math.ceil((Date.parse(running.endsAt) - Date.now()) / 1000))
      : DEFAULT_RETRY_AFTER_SECONDS;
    logger.info({ event: "read_only_refused", method: req.method, path: req.path }, "write refused: read-only mode");
    // A planned refusal, not a fault: the access log can leave it out of the error rate.
    res.locals[READ_ONLY_REFUSAL] = true;
    res.status(503).set({
      "Retry-After": String(retryAfter),
      "Cache-Control": "no-store",
      // Served before the security headers: this page says its own.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      "X-Content-Type-Options": "nosniff",
    });
    const locale = visitorLocale(req);
    if (req.accepts(["html", "text"]) === "html") {
      res.type("html").send(readOnlyPage(locale, state.reason, running));
    } else {
      res.type("text/plain").send(`${text("en").plain}\n${text("fil").plain}\n`);
    }
  } catch (error) {
    next(error);
  }
};

const text = (locale: Locale) => resources[locale].maintenance.readOnlyPage;

/** The visitor's language as the pages choose it: ?lng=, the switcher's cookie, then Accept-Language. */
export function visitorLocale(req: Request): Locale {
  const asked = req.query.lng;
  if (isLocale(asked)) return asked;
  const cookie = /(?:^|;\s*)lng=([^;]+)/.exec(req.get("cookie") ?? "")?.[1];
  if (cookie) {
    // Remix's cookie: base64 of the JSON string, e.g. "fil" → ImZpbCI=.
    try {
      const value: unknown = JSON.parse(Buffer.from(decodeURIComponent(cookie), "base64").toString("utf8"));
      if (isLocale(value)) return value;
    } catch {
      // Not ours; fall through to the browser's languages.
    }
  }
  return localeFromAcceptLanguage(req.get("accept-language")) ?? "en";
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");

/** A small page that needs nothing else from the server: no stylesheet, no script. */
export function readOnlyPage(
  locale: Locale,
  reason: string | null,
  running: { startsAt: string; endsAt: string; timeZone: string } | null,
): string {
  const t = text(locale);
  const zone = zoneName(running?.timeZone ?? "", resources[locale].maintenance.philippineTime);
  const retry = running ? fill(t.retryUntil, { end: windowParts(running, locale).end, zone }) : t.retrySoon;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.title)} · Kapatiran</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;background:#fafaf9;color:#1c1917;line-height:1.5}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.5rem;margin:0 0 1rem}
a{color:#115e59;text-decoration:underline}
</style>
</head>
<body>
<main>
<h1>${escape(t.title)}</h1>
<p>${escape(t.notSaved)}</p>
${reason ? `<p>${escape(fill(t.reason, { reason }))}</p>` : ""}
<p>${escape(retry)}</p>
<p><a href="/">${escape(t.home)}</a></p>
</main>
</body>
</html>
`;
}
