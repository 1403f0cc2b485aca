import { asc, eq } from "drizzle-orm";
import { forumFlags, forumPosts, forumSubscriptions, forumTopics, type PostState } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";
import { findAuthor } from "./authors.server";

/**
 * A person's forum data for "Download my data" (my-data.server.ts calls this
 * inside its platform transaction): every post they wrote, in any state and
 * with the moderators' reason, how the forum shows them, the flags they
 * raised and the topics they follow. Other people's posts are not theirs and
 * are left out; topics appear by title only.
 */

export interface ExportedForumPost {
  id: string;
  topicId: string;
  topicTitle: string;
  /** True for the post that started the topic. */
  startedTopic: boolean;
  state: PostState;
  body: string;
  moderationReason: string | null;
  createdAt: string;
  editedAt: string | null;
}

export interface ExportedForumActivity {
  profile: { displayName: string; showChurch: boolean; churchName: string | null; approvedPosts: number } | null;
  flags: { postId: string; reason: string; createdAt: string; resolution: string | null }[];
  subscriptions: { topicId: string; topicTitle: string; since: string }[];
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export async function forumDataOf(tx: Tx, userId: string): Promise<{ posts: ExportedForumPost[]; activity: ExportedForumActivity }> {
  const author = await findAuthor(tx, userId);
  if (!author) return { posts: [], activity: { profile: null, flags: [], subscriptions: [] } };
  const posts = await tx
    .select({ post: forumPosts, topicTitle: forumTopics.title })
    .from(forumPosts)
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .where(eq(forumPosts.authorId, author.id))
    .orderBy(asc(forumPosts.createdAt), asc(forumPosts.id));
  const flags = await tx
    .select()
    .from(forumFlags)
    .where(eq(forumFlags.flaggedBy, author.id))
    .orderBy(asc(forumFlags.createdAt));
  const subscriptions = await tx
    .select({ topicId: forumSubscriptions.topicId, topicTitle: forumTopics.title, since: forumSubscriptions.createdAt })
    .from(forumSubscriptions)
    .innerJoin(forumTopics, eq(forumTopics.id, forumSubscriptions.topicId))
    .where(eq(forumSubscriptions.authorId, author.id))
    .orderBy(asc(forumSubscriptions.createdAt));
  return {
    posts: posts.map(({ post, topicTitle }) => ({
      id: post.id,
      topicId: post.topicId,
      topicTitle,
      startedTopic: post.opening,
      state: post.state,
      body: post.body,
      moderationReason: post.moderationReason,
      createdAt: post.createdAt.toISOString(),
      editedAt: iso(post.editedAt),
    })),
    activity: {
      profile: {
        displayName: author.displayName,
        showChurch: author.showChurch,
        churchName: author.churchName,
        approvedPosts: author.approvedPosts,
      },
      flags: flags.map((flag) => ({
        postId: flag.postId,
        reason: flag.reason,
        createdAt: flag.createdAt.toISOString(),
        resolution: flag.resolution,
      })),
      subscriptions: subscriptions.map((row) => ({ topicId: row.topicId, topicTitle: row.topicTitle, since: row.since.toISOString() })),
    },
  };
}
