import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { forumAuthors, forumCategories, forumPosts, forumTopics, type PostState } from "~/db/schema-forum.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { recordAudit } from "~/models/audit.server";
import type { CurrentUser, RequestMeta } from "~/models/users.server";
import { isUuid } from "~/models/roles.server";
import { isForumStaff } from "./access.server";
import { authorOf, findAuthor } from "./authors.server";
import { EDIT_WINDOW_MS } from "./edit-window";
import { notifySubscribers } from "./forum-mail.server";
import { checkPostingRules } from "./posting-rules.server";
import { subscribeIn } from "./subscriptions.server";
import { readableTopic } from "./topic-page.server";
import { isAuthor, viewerOf } from "./viewer.server";

/**
 * Writing in the forum: start a topic, reply (optionally quoting a post),
 * edit one's own post within 30 minutes, delete one's own post, mark a reply
 * as the answer to a question. Every rule is checked here, on the server,
 * whatever the form carried: a post id changed in the page is someone else's
 * post, and that is a 403. Forum rows are platform-wide, so the door is
 * `acrossChurches`; bodies are stored as written (Markdown) and rendered at read.
 */

export const TITLE_MAX = 150;
export const BODY_MAX = 10_000;

// Browsers send line breaks as CRLF; store "\n" so a break counts once against the limit.
const markdown = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value),
  z.string().trim().min(1, "forms:required").max(BODY_MAX, "forum:errors.bodyTooLong")
);
const optionalPostId = z
  .string()
  .optional()
  .transform((value) => (value && isUuid(value) ? value : null));

export const topicForm = z.object({
  category: z.string().trim().min(1, "forms:choose"),
  title: z.string().trim().min(1, "forms:required").max(TITLE_MAX, "forum:errors.titleTooLong"),
  body: markdown,
});
export const replyForm = z.object({ body: markdown, quotedPostId: optionalPostId });
export const editForm = z.object({ body: markdown });

export type Refusal =
  | "not_found"
  | "forbidden"
  | "rate_limited"
  | "staff_only"
  | "locked"
  | "too_late"
  | "not_question";
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: Refusal };
type Written = { topicId: string; postId: string; state: PostState };

const refuse = (reason: Refusal) => ({ ok: false, reason } as const);

/**
 * Keep the topic's list figures right after posts change: replies counted
 * are the published ones, last activity is the latest published post, and
 * an answer that is no longer published is an answer no more.
 */
export async function refreshTopicActivity(tx: Tx, topicId: string): Promise<void> {
  await tx.execute(sql`
    update ${forumTopics} t set
      reply_count = (select count(*) from ${forumPosts} p where p.topic_id = t.id and p.state = 'published' and not p.opening),
      last_activity_at = coalesce((select max(p.created_at) from ${forumPosts} p where p.topic_id = t.id and p.state = 'published'), t.created_at),
      answer_post_id = (select p.id from ${forumPosts} p where p.id = t.answer_post_id and p.state = 'published'),
      updated_at = now()
    where t.id = ${topicId}`);
}

/** A published post counts toward "no longer a new account". */
const countPublished = (tx: Tx, authorId: string) =>
  tx
    .update(forumAuthors)
    .set({ approvedPosts: sql`${forumAuthors.approvedPosts} + 1` })
    .where(eq(forumAuthors.id, authorId));

/** Lock the topic's row: replies and deletions recount it one at a time. */
const lockTopic = (tx: Tx, topicId: string) =>
  tx.select({ id: forumTopics.id }).from(forumTopics).where(eq(forumTopics.id, topicId)).for("update");

export interface TopicInput {
  category: string;
  title: string;
  body: string;
}

