import pino from "pino";
import { env } from "./env.server";

/**
 * JSON logs on stdout (CloudWatch agent ships them). Each request gets a child
 * logger carrying its request id; see server/request-context.ts.
 */
export const logger = pino({
  level: env.NODE_ENV === "test" && env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL,
  base: { service: "kapatiran" },
  redact: {
    paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.token", "*.secret"],
    censor: "[redacted]",
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
