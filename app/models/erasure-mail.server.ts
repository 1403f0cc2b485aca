import i18next, { type TFunction } from "i18next";
import { normalizeLocale, type Locale } from "~/i18n/config";
import { resources } from "~/locales";
import { logger } from "~/utils/logger.server";
import { sendMail, type MailMessage } from "~/utils/mailer.server";

/**
 * The e-mail that tells a member how their erasure request was decided:
 * plain text, in their language (users.locale), to the address they had when
 * they asked (read before anonymizing). Its words live in the adminRequests
 * namespace (`mail.*`). No link: an erased account cannot sign in.
 */

export interface ErasureOutcomeMailInput {
  to: string;
  name: string;
  locale: string;
  approved: boolean;
  reason: string | null;
  requestId: string;
}

let translators: Promise<Record<Locale, TFunction>> | undefined;

function translate() {
  return (translators ??= (async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, fallbackLng: "en", interpolation: { escapeValue: false } });
    return { en: instance.getFixedT("en", "adminRequests"), fil: instance.getFixedT("fil", "adminRequests") };
  })());
}

export async function erasureOutcomeMail(input: ErasureOutcomeMailInput): Promise<MailMessage> {
  const t = (await translate())[normalizeLocale(input.locale) ?? "en"];
  const outcome = input.approved ? "approved" : "declined";
  const text = [
    t("mail.greeting", { name: input.name }),
    t(`mail.${outcome}`),
    input.reason ? `${t("mail.reason")}\n${input.reason}` : null,
    t("mail.noReply"),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { to: input.to, subject: t(`mail.subject.${outcome}`), text };
}

/** Send it; never throw: the decision is already saved. */
export async function sendErasureOutcomeMail(input: ErasureOutcomeMailInput): Promise<void> {
  try {
    await sendMail(await erasureOutcomeMail(input));
  } catch (error) {
    // The request id, not the address: the address may belong to an erased person.
    logger.warn(
      { err: error, event: "erasure_mail_failed", requestId: input.requestId },
      "erasure outcome e-mail could not be sent"
    );
  }
}