/** Start a topic; its author is subscribed to replies. */
export async function startTopic(user: CurrentUser, input: TopicInput, now = new Date()): Promise<Outcome<Written>> {
  return acrossChurches(async (tx) => {
    const [category] = await tx
      .select()
      .from(forumCategories)
      .where(and(eq(forumCategories.slug, input.category), isNull(forumCategories.archivedAt)));
    if (!category) return refuse("not_found");
    const staff = isForumStaff(user);
    if (category.staffOnly && !staff) return refuse("staff_only");
    const author = await authorOf(tx, user);
    const rule = await checkPostingRules(tx, author, { staff, now });
    if (!rule.ok) return refuse(rule.reason);
    const [topic] = await tx
      .insert(forumTopics)
      .values({
        categoryId: category.id,
        authorId: author.id,
        title: input.title,
        lastActivityAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: forumTopics.id });
    const [post] = await tx
      .insert(forumPosts)
      .values({
        topicId: topic!.id,
        authorId: author.id,
        opening: true,
        body: input.body,
        state: rule.state,
        createdAt: now,
      })
      .returning({ id: forumPosts.id });
    if (rule.state === "published") await countPublished(tx, author.id);
    await subscribeIn(tx, topic!.id, author.id);
    return { ok: true, topicId: topic!.id, postId: post!.id, state: rule.state } as const;
  });
}

export interface ReplyInput {
  body: string;
  quotedPostId: string | null;
}

/**
 * Reply to a topic the writer can read. Locked topics take no replies but
 * from staff. A published reply e-mails the topic's subscribers (after the
 * transaction, never holding it up); a pending one waits for approval.
 */
export async function replyToTopic(
  user: CurrentUser,
  topicId: string,
  input: ReplyInput,
  now = new Date()
): Promise<Outcome<Written>> {
  const outcome = await acrossChurches(async (tx) => {
    const viewer = await viewerOf(tx, user);
    if (!isUuid(topicId)) return refuse("not_found");
    await lockTopic(tx, topicId);
    const row = await readableTopic(tx, viewer, topicId);
    if (!row || row.topic.state !== "visible") return refuse("not_found");
    if (row.topic.locked && !viewer.staff) return refuse("locked");
    const author = await authorOf(tx, user);
    const rule = await checkPostingRules(tx, author, { staff: viewer.staff, now });
    if (!rule.ok) return refuse(rule.reason);
    // A quote must be of a published post of this topic; anything else is quietly dropped.
    const [quoted] = input.quotedPostId
      ? await tx
          .select({ id: forumPosts.id })
          .from(forumPosts)
          .where(
            and(
              eq(forumPosts.id, input.quotedPostId),
              eq(forumPosts.topicId, topicId),
              eq(forumPosts.state, "published")
            )
          )
      : [];
    const [post] = await tx
      .insert(forumPosts)
      .values({
        topicId,
        authorId: author.id,
        body: input.body,
        quotedPostId: quoted?.id ?? null,
        state: rule.state,
        createdAt: now,
      })
      .returning({ id: forumPosts.id });
    if (rule.state === "published") {
      await countPublished(tx, author.id);
      await refreshTopicActivity(tx, topicId);
    }
    return {
      ok: true,
      topicId,
      postId: post!.id,
      state: rule.state,
      notice: { topicId, topicTitle: row.topic.title, replierName: author.displayName, body: input.body },
      authorId: author.id,
    } as const;
  });
  if (!outcome.ok) return outcome;
  if (outcome.state === "published") void notifySubscribers(outcome.notice, outcome.authorId, now);
  return { ok: true, topicId: outcome.topicId, postId: outcome.postId, state: outcome.state };
}

/** The post and whether it is the writer's; locked for the change. */
async function ownPost(tx: Tx, user: CurrentUser, postId: string) {
  if (!isUuid(postId)) return refuse("not_found");
  const [post] = await tx.select().from(forumPosts).where(eq(forumPosts.id, postId)).for("update");
  if (!post || post.state === "deleted") return refuse("not_found");
  const author = await findAuthor(tx, user.id);
  if (!author || author.id !== post.authorId) return refuse("forbidden");
  return { ok: true, post } as const;
}

