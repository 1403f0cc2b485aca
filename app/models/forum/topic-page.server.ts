import { and, asc, count, eq, inArray } from "drizzle-orm";
import { forumAuthors, forumCategories, forumPosts, forumTopics, type PostState } from "~/db/schema-forum.server";
import { can } from "~/auth/permissions";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import type { CurrentUser } from "~/models/users.server";
import { isUuid } from "~/models/roles.server";
import { plainText, renderMarkdown } from "~/utils/markdown.server";
import { categoryView, type CategoryView } from "./categories.server";
import { EDIT_WINDOW_MS } from "./edit-window";
import { isSubscribed } from "./subscriptions.server";
import { isAuthor, viewerOf, visiblePosts, type Viewer } from "./viewer.server";

/**
 * One topic as its reader sees it: the opening post and the replies in the
 * order they were written, 20 a page, Markdown rendered and sanitized here
 * (the same sanitizer as help articles), with what this reader may do to
 * each post. Quotes are drawn at read time from the quoted post, so a quote
 * of a post staff later hid shows nothing of it.
 */

export const POSTS_PER_PAGE = 20;
const QUOTE_EXCERPT = 200;

export interface QuoteView {
  postId: string;
  authorName: string;
  excerpt: string;
}

export interface PostView {
  id: string;
  authorName: string;
  authorChurch: string | null;
  /** Sanitized HTML, for dangerouslySetInnerHTML. */
  html: string;
  state: PostState;
  moderationReason: string | null;
  opening: boolean;
  isAnswer: boolean;
  createdAt: string;
  editedAt: string | null;
  quote: QuoteView | null;
  mine: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canMarkAnswer: boolean;
}

export interface TopicPage {
  id: string;
  title: string;
  category: CategoryView;
  authorName: string;
  locked: boolean;
  pinned: boolean;
  state: "visible" | "hidden" | "deleted";
  answerPostId: string | null;
  posts: PostView[];
  page: number;
  pageCount: number;
  subscribed: boolean;
  /** The reader may reply: the topic is open (staff may still write in a locked one). */
  canReply: boolean;
  /** The reader may mark answers here: a question, and theirs (or they are staff). */
  mayMarkAnswers: boolean;
  /** The reader may report posts (post:forum). */
  canFlag: boolean;
  /** The reader is support staff (moderate:forum): moderation links. */
  staff: boolean;
}

export type TopicRow = {
  topic: typeof forumTopics.$inferSelect;
  category: typeof forumCategories.$inferSelect;
  authorName: string;
  openingState: PostState;
  openingModeratedBy: string | null;
};

/** The topic and whether this viewer may see it at all; null for unknown, deleted or not theirs to see. */
export async function readableTopic(tx: Tx, viewer: Viewer, topicId: string): Promise<TopicRow | null> {
  if (!isUuid(topicId)) return null;
  const [row] = await tx
    .select({
      topic: forumTopics,
      category: forumCategories,
      authorName: forumAuthors.displayName,
      openingState: forumPosts.state,
      openingModeratedBy: forumPosts.moderatedBy,
    })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .innerJoin(forumAuthors, eq(forumAuthors.id, forumTopics.authorId))
    .innerJoin(forumPosts, and(eq(forumPosts.topicId, forumTopics.id), eq(forumPosts.opening, true)))
    .where(eq(forumTopics.id, topicId));
  if (!row) return null;
  if (viewer.staff) return row;
  const theirs = isAuthor(viewer, row.topic.authorId);
  // Deleted by staff: its author may still read why; deleted by the author: gone.
  if (row.topic.state === "deleted" && !(theirs && row.openingModeratedBy)) return null;
  if (row.topic.state === "hidden" && !theirs) return null;
  if (row.openingState !== "published" && !theirs) return null;
  return row;
}

/** How many pages of posts this viewer sees in the topic. */
async function pageCountOf(tx: Tx, viewer: Viewer, topicId: string): Promise<number> {
  const [total] = await tx
    .select({ n: count() })
    .from(forumPosts)
    .where(and(eq(forumPosts.topicId, topicId), visiblePosts(viewer)));
  return Math.max(1, Math.ceil((total?.n ?? 0) / POSTS_PER_PAGE));
}

async function quotesOf(tx: Tx, ids: string[]): Promise<Map<string, QuoteView>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: forumPosts.id, body: forumPosts.body, authorName: forumAuthors.displayName })
    .from(forumPosts)
    .innerJoin(forumAuthors, eq(forumAuthors.id, forumPosts.authorId))
    .where(and(inArray(forumPosts.id, ids), eq(forumPosts.state, "published")));
  return new Map(
    rows.map((row) => {
      const words = plainText(row.body);
      const excerpt = words.length > QUOTE_EXCERPT ? `${words.slice(0, QUOTE_EXCERPT)}…` : words;
      return [row.id, { postId: row.id, authorName: row.authorName, excerpt }];
    })
  );
}

