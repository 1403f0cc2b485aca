import { eq } from "drizzle-orm";
import i18next, { type TFunction } from "i18next";
import { forumAuthors, forumPosts, forumTopics } from "~/db/schema-forum.server";
import { acrossChurches } from "~/db/tenancy.server";
import { normalizeLocale, type Locale } from "~/i18n/config";
import { resources } from "~/locales";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { plainText } from "~/utils/markdown.server";
import { sendMail, type MailMessage } from "~/utils/mailer.server";
import { claimRecipients, type Recipient } from "./subscriptions.server";

/**
 * The e-mail a subscriber gets when someone replies to a topic: plain text,
 * in their own language, with a short excerpt, a link to the topic and an
 * unsubscribe link that works without signing in (also in the
 * List-Unsubscribe header, so mail apps offer it). At most one per topic per
 * hour per subscriber: claimRecipients decides who is due.
 */

const EXCERPT = 300;

let translators: Promise<Record<Locale, TFunction>> | undefined;

function translate() {
  return (translators ??= (async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, fallbackLng: "en", interpolation: { escapeValue: false } });
    return { en: instance.getFixedT("en", "forum"), fil: instance.getFixedT("fil", "forum") };
  })());
}

export interface ReplyNotice {
  topicId: string;
  topicTitle: string;
  replierName: string;
  /** The reply's Markdown; the mail carries its words only. */
  body: string;
}

export const unsubscribeUrl = (token: string) => `${env.appUrl}/community/unsubscribe/${token}`;

export async function replyMail(recipient: Recipient, notice: ReplyNotice): Promise<MailMessage> {
  const t = (await translate())[normalizeLocale(recipient.locale) ?? "en"];
  const words = plainText(notice.body);
  const excerpt = words.length > EXCERPT ? `${words.slice(0, EXCERPT)}…` : words;
  const unsubscribe = unsubscribeUrl(recipient.token);
  const text = [
    t("mail.greeting", { name: recipient.name }),
    t("mail.replied", { name: notice.replierName, title: notice.topicTitle }),
    excerpt,
    `${t("mail.readTopic")}\n${env.appUrl}/community/t/${notice.topicId}`,
    t("mail.oncePerHour"),
    `${t("mail.why")}\n${t("mail.unsubscribe")}\n${unsubscribe}`,
  ].join("\n\n");
  return {
    to: recipient.email,
    subject: t("mail.subject", { title: notice.topicTitle }),
    text,
    headers: { "List-Unsubscribe": `<${unsubscribe}>` },
  };
}

/**
 * Tell the topic's subscribers about a published reply. Never throws: the
 * reply is saved whatever the mail server says, and a failure is logged.
 */
export async function notifySubscribers(
  notice: ReplyNotice,
  replierAuthorId: string,
  now = new Date()
): Promise<number> {
  try {
    const recipients = await claimRecipients(notice.topicId, replierAuthorId, now);
    const sent = await Promise.allSettled(recipients.map(async (r) => sendMail(await replyMail(r, notice))));
    const failed = sent.filter((outcome) => outcome.status === "rejected");
    if (failed.length > 0)
      logger.warn(
        {
          event: "forum_mail_failed",
          topicId: notice.topicId,
          failed: failed.length,
          err: (failed[0] as PromiseRejectedResult).reason,
        },
        "forum reply e-mail could not be sent"
      );
    return recipients.length - failed.length;
  } catch (error) {
    logger.warn(
      { err: error, event: "forum_mail_failed", topicId: notice.topicId },
      "forum reply e-mails could not be sent"
    );
    return 0;
  }
}

/**
 * The same, for a reply published later (staff approved it): everything
 * read from the post. Nothing happens for a post that is not a published reply.
 */
export async function notifyAboutReply(postId: string, now = new Date()): Promise<number> {
  const [row] = await acrossChurches((tx) =>
    tx
      .select({ post: forumPosts, title: forumTopics.title, replierName: forumAuthors.displayName })
      .from(forumPosts)
      .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
      .innerJoin(forumAuthors, eq(forumAuthors.id, forumPosts.authorId))
      .where(eq(forumPosts.id, postId))
  );
  if (!row || row.post.opening || row.post.state !== "published") return 0;
  const notice = {
    topicId: row.post.topicId,
    topicTitle: row.title,
    replierName: row.replierName,
    body: row.post.body,
  };
  return notifySubscribers(notice, row.post.authorId, now);
}
