import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { forumAuthors, forumFlags, forumPosts, forumTopics, type PostState } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { recordAudit } from "../audit.server";
import { isUuid } from "../roles.server";
import type { CurrentUser, RequestMeta } from "../users.server";
import { notifyAboutReply } from "./forum-mail.server";
import { platformAudit, REASON_MAX, requireModerator } from "./moderation-access.server";
import { refreshTopicActivity } from "./posting.server";

/**
 * Staff acting on one post (`moderate:forum`): hide or delete it with a reason
 * the author is shown, approve it when it waited (a new account's first
 * posts), restore it, or keep it and dismiss the flags. Every action resolves
 * the post's open flags where it settles them, keeps the topic's reply count
 * right, and writes a platform audit entry in the same transaction.
 * Topic-wide actions (lock, pin, move…) are topic-moderation.server.ts.
 */

export const POST_ACTIONS = ["hide", "delete", "approve", "restore", "keep"] as const;
export type PostAction = (typeof POST_ACTIONS)[number];

/** Which states each action starts from: anything else is a stale form. */
const FROM: Record<PostAction, readonly PostState[]> = {
  hide: ["published", "pending"],
  delete: ["published", "pending", "hidden"],
  approve: ["pending"],
  restore: ["hidden", "deleted"],
  keep: ["published", "pending", "hidden", "deleted"],
};
const TO: Partial<Record<PostAction, PostState>> = {
  hide: "hidden",
  delete: "deleted",
  approve: "published",
  restore: "published",
};
/** What a flag records as its resolution. */
const RESOLUTION: Partial<Record<PostAction, string>> = { hide: "hidden", delete: "deleted", keep: "kept" };
const NEEDS_REASON: readonly PostAction[] = ["hide", "delete"];

export const moderationReason = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : ""),
  z.string().max(REASON_MAX, "forum:moderation.errors.reasonTooLong")
);

export const postActionForm = z
  .object({
    intent: z.enum(POST_ACTIONS, { errorMap: () => ({ message: "forms:choose" }) }),
    reason: moderationReason,
  })
  .superRefine((input, ctx) => {
    if (NEEDS_REASON.includes(input.intent) && !input.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "forum:moderation.errors.reasonRequired" });
  });
export type PostActionInput = z.infer<typeof postActionForm>;

export type ModerationOutcome =
  | { ok: true; topicId: string }
  | { ok: false; reason: "notFound" }
  /** The post is no longer in a state this action applies to (someone acted first). */
  | { ok: false; reason: "stale" };

/** Resolve every open flag of the given posts, as `resolution`; how many were open. */
export async function resolveFlags(tx: Tx, staff: CurrentUser, where: SQL, resolution: string) {
  const resolved = await tx
    .update(forumFlags)
    .set({ resolvedAt: new Date(), resolvedBy: staff.id, resolution })
    .where(and(where, isNull(forumFlags.resolvedAt)))
    .returning({ id: forumFlags.id });
  return resolved.length;
}

export async function moderatePost(
  staff: CurrentUser,
  postId: string,
  input: PostActionInput,
  meta: RequestMeta = {}
): Promise<ModerationOutcome> {
  requireModerator(staff);
  if (!isUuid(postId)) return { ok: false, reason: "notFound" };
  // Platform-wide forum rows: across churches, said here.
  const done = await acrossChurches(async (tx) => {
    const [post] = await tx.select().from(forumPosts).where(eq(forumPosts.id, postId)).for("update");
    if (!post) return { ok: false as const, reason: "notFound" as const };
    if (!FROM[input.intent].includes(post.state)) return { ok: false as const, reason: "stale" as const };
    const now = new Date();
    const state = TO[input.intent];
    if (state) {
      await tx
        .update(forumPosts)
        .set({
          state,
          // Restoring or approving clears an old reason: the author no longer needs to be told.
          moderationReason: NEEDS_REASON.includes(input.intent) ? input.reason : null,
          moderatedBy: staff.id,
          moderatedAt: now,
        })
        .where(eq(forumPosts.id, postId));
    }
    if (input.intent === "approve") {
      await tx
        .update(forumAuthors)
        .set({ approvedPosts: sql`${forumAuthors.approvedPosts} + 1`, updatedAt: now })
        .where(eq(forumAuthors.id, post.authorId));
    }
    // The opening post is the topic: hiding, deleting or restoring one does it to the other.
    if (post.opening && (input.intent === "hide" || input.intent === "delete" || input.intent === "restore")) {
      const topicState = input.intent === "hide" ? "hidden" : input.intent === "delete" ? "deleted" : "visible";
      await tx.update(forumTopics).set({ state: topicState, updatedAt: now }).where(eq(forumTopics.id, post.topicId));
    }
    const resolution = RESOLUTION[input.intent];
    const flagsResolved = resolution ? await resolveFlags(tx, staff, eq(forumFlags.postId, postId), resolution) : 0;
    await refreshTopicActivity(tx, post.topicId);
    await recordAudit(
      tx,
      platformAudit(staff, meta, {
        action: `forum.post_${pastTense(input.intent)}`,
        recordType: "forum_post",
        recordId: postId,
        before: { state: post.state },
        after: { state: state ?? post.state, reason: input.reason || null, flagsResolved },
      })
    );
    return { ok: true as const, topicId: post.topicId, post };
  });
  if (!done.ok) return done;
  // An approved reply reaches subscribers as a reply published at once would have (after the commit).
  if (input.intent === "approve" && !done.post.opening) await notifyAboutReply(postId);
  return { ok: true, topicId: done.topicId };
}

const pastTense = (action: PostAction) =>
  ({ hide: "hidden", delete: "deleted", approve: "approved", restore: "restored", keep: "kept" }[action]);
