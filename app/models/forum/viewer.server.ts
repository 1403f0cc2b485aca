import { and, eq, inArray, isNotNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { forumPosts, forumTopics } from "~/db/schema-forum.server";
import type { Tx } from "~/db/tenancy.server";
import type { CurrentUser } from "~/models/users.server";
import { isForumStaff } from "./access.server";
import { findAuthor } from "./authors.server";

/**
 * Who is reading, as the forum's visibility rules need it: everyone sees
 * published posts of visible topics; an author also sees their own posts
 * waiting for approval or hidden or deleted by staff (with the reason); staff
 * see those of everyone, labelled. A post its author deleted is gone for all but staff.
 */

export interface Viewer {
  userId: string;
  /** Null until they first post or choose forum settings. */
  authorId: string | null;
  staff: boolean;
}

export async function viewerOf(tx: Tx, user: CurrentUser): Promise<Viewer> {
  const author = await findAuthor(tx, user.id);
  return { userId: user.id, authorId: author?.id ?? null, staff: isForumStaff(user) };
}

const own = (viewer: Viewer, column: typeof forumPosts.authorId | typeof forumTopics.authorId): SQL =>
  viewer.authorId ? eq(column, viewer.authorId) : sql`false`;

/**
 * The posts of a topic this viewer may read: staff every one; an author also
 * their own waiting or hidden posts, and their own posts staff deleted (to
 * read the reason; not the ones they deleted themselves).
 */
export function visiblePosts(viewer: Viewer): SQL {
  if (viewer.staff) return sql`true`;
  const waiting = inArray(forumPosts.state, ["pending", "hidden"]);
  const deletedByStaff = and(eq(forumPosts.state, "deleted"), isNotNull(forumPosts.moderatedBy));
  return or(eq(forumPosts.state, "published"), and(or(waiting, deletedByStaff), own(viewer, forumPosts.authorId)))!;
}

/**
 * Topics in lists and search: visible ones whose opening post is published,
 * plus the viewer's own topic still waiting for approval. `opening` is the
 * opening post joined under an alias.
 */
export function listedTopics(viewer: Viewer, openingState: SQLWrapper): SQL {
  return and(
    eq(forumTopics.state, "visible"),
    or(sql`${openingState} = 'published'`, and(sql`${openingState} = 'pending'`, own(viewer, forumTopics.authorId)))
  )!;
}

/** Is this viewer the topic's (or post's) author? */
export const isAuthor = (viewer: Viewer, authorId: string) => viewer.authorId !== null && viewer.authorId === authorId;
