import { logger } from "./logger.server";
import { recordSignInFailure as countInMinute } from "~/ops/minute-recorder.server";
import { metrics } from "./metrics.server";

export type SignInFailure =
  | "bad_state"
  | "provider_error"
  | "code_exchange"
  | "bad_token"
  | "unverified_email"
  | "uninvited"
  | "deactivated"
  | "account_conflict";

/**
 * A refused sign-in: one `security` log line with the request id (CloudWatch
 * metric filters alert on these) and a Prometheus counter.
 */
export function recordSignInFailure(
  reason: SignInFailure,
  details: { requestId?: string; ip?: string; email?: string; detail?: string },
) {
  metrics().signInFailures.inc({ reason });
  countInMinute();
  const email = details.email ? maskEmail(details.email) : undefined;
  logger.warn({ event: "sign_in_refused", security: true, reason, ...details, email }, "sign-in refused");
}

/** Enough to recognise a pattern in the logs, not enough to be a mailing list. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
}
