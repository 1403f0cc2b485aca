import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { sendMail } from "~/utils/mailer.server";
import { ALERT_RULES, type AlertRuleName } from "./thresholds";

/**
 * Telling operators that an alert fired or cleared: e-mail to
 * OPS_ALERT_EMAILS and a JSON POST to ALERT_WEBHOOK_URL (an SNS HTTPS
 * subscription or any chat webhook). A channel that fails is logged and
 * skipped, never thrown: the next tick must still run.
 */

export interface AlertChange {
  id: string;
  rule: AlertRuleName;
  state: "fired" | "cleared";
  value: number | null;
  threshold: number;
  /** When it started, and (for "cleared") when it cleared. */
  startedAt: Date;
  clearedAt: Date | null;
}

export type Channel = "email" | "webhook";

const WEBHOOK_TIMEOUT_MS = 5_000;

/** Runbook pages are named after the rule: error_rate → docs/runbooks/error-rate.md. */
export const runbookPath = (rule: AlertRuleName) => `docs/runbooks/${rule.replaceAll("_", "-")}.md`;

const unitText = { percent: " %", milliseconds: " ms", "per minute": " per minute" } as const;

export function formatFigure(rule: AlertRuleName, value: number | null): string {
  if (value === null) return "no figure";
  return `${Math.round(value * 10) / 10}${unitText[ALERT_RULES[rule].unit]}`;
}

export function alertMessage(change: AlertChange) {
  const rule = ALERT_RULES[change.rule];
  const verb = change.state === "fired" ? "FIRING" : "cleared";
  const at = (change.clearedAt ?? change.startedAt).toISOString();
  const subject = `[Kapatiran ${env.INSTANCE_NAME ?? "ops"}] ${verb}: ${change.rule} (${formatFigure(change.rule, change.value)})`;
  const text = [
    `${rule.summary}.`,
    "",
    `Alert: ${change.rule} — ${change.state === "fired" ? "fired" : "cleared"}`,
    `Value: ${formatFigure(change.rule, change.value)}`,
    `Threshold: ${formatFigure(change.rule, change.threshold)}`,
    `Started: ${change.startedAt.toISOString()}`,
    change.clearedAt ? `Cleared: ${change.clearedAt.toISOString()}` : null,
    `Time: ${at}`,
    "",
    `Dashboard: ${env.appUrl}/platform/ops`,
    `Runbook: ${runbookPath(change.rule)} (in the Kapatiran repository)`,
  ]
    .filter((line) => line !== null)
    .join("\n");
  return { subject, text };
}

async function email(change: AlertChange): Promise<boolean> {
  const recipients = (env.OPS_ALERT_EMAILS ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter(Boolean);
  if (recipients.length === 0) return false;
  const { subject, text } = alertMessage(change);
  let sent = 0;
  for (const to of recipients) {
    try {
      await sendMail({ to, subject, text });
      sent += 1;
    } catch (error) {
      // The address stays out of the log; the operator list is in the environment.
      logger.error(
        { event: "alert_notify_failed", channel: "email", rule: change.rule, err: error },
        "alert e-mail not sent",
      );
    }
  }
  return sent > 0;
}

async function webhook(change: AlertChange): Promise<boolean> {
  if (!env.ALERT_WEBHOOK_URL) return false;
  const { subject, text } = alertMessage(change);
  const body = {
    source: "kapatiran",
    instance: env.INSTANCE_NAME ?? null,
    id: change.id,
    rule: change.rule,
    state: change.state,
    value: change.value,
    threshold: change.threshold,
    unit: ALERT_RULES[change.rule].unit,
    summary: ALERT_RULES[change.rule].summary,
    startedAt: change.startedAt.toISOString(),
    clearedAt: change.clearedAt?.toISOString() ?? null,
    dashboard: `${env.appUrl}/platform/ops`,
    runbook: runbookPath(change.rule),
    // SNS HTTP(S) publishing and chat webhooks both show one of these.
    subject,
    text,
  };
  try {
    const response = await fetch(env.ALERT_WEBHOOK_URL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    return true;
  } catch (error) {
    // Only the host: a webhook URL often carries its secret in the path.
    const host = new URL(env.ALERT_WEBHOOK_URL).host;
    logger.error(
      { event: "alert_notify_failed", channel: "webhook", host, rule: change.rule, err: error },
      "alert webhook not posted",
    );
    return false;
  }
}

/** Sends on every configured channel; answers the channels that took the message. */
export async function notifyOperators(change: AlertChange): Promise<Channel[]> {
  const [mailed, posted] = await Promise.all([email(change), webhook(change)]);
  const channels: Channel[] = [];
  if (mailed) channels.push("email");
  if (posted) channels.push("webhook");
  return channels;
}
