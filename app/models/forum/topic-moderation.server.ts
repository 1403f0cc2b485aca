import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { forumCategories, forumFlags, forumPosts, forumTopics } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { recordAudit } from "../audit.server";
import { isUuid } from "../roles.server";
import type { CurrentUser, RequestMeta } from "../users.server";
import { platformAudit, requireModerator } from "./moderation-access.server";
import { moderationReason, resolveFlags } from "./moderation.server";
import { refreshTopicActivity } from "./posting.server";

/**
 * Staff acting on a whole topic: lock and unlock (no more replies), pin and
 * unpin (first in its category), move to another category, hide or delete it
 * and restore it. Locking, moving, hiding and deleting need a reason, which is
 * kept on the topic's opening post (`moderation_reason`, "why staff hid,
 * deleted or moved it") so its author is shown why. Hiding or deleting the
 * topic settles every open flag on its posts. Audited on the platform chain.
 */

export const TOPIC_ACTIONS = ["lock", "unlock", "pin", "unpin", "move", "hide", "delete", "restore"] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];
const NEEDS_REASON: readonly TopicAction[] = ["lock", "move", "hide", "delete"];

export const topicActionForm = z
  .object({
    intent: z.enum(TOPIC_ACTIONS, { errorMap: () => ({ message: "forms:choose" }) }),
    reason: moderationReason,
    categoryId: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string()),
  })
  .superRefine((input, ctx) => {
    if (NEEDS_REASON.includes(input.intent) && !input.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "forum:moderation.errors.reasonRequired" });
    if (input.intent === "move" && !isUuid(input.categoryId))
      ctx.addIssue({ code: "custom", path: ["categoryId"], message: "forms:choose" });
  });
export type TopicActionInput = z.infer<typeof topicActionForm>;

export type TopicModerationOutcome =
  | { ok: true }
  | { ok: false; reason: "notFound" | "stale" }
  | { ok: false; reason: "invalid"; errors: Record<string, string[]> };

const PAST: Record<TopicAction, string> = {
  lock: "locked",
  unlock: "unlocked",
  pin: "pinned",
  unpin: "unpinned",
  move: "moved",
  hide: "hidden",
  delete: "deleted",
  restore: "restored",
};

export async function moderateTopic(
  staff: CurrentUser,
  topicId: string,
  input: TopicActionInput,
  meta: RequestMeta = {}
): Promise<TopicModerationOutcome> {
  requireModerator(staff);
  if (!isUuid(topicId)) return { ok: false, reason: "notFound" };
  // Platform-wide forum rows: across churches, said here.
  return acrossChurches(async (tx) => {
    const [topic] = await tx.select().from(forumTopics).where(eq(forumTopics.id, topicId)).for("update");
    if (!topic) return { ok: false, reason: "notFound" } as const;
    const before = { state: topic.state, locked: topic.locked, pinned: topic.pinned, categoryId: topic.categoryId };
    const change: Partial<typeof before> = {};
    switch (input.intent) {
      case "lock":
      case "unlock":
        change.locked = input.intent === "lock";
        break;
      case "pin":
      case "unpin":
        change.pinned = input.intent === "pin";
        break;
      case "move": {
        const [category] = await tx
          .select({ id: forumCategories.id })
          .from(forumCategories)
          .where(and(eq(forumCategories.id, input.categoryId), isNull(forumCategories.archivedAt)));
        if (!category || category.id === topic.categoryId)
          return {
            ok: false,
            reason: "invalid",
            errors: { categoryId: ["forum:moderation.errors.category"] },
          } as const;
        change.categoryId = category.id;
        break;
      }
      case "hide":
      case "delete":
        change.state = input.intent === "hide" ? "hidden" : "deleted";
        break;
      case "restore":
        if (topic.state === "visible") return { ok: false, reason: "stale" } as const;
        change.state = "visible";
        break;
    }
    const now = new Date();
    await tx
      .update(forumTopics)
      .set({ ...change, updatedAt: now })
      .where(eq(forumTopics.id, topicId));
    if (input.reason || input.intent === "restore") {
      // The author reads the latest word from the moderators on their opening post.
      await tx
        .update(forumPosts)
        .set({ moderationReason: input.reason || null, moderatedBy: staff.id, moderatedAt: now })
        .where(and(eq(forumPosts.topicId, topicId), eq(forumPosts.opening, true)));
    }
    if (input.intent === "restore") {
      // A topic hidden through its opening post comes back with it.
      await tx
        .update(forumPosts)
        .set({ state: "published" })
        .where(
          and(
            eq(forumPosts.topicId, topicId),
            eq(forumPosts.opening, true),
            inArray(forumPosts.state, ["hidden", "deleted"])
          )
        );
    }
    let flagsResolved = 0;
    if (change.state === "hidden" || change.state === "deleted") {
      const posts = tx.select({ id: forumPosts.id }).from(forumPosts).where(eq(forumPosts.topicId, topicId));
      flagsResolved = await resolveFlags(tx, staff, inArray(forumFlags.postId, posts), change.state);
    }
    await refreshTopicActivity(tx, topicId);
    await recordAudit(
      tx,
      platformAudit(staff, meta, {
        action: `forum.topic_${PAST[input.intent]}`,
        recordType: "forum_topic",
        recordId: topicId,
        before,
        after: { ...before, ...change, reason: input.reason || null, flagsResolved },
      })
    );
    return { ok: true } as const;
  });
}

export interface TopicForModeration {
  id: string;
  title: string;
  state: "visible" | "hidden" | "deleted";
  locked: boolean;
  pinned: boolean;
  categoryId: string;
  forQuestions: boolean;
  /** The latest reason the author was given, if any. */
  moderationReason: string | null;
}

/** One topic as the moderation page shows it, whatever its state; null for an unknown id. */
export async function findTopicForModeration(staff: CurrentUser, topicId: string): Promise<TopicForModeration | null> {
  requireModerator(staff);
  if (!isUuid(topicId)) return null;
  const [row] = await acrossChurches((tx) =>
    tx
      .select({
        id: forumTopics.id,
        title: forumTopics.title,
        state: forumTopics.state,
        locked: forumTopics.locked,
        pinned: forumTopics.pinned,
        categoryId: forumTopics.categoryId,
        forQuestions: forumCategories.forQuestions,
        moderationReason: forumPosts.moderationReason,
      })
      .from(forumTopics)
      .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
      .leftJoin(forumPosts, and(eq(forumPosts.topicId, forumTopics.id), eq(forumPosts.opening, true)))
      .where(eq(forumTopics.id, topicId))
  );
  return row ?? null;
}
