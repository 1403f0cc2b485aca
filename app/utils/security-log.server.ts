import { logger } from "./logger.server";
import { recordSignInFailure as countInMinute } from "~/ops/minute-recorder.server";
import { metrics } from "./metrics.server";

/**
 * Security events: one warn-level JSON line each, `security: true` and an
 * `event` name, so CloudWatch metric filters and the alert rules can count
 * them. The request id is added by the logger. Ids and reasons only: an
 * e-mail address is cut down to its domain, enough to spot a pattern.
 */

export type SignInFailure =
  | "bad_state"
  | "provider_error"
  | "code_exchange"
  | "bad_token"
  | "unverified_email"
  | "uninvited"
  | "deactivated"
  | "account_conflict";

export type SecurityEvent = "sign_in_refused" | "permission_denied" | "rate_limited";

export function logSecurityEvent(event: SecurityEvent, fields: Record<string, unknown>, message: string) {
  logger.warn({ security: true, event, ...fields }, message);
}

/** A refused sign-in: the log line, a Prometheus counter and the current minute's count. */
export function recordSignInFailure(
  reason: SignInFailure,
  details: { requestId?: string; ip?: string; email?: string; detail?: string },
) {
  metrics().signInFailures.inc({ reason });
  countInMinute();
  const { email, ...rest } = details;
  logSecurityEvent(
    "sign_in_refused",
    { reason, ...rest, emailDomain: email ? emailDomain(email) : undefined },
    "sign-in refused",
  );
}

/** The part after the @ (lower case), or undefined when there is none. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf("@");
  return at >= 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : undefined;
}
