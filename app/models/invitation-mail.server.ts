import i18next, { type TFunction } from "i18next";
import { resources } from "~/locales";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { sendMail, type MailMessage } from "~/utils/mailer.server";

/**
 * The invitation e-mail: English, then Filipino, in one message (we do not
 * know the invited person's language yet). Its words live in the adminUsers
 * namespace (`mail.*`) beside the page's, in both languages.
 */

export interface InvitationMailInput {
  email: string;
  churchName: string;
  inviterName: string;
  /** Expiry date as the church reads it (YYYY-MM-DD). */
  expiresOn: string;
  days: number;
}

let translators: Promise<Record<"en" | "fil", TFunction>> | undefined;

function translate() {
  return (translators ??= (async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, fallbackLng: "en", interpolation: { escapeValue: false } });
    return { en: instance.getFixedT("en", "adminUsers"), fil: instance.getFixedT("fil", "adminUsers") };
  })());
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]!));

export async function invitationMail(input: InvitationMailInput): Promise<MailMessage> {
  const t = await translate();
  const link = `${env.appUrl}/auth/login`;
  const values = {
    church: input.churchName,
    inviter: input.inviterName,
    email: input.email,
    date: input.expiresOn,
    days: input.days,
  };
  const paragraphs = (lng: "en" | "fil") => [
    t[lng]("mail.greeting"),
    t[lng]("mail.invited", values),
    t[lng]("mail.signInWith", values),
    t[lng]("mail.expires", values),
    t[lng]("mail.ignore"),
  ];
  const text = (["en", "fil"] as const)
    .map((lng) => {
      const [greeting, invited, signInWith, expires, ignore] = paragraphs(lng);
      return [greeting, invited, `${signInWith}\n${link}`, expires, ignore].join("\n\n");
    })
    .join("\n\n----------\n\n");

  const htmlPart = (lng: "en" | "fil") => {
    const [greeting, invited, signInWith, expires, ignore] = paragraphs(lng).map((p) => escapeHtml(p!));
    return [
      `<div lang="${lng}">`,
      `<p>${greeting}</p>`,
      `<p>${invited}</p>`,
      `<p>${signInWith}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
      `<p>${expires}</p>`,
      `<p>${ignore}</p>`,
      `</div>`,
    ].join("\n");
  };
  const html = `<!doctype html>\n<html><body>\n${htmlPart("en")}\n<hr>\n${htmlPart("fil")}\n</body></html>\n`;

  return { to: input.email, subject: `${t.en("mail.subject", values)} / ${t.fil("mail.subject", values)}`, text, html };
}

/**
 * Send it; never throw. The invitation is already saved, so a mail failure is
 * logged and reported to the caller (the admin can press Resend), not lost.
 */
export async function sendInvitationMail(input: InvitationMailInput & { invitationId: string }): Promise<boolean> {
  try {
    await sendMail(await invitationMail(input));
    return true;
  } catch (error) {
    logger.error({ event: "mail_failed", invitationId: input.invitationId, err: error }, "invitation e-mail not sent");
    return false;
  }
}
