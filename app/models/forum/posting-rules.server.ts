import { and, count, eq, gt } from "drizzle-orm";
import { forumPosts, forumSettings, type ForumAuthor, type PostState } from "~/db/schema-forum.server";
import type { Tx } from "~/db/tenancy.server";

/**
 * The two rules every new post (topic or reply) passes, from the one
 * forum_settings row staff edit: how many posts a member may write in an
 * hour, and whether a new account's first posts wait for staff approval.
 * Support staff are bound by neither: they moderate.
 */

export const HOUR_MS = 60 * 60 * 1000;

export interface PostingRules {
  postsPerHour: number;
  approveFirstPosts: number;
}

export async function postingRules(tx: Tx): Promise<PostingRules> {
  const [row] = await tx.select().from(forumSettings).where(eq(forumSettings.id, 1));
  // The migration writes the row; its defaults stand in should it ever be missing.
  return { postsPerHour: row?.postsPerHour ?? 20, approveFirstPosts: row?.approveFirstPosts ?? 0 };
}

export type RuleOutcome =
  | { ok: true; state: Extract<PostState, "published" | "pending"> }
  | { ok: false; reason: "rate_limited" };

/**
 * May this author post now, and does the post show at once or wait? Call
 * with the author row locked (authorOf does), so concurrent posts count each
 * other. Every post of the last hour counts, deleted ones too: deleting
 * must not reset the limit.
 */
export async function checkPostingRules(
  tx: Tx,
  author: ForumAuthor,
  options: { staff: boolean; now: Date }
): Promise<RuleOutcome> {
  if (options.staff) return { ok: true, state: "published" };
  const rules = await postingRules(tx);
  const since = new Date(options.now.getTime() - HOUR_MS);
  const [recent] = await tx
    .select({ n: count() })
    .from(forumPosts)
    .where(and(eq(forumPosts.authorId, author.id), gt(forumPosts.createdAt, since)));
  if ((recent?.n ?? 0) >= rules.postsPerHour) return { ok: false, reason: "rate_limited" };
  const isNew = rules.approveFirstPosts > 0 && author.approvedPosts < rules.approveFirstPosts;
  return { ok: true, state: isNew ? "pending" : "published" };
}
