import i18next, { type TFunction } from "i18next";
import { normalizeLocale, type Locale } from "~/i18n/config";
import { resources } from "~/locales";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { sendMail, type MailMessage } from "~/utils/mailer.server";

/**
 * The e-mail a requester gets when support staff reply: plain text, in the
 * requester's own language (users.locale), with the reply and a link back to
 * the conversation in the app. Its words live in the support namespace
 * (`mail.*`) beside the pages'.
 */

export interface TicketReplyMailInput {
  to: string;
  name: string;
  locale: string;
  ticketId: string;
  subject: string;
  reply: string;
}

let translators: Promise<Record<Locale, TFunction>> | undefined;

function translate() {
  return (translators ??= (async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, fallbackLng: "en", interpolation: { escapeValue: false } });
    return { en: instance.getFixedT("en", "support"), fil: instance.getFixedT("fil", "support") };
  })());
}

export async function ticketReplyMail(input: TicketReplyMailInput): Promise<MailMessage> {
  const t = (await translate())[normalizeLocale(input.locale) ?? "en"];
  const link = `${env.appUrl}/support/${input.ticketId}`;
  const text = [
    t("mail.greeting", { name: input.name }),
    t("mail.replied", { subject: input.subject }),
    input.reply,
    `${t("mail.readThread")}\n${link}`,
    t("mail.noReply"),
  ].join("\n\n");
  return { to: input.to, subject: t("mail.subject", { subject: input.subject }), text };
}

export type ReplyMailOutcome = "sent" | "logged" | "failed";

/**
 * Send it; never throw. The reply is already saved and shows in the app, so
 * a mail failure is logged and reported to the staff member, not lost.
 */
export async function sendTicketReplyMail(input: TicketReplyMailInput): Promise<ReplyMailOutcome> {
  try {
    return await sendMail(await ticketReplyMail(input));
  } catch (error) {
    logger.warn(
      { err: error, event: "ticket_mail_failed", ticketId: input.ticketId },
      "ticket reply e-mail could not be sent"
    );
    return "failed";
  }
}
