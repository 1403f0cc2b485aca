import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";
import { requestIdHeaders } from "~/ops/log-context.server";
import { logger } from "./logger.server";
import { emailDomain } from "./security-log.server";

/**
 * The app's one way to send e-mail. With SMTP_URL it goes out through that
 * server; without, the message's links are written to the log (event
 * "mail_logged"), so a developer can copy an invitation link without any mail set-up.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe on forum notifications. */
  headers?: Record<string, string>;
}

export type MailOutcome = "sent" | "logged";

const LINK = /https?:\/\/[^\s<>"]+/g;

let transport: Transporter | undefined;

function smtpTransport(url: string): Transporter {
  return (transport ??= nodemailer.createTransport({
    url,
    // Short limits: an admin is waiting on the page while we talk to the server.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  }));
}

/** Send one message. Throws when the SMTP server refuses or cannot be reached. */
export async function sendMail(message: MailMessage): Promise<MailOutcome> {
  if (!env.SMTP_URL) {
    // Not the address, subject or text: they hold names and e-mail addresses.
    // The links are what a developer needs (an invitation's sign-in link).
    logger.info(
      { event: "mail_logged", toDomain: emailDomain(message.to), links: message.text.match(LINK) ?? [] },
      "e-mail not sent (no SMTP_URL): its links are written to the log instead"
    );
    return "logged";
  }
  // The request id in the message header joins a bounce or a complaint to our log.
  const headers = { ...message.headers, ...requestIdHeaders() };
  await smtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...message, headers });
  return "sent";
}
