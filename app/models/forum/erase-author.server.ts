import { eq } from "drizzle-orm";
import { forumAuthors, forumSubscriptions } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";

/**
 * The forum's part of erasing a person (anonymize.server.ts calls it inside
 * the erasure's transaction; forum tables have no row-level security, so the
 * church's transaction reaches them). Their author row keeps its id — posts
 * point at it — but becomes "Former member · Dating miyembro" with no church
 * and no account; their topic subscriptions (which carry e-mail tokens) go.
 *
 * Post bodies are KEPT: they are the community's questions and answers, and
 * other members' replies and quotes build on them. They no longer name their
 * writer. docs/data-protection.md says so, and members are told before they
 * post (the privacy policy); a member who wants a post gone deletes it first.
 */

/** Stored as data, in both of the app's languages, like the tickets' REMOVED_TEXT. */
export const FORMER_MEMBER = "Former member · Dating miyembro";

export async function anonymizeForumAuthor(tx: Tx, userId: string): Promise<{ anonymized: boolean; subscriptionsRemoved: number }> {
  const [author] = await tx
    .update(forumAuthors)
    .set({ displayName: FORMER_MEMBER, churchName: null, showChurch: false, userId: null, updatedAt: new Date() })
    .where(eq(forumAuthors.userId, userId))
    .returning({ id: forumAuthors.id });
  if (!author) return { anonymized: false, subscriptionsRemoved: 0 };
  const removed = await tx
    .delete(forumSubscriptions)
    .where(eq(forumSubscriptions.authorId, author.id))
    .returning({ topicId: forumSubscriptions.topicId });
  return { anonymized: true, subscriptionsRemoved: removed.length };
}
