import crypto from "node:crypto";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

/**
 * Client errors forwarded to Sentry through its HTTP envelope endpoint, with
 * plain fetch: no SDK, nothing patched into the app. Without SENTRY_DSN this
 * does nothing, so nothing about visitors' browsers leaves the box.
 */

const TIMEOUT_MS = 3000;

export interface SentryTarget {
  /** https://host[/path]/api/<project>/envelope/ */
  url: string;
  publicKey: string;
  dsn: string;
}

/** `https://<key>@host[/path]/<projectId>` → where and with which key to send; null for a DSN we cannot read. */
export function parseDsn(dsn: string): SentryTarget | null {
  try {
    const url = new URL(dsn);
    const parts = url.pathname.split("/").filter(Boolean);
    const projectId = parts.pop();
    if (!url.username || !projectId) return null;
    const prefix = parts.length ? `/${parts.join("/")}` : "";
    return { url: `${url.protocol}//${url.host}${prefix}/api/${projectId}/envelope/`, publicKey: url.username, dsn };
  } catch {
    return null;
  }
}

export interface ForwardedError {
  fingerprint: string;
  message: string;
  stack?: string;
  route?: string;
  release?: string;
}

/** A Sentry envelope holding one event: a header line, an item header line, the event. */
export function envelopeFor(report: ForwardedError, target: SentryTarget, now = new Date()): string {
  const eventId = crypto.randomUUID().replaceAll("-", "");
  const event = {
    event_id: eventId,
    timestamp: now.getTime() / 1000,
    platform: "javascript",
    level: "error",
    logger: "kapatiran.browser",
    environment: env.NODE_ENV,
    ...(report.release ? { release: report.release } : {}),
    ...(report.route ? { transaction: report.route, tags: { route: report.route } } : {}),
    // Our grouping, so Sentry's issues match the dashboard's rows.
    fingerprint: [report.fingerprint],
    exception: { values: [{ type: "Error", value: report.message }] },
    ...(report.stack ? { extra: { stack: report.stack } } : {}),
  };
  const payload = JSON.stringify(event);
  return [
    JSON.stringify({ event_id: eventId, dsn: target.dsn, sent_at: now.toISOString() }),
    JSON.stringify({ type: "event", content_type: "application/json", length: Buffer.byteLength(payload) }),
    payload,
  ].join("\n");
}

/** Sends and resolves when done; never throws: a Sentry outage must not become our outage. */
export async function sendToSentry(report: ForwardedError, dsn: string): Promise<boolean> {
  const target = parseDsn(dsn);
  if (!target) {
    logger.warn({ event: "sentry_forward_failed", reason: "unreadable SENTRY_DSN" }, "client error not forwarded");
    return false;
  }
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-sentry-envelope",
        "X-Sentry-Auth": `Sentry sentry_version=7, sentry_key=${target.publicKey}, sentry_client=kapatiran/1.0`,
      },
      body: envelopeFor(report, target),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (response.ok) return true;
    logger.warn({ event: "sentry_forward_failed", status: response.status }, "client error not forwarded");
  } catch (error) {
    logger.warn({ event: "sentry_forward_failed", reason: (error as Error).name }, "client error not forwarded");
  }
  return false;
}

/** Fire and forget: the browser's report is answered before Sentry is. */
export function forwardToSentry(report: ForwardedError, dsn = env.SENTRY_DSN) {
  if (!dsn) return;
  void sendToSentry(report, dsn);
}
