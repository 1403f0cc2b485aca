import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";
import { logger } from "./logger.server";

/**
 * The app's one way to send e-mail. With SMTP_URL it goes out through that
 * server; without, the message is written to the log (event "mail_logged"),
 * so a developer can copy an invitation link without any mail set-up.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type MailOutcome = "sent" | "logged";

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
    logger.info(
      { event: "mail_logged", to: message.to, subject: message.subject, text: message.text },
      "e-mail not sent (no SMTP_URL): written to the log instead"
    );
    return "logged";
  }
  await smtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...message });
  return "sent";
}
