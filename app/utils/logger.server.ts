import pino from "pino";
import { currentRequestId } from "~/ops/log-context.server";
import { env } from "./env.server";

/**
 * JSON logs on stdout (the CloudWatch agent ships them), one line per event.
 * Every line written while a request is being answered carries its request id
 * (from the request scope), so a request's access line, its security events,
 * its errors and its database queries can be joined. Lines hold ids, never
 * names, e-mail addresses, session ids or tokens.
 */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "kapatiran" },
  mixin: (line) => {
    if ("requestId" in line) return {};
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  serializers: { err: safeError },
  redact: {
    paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.token", "*.secret"],
    censor: "[redacted]",
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * Errors with their stacks, minus what a database error copies out of the
 * row: drizzle's message ends with the query's parameters, and PostgreSQL's
 * `detail` repeats the offending value ("Key (email)=(…) already exists").
 */
export function safeError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as Record<string, unknown> | undefined;
  if (!serialized || typeof serialized !== "object") return serialized;
  const { params: _params, parameters: _parameters, detail: _detail, where: _where, cause, ...kept } = serialized;
  for (const key of ["message", "stack"] as const) {
    if (typeof kept[key] === "string") kept[key] = scrub(kept[key] as string);
  }
  if (cause) kept.cause = safeError(cause);
  return kept;
}

function scrub(text: string): string {
  return text.replace(/\nparams: .*$/gm, "\nparams: [omitted]").replace(EMAIL, "[email]");
}
