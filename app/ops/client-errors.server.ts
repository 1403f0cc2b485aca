import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { clientErrors } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { logger } from "~/utils/logger.server";
import { forwardToSentry } from "./sentry.server";

/**
 * Errors thrown in visitors' browsers (public/ops.js), grouped by fingerprint
 * so a bug seen a thousand times is one row with a count. Reports come from
 * anyone, signed in or not: everything is size-limited and scrubbed of what
 * could name a person before it is stored, logged or forwarded.
 */

export const MESSAGE_MAX = 1000;
export const STACK_MAX = 4000;

export const clientErrorReport = z.object({
  message: z.string().trim().min(1).max(4 * MESSAGE_MAX),
  stack: z.string().max(4 * STACK_MAX).optional(),
  // The route pattern (/directory/:memberId) the page put on its script tag; the path without query at worst.
  route: z
    .string()
    .max(200)
    .regex(/^\/[^?#\s]*$/)
    .optional(),
  release: z
    .string()
    .max(100)
    .regex(/^[\w.+-]*$/)
    .optional(),
});
export type ClientErrorReport = z.infer<typeof clientErrorReport>;

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
// Seven or more digits, allowing the spaces and dashes of a Philippine mobile number (0917 123 4567).
const DIGIT_RUN = /\+?\d(?:[\s-]?\d){6,}/g;
// A query string or fragment may carry a search for a person's name; a stack frame's :line:col stays.
const URL_QUERY = /(\bhttps?:\/\/[^\s?#)]*)[?#][^\s)]*/g;
const LINE_COLUMN = /(?::\d+){1,2}$/;

/** What could name a person, removed: e-mail addresses, phone-like digit runs, query strings of URLs. */
export function scrub(text: string): string {
  return text
    .replace(URL_QUERY, (whole, url: string) => url + (LINE_COLUMN.exec(whole)?.[0] ?? ""))
    .replace(EMAIL, "[email]")
    .replace(DIGIT_RUN, "[number]");
}

/** The first line of a stack that is a frame (Chrome's "    at …", Firefox's and Safari's "fn@url:line:col"). */
export function firstFrame(stack: string | undefined): string {
  const frame = stack?.split("\n").find((line) => /^\s*at\s|@/.test(line));
  return frame?.trim() ?? "";
}

/**
 * One group per bug: the message with its numbers made alike ("id 12" and "id 13"
 * are the same bug), where it was thrown and on which route.
 */
export function fingerprintOf(report: { message: string; stack?: string; route?: string }): string {
  const message = report.message.replace(/\d+/g, "0");
  return crypto
    .createHash("sha256")
    .update(`${message}\n${firstFrame(report.stack)}\n${report.route ?? ""}`)
    .digest("hex")
    .slice(0, 32);
}

/** Stores (or counts again) a report that passed `clientErrorReport`, and forwards it to Sentry when configured. */
export async function recordClientError(input: ClientErrorReport): Promise<string> {
  const report = {
    message: scrub(input.message).slice(0, MESSAGE_MAX),
    stack: input.stack ? scrub(input.stack).slice(0, STACK_MAX) : undefined,
    route: input.route,
    release: input.release || undefined,
  };
  const fingerprint = fingerprintOf(report);
  const now = new Date();
  await acrossChurches((tx) =>
    tx
      .insert(clientErrors)
      .values({
        fingerprint,
        message: report.message,
        stack: report.stack ?? null,
        route: report.route ?? null,
        release: report.release ?? null,
        firstSeenAt: now,
        lastSeenAt: now,
      })
      .onConflictDoUpdate({
        target: clientErrors.fingerprint,
        // The latest stack and release: the one a developer will look at.
        set: {
          count: sql`${clientErrors.count} + 1`,
          lastSeenAt: now,
          stack: report.stack ?? null,
          release: report.release ?? null,
        },
      }),
  );
  // The fingerprint and route only: the message is for the dashboard, not the log stream.
  logger.info({ event: "client_error", fingerprint, route: report.route, release: report.release }, "client error");
  forwardToSentry({ ...report, fingerprint });
  return fingerprint;
}

