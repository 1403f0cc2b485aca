import { and, count, desc, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { forumAuthors, forumCategories, forumPosts, forumTopics } from "~/db/schema-forum.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import type { CurrentUser } from "~/models/users.server";
import { listedTopics, viewerOf, type Viewer } from "./viewer.server";

/**
 * Topic lists: per category (pinned first, then latest activity), the
 * latest across categories on /community, and search over titles and post
 * bodies. 20 a page. Titles and bodies are matched with ILIKE, which the
 * pg_trgm indexes of migration 0017 serve.
 */

export const TOPICS_PER_PAGE = 20;
export const QUERY_MAX = 100;

export interface TopicSummary {
  id: string;
  title: string;
  categorySlug: string;
  categoryName: string;
  authorName: string;
  authorChurch: string | null;
  replyCount: number;
  lastActivityAt: string;
  pinned: boolean;
  locked: boolean;
  answered: boolean;
  /** The viewer's own topic, waiting for staff approval. */
  pending: boolean;
}

export interface TopicList {
  topics: TopicSummary[];
  page: number;
  pageCount: number;
  total: number;
}

const opening = alias(forumPosts, "opening");

const COLUMNS = {
  id: forumTopics.id,
  title: forumTopics.title,
  categorySlug: forumCategories.slug,
  nameEn: forumCategories.nameEn,
  nameFil: forumCategories.nameFil,
  authorName: forumAuthors.displayName,
  authorChurch: forumAuthors.churchName,
  replyCount: forumTopics.replyCount,
  lastActivityAt: forumTopics.lastActivityAt,
  pinned: forumTopics.pinned,
  locked: forumTopics.locked,
  answerPostId: forumTopics.answerPostId,
  openingState: opening.state,
};

/** Escape ILIKE's wildcards: a search for "100%" means the text "100%". */
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function listWhere(
  tx: Tx,
  viewer: Viewer,
  locale: string,
  where: SQL,
  page: number,
  pinnedFirst: boolean
): Promise<TopicList> {
  const condition = and(listedTopics(viewer, opening.state), isNull(forumCategories.archivedAt), where)!;
  const [total] = await tx
    .select({ n: count() })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .innerJoin(opening, and(eq(opening.topicId, forumTopics.id), eq(opening.opening, true)))
    .where(condition);
  const n = total?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(n / TOPICS_PER_PAGE));
  const current = Math.min(page, pageCount);
  const order = pinnedFirst
    ? [desc(forumTopics.pinned), desc(forumTopics.lastActivityAt), desc(forumTopics.id)]
    : [desc(forumTopics.lastActivityAt), desc(forumTopics.id)];
  const rows = await tx
    .select(COLUMNS)
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .innerJoin(forumAuthors, eq(forumAuthors.id, forumTopics.authorId))
    .innerJoin(opening, and(eq(opening.topicId, forumTopics.id), eq(opening.opening, true)))
    .where(condition)
    .orderBy(...order)
    .limit(TOPICS_PER_PAGE)
    .offset((current - 1) * TOPICS_PER_PAGE);
  return {
    topics: rows.map((row) => ({
      id: row.id,
      title: row.title,
      categorySlug: row.categorySlug,
      categoryName: (locale === "fil" ? row.nameFil : null) ?? row.nameEn,
      authorName: row.authorName,
      authorChurch: row.authorChurch,
      replyCount: row.replyCount,
      lastActivityAt: row.lastActivityAt.toISOString(),
      pinned: row.pinned,
      locked: row.locked,
      answered: row.answerPostId !== null,
      pending: row.openingState === "pending",
    })),
    page: current,
    pageCount,
    total: n,
  };
}

/** A category's topics: pinned first, then latest activity. */
export function listCategoryTopics(
  user: CurrentUser,
  categoryId: string,
  page: number,
  locale: string
): Promise<TopicList> {
  // The forum is platform-wide: no church to scope to.
  return acrossChurches(async (tx) =>
    listWhere(tx, await viewerOf(tx, user), locale, eq(forumTopics.categoryId, categoryId), page, true)
  );
}

/** The latest activity across all categories (the /community front page). */
export function listLatestTopics(user: CurrentUser, page: number, locale: string): Promise<TopicList> {
  return acrossChurches(async (tx) =>
    listWhere(tx, await viewerOf(tx, user), locale, eq(forumTopics.state, "visible"), page, false)
  );
}

/** Topics whose title, or one of whose published posts, contains the words searched for. */
export function searchTopics(user: CurrentUser, query: string, page: number, locale: string): Promise<TopicList> {
  const pattern = likePattern(query.trim().slice(0, QUERY_MAX));
  return acrossChurches(async (tx) => {
    const inPosts = tx
      .select({ topicId: forumPosts.topicId })
      .from(forumPosts)
      .where(and(eq(forumPosts.state, "published"), ilike(forumPosts.body, pattern)));
    const matches = or(ilike(forumTopics.title, pattern), inArray(forumTopics.id, inPosts))!;
    return listWhere(tx, await viewerOf(tx, user), locale, matches, page, false);
  });
}
