import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { forumAuthors, forumFlags, forumPosts, forumTopics } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { plainText } from "~/utils/markdown.server";
import { recordAudit } from "../audit.server";
import { isUuid } from "../roles.server";
import type { CurrentUser, RequestMeta } from "../users.server";
import { authorOf } from "./authors.server";
import { REASON_MAX } from "./moderation-access.server";

/**
 * A member reports a post to the moderators, with a reason (required, up to
 * 500 characters). Flagging the same post again while the first flag is open
 * changes nothing (the partial unique index forum_flags_one_open_idx); once
 * staff resolved it, a new flag may be raised. Only posts the member can see
 * may be flagged: published ones in a visible topic, never their own.
 */

// Browsers send CRLF; one line break should count once against the limit.
export const flagReason = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : ""),
  z.string().trim().min(1, "forms:required").max(REASON_MAX, "forum:moderation.errors.reasonTooLong")
);
export const flagForm = z.object({ reason: flagReason });

/** The post as the flag page shows it: enough to know which one, no more. */
export interface FlaggablePost {
  id: string;
  topicId: string;
  topicTitle: string;
  authorName: string;
  /** The post's words as plain text (never its HTML), cut short. */
  excerpt: string;
  own: boolean;
}

const forbiddenToFlag = () => new Response("Forbidden: this needs the permission post:forum", { status: 403 });

/** A published post in a visible topic, as `user` may flag it; null when there is none to flag. */
export async function findFlaggablePost(user: CurrentUser, postId: string): Promise<FlaggablePost | null> {
  if (!can(user, "post:forum")) throw forbiddenToFlag();
  if (!isUuid(postId)) return null;
  // The forum is platform-wide: no church to scope to.
  const [row] = await acrossChurches((tx) =>
    tx
      .select({
        id: forumPosts.id,
        topicId: forumPosts.topicId,
        topicTitle: forumTopics.title,
        authorName: forumAuthors.displayName,
        authorUserId: forumAuthors.userId,
        body: forumPosts.body,
      })
      .from(forumPosts)
      .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
      .innerJoin(forumAuthors, eq(forumAuthors.id, forumPosts.authorId))
      .where(and(eq(forumPosts.id, postId), eq(forumPosts.state, "published"), eq(forumTopics.state, "visible")))
  );
  if (!row) return null;
  const { authorUserId, body, ...post } = row;
  const words = plainText(body);
  return { ...post, excerpt: words.length > 300 ? `${words.slice(0, 299)}…` : words, own: authorUserId === user.id };
}

export type FlagOutcome =
  | { ok: true; topicId: string; alreadyFlagged: boolean }
  | { ok: false; reason: "notFound" | "own" };

/** Flag a post for the moderators' queue, audited on the platform chain (the reason stays in the flag, not the log). */
export async function flagPost(
  user: CurrentUser,
  postId: string,
  input: { reason: string },
  meta: RequestMeta = {}
): Promise<FlagOutcome> {
  const post = await findFlaggablePost(user, postId);
  if (!post) return { ok: false, reason: "notFound" };
  if (post.own) return { ok: false, reason: "own" };
  return acrossChurches(async (tx) => {
    const author = await authorOf(tx, user);
    const [flag] = await tx
      .insert(forumFlags)
      .values({ postId, flaggedBy: author.id, reason: input.reason })
      .onConflictDoNothing()
      .returning({ id: forumFlags.id });
    if (!flag) return { ok: true as const, topicId: post.topicId, alreadyFlagged: true };
    await recordAudit(tx, {
      churchId: null,
      actorUserId: user.id,
      action: "forum.post_flagged",
      recordType: "forum_post",
      recordId: postId,
      after: { flagId: flag.id },
      ...meta,
    });
    return { ok: true as const, topicId: post.topicId, alreadyFlagged: false };
  });
}
