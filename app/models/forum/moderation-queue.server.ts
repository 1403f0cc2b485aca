import { and, asc, count, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { forumAuthors, forumFlags, forumPosts, forumTopics, type PostState, type TopicState } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { plainText, renderMarkdown } from "~/utils/markdown.server";
import { isUuid } from "../roles.server";
import type { CurrentUser } from "../users.server";
import { requireModerator } from "./moderation-access.server";

/**
 * What support staff read before they act: the queue of posts waiting for
 * approval or flagged by members (oldest concern first), and one post with
 * its open flags. Post text reaches staff as an excerpt of plain text (queue)
 * or sanitized HTML (one post), never as the author's raw HTML.
 */

export const QUEUE_PAGE_SIZE = 20;
const EXCERPT_LENGTH = 240;

export interface OpenFlag {
  reason: string;
  flaggedBy: string;
  createdAt: string;
}

export interface QueueItem {
  postId: string;
  topicId: string;
  topicTitle: string;
  authorName: string;
  state: PostState;
  opening: boolean;
  excerpt: string;
  createdAt: string;
  flags: OpenFlag[];
}

export interface ModerationQueue {
  items: QueueItem[];
  total: number;
  page: number;
  pageCount: number;
}

const excerptOf = (body: string) => {
  const text = plainText(body).replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
};

/** Open flags of the given posts, oldest first, with the flagger's forum name (never their account). */
async function openFlagsOf(tx: Tx, postIds: string[]): Promise<Map<string, OpenFlag[]>> {
  const byPost = new Map<string, OpenFlag[]>();
  if (postIds.length === 0) return byPost;
  const rows = await tx
    .select({
      postId: forumFlags.postId,
      reason: forumFlags.reason,
      flaggedBy: forumAuthors.displayName,
      createdAt: forumFlags.createdAt,
    })
    .from(forumFlags)
    .innerJoin(forumAuthors, eq(forumAuthors.id, forumFlags.flaggedBy))
    .where(and(inArray(forumFlags.postId, postIds), isNull(forumFlags.resolvedAt)))
    .orderBy(asc(forumFlags.createdAt), asc(forumFlags.id));
  for (const row of rows) {
    const list = byPost.get(row.postId) ?? [];
    list.push({ reason: row.reason, flaggedBy: row.flaggedBy, createdAt: row.createdAt.toISOString() });
    byPost.set(row.postId, list);
  }
  return byPost;
}

/** Posts waiting for approval and posts with open flags, the longest-waiting first. */
export async function listModerationQueue(staff: CurrentUser, requestedPage = 1): Promise<ModerationQueue> {
  requireModerator(staff);
  // Platform-wide forum rows: across churches, said here.
  return acrossChurches(async (tx) => {
    const open = tx
      .select({
        postId: forumFlags.postId,
        firstAt: sql<Date>`min(${forumFlags.createdAt})`.as("first_flag_at"),
      })
      .from(forumFlags)
      .where(isNull(forumFlags.resolvedAt))
      .groupBy(forumFlags.postId)
      .as("open_flags");
    const needsLook = or(eq(forumPosts.state, "pending"), isNotNull(open.postId));
    const [counted] = await tx
      .select({ total: count() })
      .from(forumPosts)
      .leftJoin(open, eq(open.postId, forumPosts.id))
      .where(needsLook);
    const total = counted?.total ?? 0;
    const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
    const page = Math.min(Math.max(1, requestedPage), pageCount);
    const rows = await tx
      .select({
        postId: forumPosts.id,
        topicId: forumPosts.topicId,
        topicTitle: forumTopics.title,
        authorName: forumAuthors.displayName,
        state: forumPosts.state,
        opening: forumPosts.opening,
        body: forumPosts.body,
        createdAt: forumPosts.createdAt,
      })
      .from(forumPosts)
      .leftJoin(open, eq(open.postId, forumPosts.id))
      .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
      .innerJoin(forumAuthors, eq(forumAuthors.id, forumPosts.authorId))
      .where(needsLook)
      .orderBy(sql`coalesce(${open.firstAt}, ${forumPosts.createdAt})`, asc(forumPosts.id))
      .limit(QUEUE_PAGE_SIZE)
      .offset((page - 1) * QUEUE_PAGE_SIZE);
    const flags = await openFlagsOf(
      tx,
      rows.map((row) => row.postId)
    );
    return {
      items: rows.map(({ body, createdAt, ...row }) => ({
        ...row,
        excerpt: excerptOf(body),
        createdAt: createdAt.toISOString(),
        flags: flags.get(row.postId) ?? [],
      })),
      total,
      page,
      pageCount,
    };
  });
}

export interface PostForModeration {
  id: string;
  topicId: string;
  topicTitle: string;
  topicState: TopicState;
  authorName: string;
  state: PostState;
  opening: boolean;
  /** Rendered and sanitized like every post. */
  bodyHtml: string;
  moderationReason: string | null;
  createdAt: string;
  flags: OpenFlag[];
}

/** One post as staff moderate it, whatever its state; null for an unknown id. */
export async function findPostForModeration(staff: CurrentUser, postId: string): Promise<PostForModeration | null> {
  requireModerator(staff);
  if (!isUuid(postId)) return null;
  return acrossChurches(async (tx) => {
    const [row] = await tx
      .select({
        post: forumPosts,
        topicTitle: forumTopics.title,
        topicState: forumTopics.state,
        authorName: forumAuthors.displayName,
      })
      .from(forumPosts)
      .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
      .innerJoin(forumAuthors, eq(forumAuthors.id, forumPosts.authorId))
      .where(eq(forumPosts.id, postId));
    if (!row) return null;
    const flags = await openFlagsOf(tx, [postId]);
    return {
      id: row.post.id,
      topicId: row.post.topicId,
      topicTitle: row.topicTitle,
      topicState: row.topicState,
      authorName: row.authorName,
      state: row.post.state,
      opening: row.post.opening,
      bodyHtml: renderMarkdown(row.post.body),
      moderationReason: row.post.moderationReason,
      createdAt: row.post.createdAt.toISOString(),
      flags: flags.get(postId) ?? [],
    };
  });
}