/** Edit one's own post within the edit window; it shows as edited. */
export async function editPost(
  user: CurrentUser,
  postId: string,
  body: string,
  now = new Date()
): Promise<Outcome<{ topicId: string }>> {
  return acrossChurches(async (tx) => {
    const found = await ownPost(tx, user, postId);
    if (!found.ok) return found;
    const { post } = found;
    // Staff hid it for a reason the author can read; rewriting it is not the way back.
    if (post.state === "hidden") return refuse("forbidden");
    if (now.getTime() - post.createdAt.getTime() > EDIT_WINDOW_MS) return refuse("too_late");
    await tx.update(forumPosts).set({ body, editedAt: now }).where(eq(forumPosts.id, post.id));
    return { ok: true, topicId: post.topicId } as const;
  });
}

/**
 * Delete one's own post. The row stays (state `deleted`) for the author's
 * data export; deleting the opening post deletes the topic.
 */
export async function deletePost(
  user: CurrentUser,
  postId: string
): Promise<Outcome<{ topicId: string; topicDeleted: boolean }>> {
  return acrossChurches(async (tx) => {
    const found = await ownPost(tx, user, postId);
    if (!found.ok) return found;
    const { post } = found;
    await lockTopic(tx, post.topicId);
    await tx.update(forumPosts).set({ state: "deleted" }).where(eq(forumPosts.id, post.id));
    if (post.opening)
      await tx
        .update(forumTopics)
        .set({ state: "deleted", updatedAt: new Date() })
        .where(eq(forumTopics.id, post.topicId));
    else await refreshTopicActivity(tx, post.topicId);
    return { ok: true, topicId: post.topicId, topicDeleted: post.opening } as const;
  });
}

/**
 * Mark a reply as the answer to a question (or, with null, unmark it): the
 * topic's author or staff only. Staff doing it for someone else is audited.
 */
export async function markAnswer(
  user: CurrentUser,
  topicId: string,
  postId: string | null,
  meta: RequestMeta = {}
): Promise<Outcome> {
  return acrossChurches(async (tx) => {
    const viewer = await viewerOf(tx, user);
    const row = await readableTopic(tx, viewer, topicId);
    if (!row) return refuse("not_found");
    const theirs = isAuthor(viewer, row.topic.authorId);
    if (!theirs && !viewer.staff) return refuse("forbidden");
    if (!row.category.forQuestions) return refuse("not_question");
    if (postId !== null) {
      const [post] = isUuid(postId)
        ? await tx
            .select({ id: forumPosts.id })
            .from(forumPosts)
            .where(
              and(
                eq(forumPosts.id, postId),
                eq(forumPosts.topicId, topicId),
                eq(forumPosts.state, "published"),
                eq(forumPosts.opening, false)
              )
            )
        : [];
      if (!post) return refuse("not_found");
    }
    await tx
      .update(forumTopics)
      .set({ answerPostId: postId, updatedAt: new Date() })
      .where(eq(forumTopics.id, topicId));
    if (!theirs)
      await recordAudit(tx, {
        churchId: null,
        actorUserId: user.id,
        action: postId ? "forum.answer_marked" : "forum.answer_unmarked",
        recordType: "forum_topic",
        recordId: topicId,
        before: { answerPostId: row.topic.answerPostId },
        after: { answerPostId: postId },
        ...meta,
      });
    return { ok: true } as const;
  });
}

/** A post the writer may edit, for the edit page: its body and topic; a refusal otherwise. */
export async function postForEditing(user: CurrentUser, postId: string, now = new Date()) {
  return acrossChurches(async (tx) => {
    if (!isUuid(postId)) return refuse("not_found");
    const [row] = await tx
      .select({ post: forumPosts, title: forumTopics.title })
      .from(forumPosts)
      .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
      .where(eq(forumPosts.id, postId));
    if (!row || row.post.state === "deleted") return refuse("not_found");
    const author = await findAuthor(tx, user.id);
    if (!author || author.id !== row.post.authorId || row.post.state === "hidden") return refuse("forbidden");
    const editableUntil = new Date(row.post.createdAt.getTime() + EDIT_WINDOW_MS);
    return {
      ok: true,
      postId: row.post.id,
      topicId: row.post.topicId,
      title: row.title,
      body: row.post.body,
      editableUntil: editableUntil.toISOString(),
      tooLate: now > editableUntil,
    } as const;
  });
}
