import crypto from "node:crypto";
import { and, eq, inArray, isNull, lt, ne, or } from "drizzle-orm";
import { users } from "~/db/schema.server";
import { forumAuthors, forumSubscriptions, forumTopics } from "~/db/schema-forum.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import type { CurrentUser } from "~/models/users.server";
import { findAuthor, authorOf } from "./authors.server";
import { HOUR_MS } from "./posting-rules.server";

/**
 * Reply notifications. A topic's author is subscribed when they start it;
 * anyone may subscribe to a topic they read. Each subscription carries a
 * random token: the unsubscribe link in every e-mail works without signing
 * in, and names nobody.
 */

const newToken = () => crypto.randomBytes(24).toString("base64url");

/** Subscribe (again): changes nothing when already subscribed. */
export async function subscribeIn(tx: Tx, topicId: string, authorId: string): Promise<void> {
  await tx.insert(forumSubscriptions).values({ topicId, authorId, token: newToken() }).onConflictDoNothing();
}

export async function isSubscribed(tx: Tx, topicId: string, userId: string): Promise<boolean> {
  const author = await findAuthor(tx, userId);
  if (!author) return false;
  const [row] = await tx
    .select({ topicId: forumSubscriptions.topicId })
    .from(forumSubscriptions)
    .where(and(eq(forumSubscriptions.topicId, topicId), eq(forumSubscriptions.authorId, author.id)));
  return Boolean(row);
}

/** The subscribe / unsubscribe button on a topic page. */
export async function setSubscribed(user: CurrentUser, topicId: string, subscribed: boolean): Promise<void> {
  await acrossChurches(async (tx) => {
    const author = await authorOf(tx, user);
    if (subscribed) await subscribeIn(tx, topicId, author.id);
    else
      await tx
        .delete(forumSubscriptions)
        .where(and(eq(forumSubscriptions.topicId, topicId), eq(forumSubscriptions.authorId, author.id)));
  });
}

/** What the unsubscribe page shows for a token: the topic's title, or null for an unknown (or used) token. */
export async function subscriptionByToken(token: string): Promise<{ topicId: string; title: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [row] = await acrossChurches((tx) =>
    tx
      .select({ topicId: forumTopics.id, title: forumTopics.title })
      .from(forumSubscriptions)
      .innerJoin(forumTopics, eq(forumTopics.id, forumSubscriptions.topicId))
      .where(eq(forumSubscriptions.token, token))
  );
  return row ?? null;
}

/** The POST behind the unsubscribe link's button; true when a subscription ended. */
export async function unsubscribeByToken(token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  const removed = await acrossChurches((tx) =>
    tx.delete(forumSubscriptions).where(eq(forumSubscriptions.token, token)).returning()
  );
  return removed.length > 0;
}

export interface Recipient {
  email: string;
  name: string;
  locale: string;
  token: string;
}

/**
 * Claim who to tell about a new reply: every subscriber but the replier who
 * was not told about this topic in the last hour, marked told in the same
 * statement so two replies at once cannot both send. The e-mail address
 * comes from the account (across churches: the forum is platform-wide);
 * deleted or deactivated accounts get nothing.
 */
export async function claimRecipients(topicId: string, replierAuthorId: string, now: Date): Promise<Recipient[]> {
  return acrossChurches(async (tx) => {
    const claimed = await tx
      .update(forumSubscriptions)
      .set({ lastNotifiedAt: now })
      .where(
        and(
          eq(forumSubscriptions.topicId, topicId),
          ne(forumSubscriptions.authorId, replierAuthorId),
          or(
            isNull(forumSubscriptions.lastNotifiedAt),
            lt(forumSubscriptions.lastNotifiedAt, new Date(now.getTime() - HOUR_MS))
          )
        )
      )
      .returning({ authorId: forumSubscriptions.authorId, token: forumSubscriptions.token });
    if (claimed.length === 0) return [];
    const people = await tx
      .select({ authorId: forumAuthors.id, email: users.email, name: users.displayName, locale: users.locale })
      .from(forumAuthors)
      .innerJoin(users, and(eq(users.id, forumAuthors.userId), eq(users.status, "active")))
      .where(
        inArray(
          forumAuthors.id,
          claimed.map((row) => row.authorId)
        )
      );
    const byAuthor = new Map(people.map((person) => [person.authorId, person]));
    return claimed.flatMap(({ authorId, token }) => {
      const person = byAuthor.get(authorId);
      return person ? [{ email: person.email, name: person.name, locale: person.locale, token }] : [];
    });
  });
}