/** The topic page for this reader, or null (the route answers 404). */
export function topicPage(
  user: CurrentUser,
  topicId: string,
  page: number,
  locale: string,
  now = new Date()
): Promise<TopicPage | null> {
  // The forum is platform-wide: no church to scope to.
  return acrossChurches(async (tx) => {
    const viewer = await viewerOf(tx, user);
    const row = await readableTopic(tx, viewer, topicId);
    if (!row) return null;
    const { topic, category } = row;
    const pageCount = await pageCountOf(tx, viewer, topicId);
    const current = Math.min(page, pageCount);
    const rows = await tx
      .select({ post: forumPosts, authorName: forumAuthors.displayName, authorChurch: forumAuthors.churchName })
      .from(forumPosts)
      .innerJoin(forumAuthors, eq(forumAuthors.id, forumPosts.authorId))
      .where(and(eq(forumPosts.topicId, topicId), visiblePosts(viewer)))
      .orderBy(asc(forumPosts.createdAt), asc(forumPosts.id))
      .limit(POSTS_PER_PAGE)
      .offset((current - 1) * POSTS_PER_PAGE);
    const quotes = await quotesOf(
      tx,
      rows.flatMap(({ post }) => (post.quotedPostId ? [post.quotedPostId] : []))
    );
    const mayMarkAnswers = category.forQuestions && (viewer.staff || isAuthor(viewer, topic.authorId));
    return {
      id: topic.id,
      title: topic.title,
      category: categoryView(category, locale),
      authorName: row.authorName,
      locked: topic.locked,
      pinned: topic.pinned,
      state: topic.state,
      answerPostId: topic.answerPostId,
      page: current,
      pageCount,
      subscribed: await isSubscribed(tx, topicId, user.id),
      canReply: topic.state === "visible" && (!topic.locked || viewer.staff),
      mayMarkAnswers,
      canFlag: can(user, "post:forum"),
      staff: viewer.staff,
      posts: rows.map(({ post, authorName, authorChurch }) => {
        const mine = isAuthor(viewer, post.authorId);
        return {
          id: post.id,
          authorName,
          authorChurch,
          // A deleted post's words are for staff; its author reads only the reason.
          html: post.state === "deleted" && !viewer.staff ? "" : renderMarkdown(post.body),
          state: post.state,
          // The reason is for the author (and staff), nobody else.
          moderationReason: mine || viewer.staff ? post.moderationReason : null,
          opening: post.opening,
          isAnswer: topic.answerPostId === post.id,
          createdAt: post.createdAt.toISOString(),
          editedAt: post.editedAt?.toISOString() ?? null,
          quote: post.quotedPostId ? quotes.get(post.quotedPostId) ?? null : null,
          mine,
          canEdit:
            mine &&
            (post.state === "published" || post.state === "pending") &&
            now.getTime() - post.createdAt.getTime() <= EDIT_WINDOW_MS,
          canDelete: mine && post.state !== "deleted",
          canMarkAnswer: mayMarkAnswers && !post.opening && post.state === "published",
        };
      }),
    };
  });
}

/** The last page of the topic for this reader: where their new reply shows. */
export function lastPageOf(user: CurrentUser, topicId: string): Promise<number> {
  return acrossChurches(async (tx) => pageCountOf(tx, await viewerOf(tx, user), topicId));
}

/** The post a reply quotes (?quote=), when the reader may see it. */
export function quotablePost(user: CurrentUser, topicId: string, postId: string): Promise<QuoteView | null> {
  if (!isUuid(postId)) return Promise.resolve(null);
  return acrossChurches(async (tx) => {
    const [post] = await tx
      .select({ id: forumPosts.id })
      .from(forumPosts)
      .where(and(eq(forumPosts.id, postId), eq(forumPosts.topicId, topicId), eq(forumPosts.state, "published")));
    if (!post) return null;
    return (await quotesOf(tx, [post.id])).get(post.id) ?? null;
  });
}

/** May this reader see the topic at all (for actions that need no page, e.g. subscribing)? */
export function mayReadTopic(user: CurrentUser, topicId: string): Promise<boolean> {
  return acrossChurches(async (tx) => Boolean(await readableTopic(tx, await viewerOf(tx, user), topicId)));
}
