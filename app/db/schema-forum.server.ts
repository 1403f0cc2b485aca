import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.server";
import { users } from "./schema.server";

/**
 * The community forum (issue 12): platform-wide, not a church's data, so these
 * tables have no row-level security. A member's own row in `users` is behind
 * their church's isolation, so everything the forum shows of a person lives in
 * `forum_authors` — written when they first post or change their forum
 * settings — and never a join into another church's rows.
 */

/** Who posts: the display name shown, and the church only if they chose to show it. */
export const forumAuthors = pgTable("forum_authors", {
  id: id(),
  /** Null once the account is deleted: the posts stay, anonymized. */
  userId: uuid("user_id")
    .unique()
    .references(() => users.id, { onDelete: "set null" }),
  displayName: text("display_name").notNull(),
  /** Copied from the church when `showChurch` is on, cleared when it is turned off. */
  churchName: text("church_name"),
  showChurch: boolean("show_church").notNull().default(false),
  /** Posts staff approved or that needed no approval: counts toward "no longer a new account". */
  approvedPosts: integer("approved_posts").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Questions, Ideas, Announcements…: staff manage them. */
export const forumCategories = pgTable(
  "forum_categories",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    nameEn: text("name_en").notNull(),
    nameFil: text("name_fil"),
    descriptionEn: text("description_en"),
    descriptionFil: text("description_fil"),
    /** Topics here are questions: a reply can be marked as the answer. */
    forQuestions: boolean("for_questions").notNull().default(false),
    /** Only staff start topics here (announcements). */
    staffOnly: boolean("staff_only").notNull().default(false),
    position: smallint("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("forum_categories_position_idx").on(t.position)],
);

export const TOPIC_STATES = ["visible", "hidden", "deleted"] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

export const forumTopics = pgTable(
  "forum_topics",
  {
    id: id(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => forumCategories.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => forumAuthors.id),
    title: text("title").notNull(),
    state: text("state", { enum: TOPIC_STATES }).notNull().default("visible"),
    pinned: boolean("pinned").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    /** The reply the topic's author (or staff) marked as the answer. */
    answerPostId: uuid("answer_post_id"),
    /** Visible replies, kept by the model so lists need no count(*). */
    replyCount: integer("reply_count").notNull().default(0),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("forum_topics_category_activity_idx").on(t.categoryId, t.pinned, t.lastActivityAt),
    index("forum_topics_activity_idx").on(t.lastActivityAt),
    index("forum_topics_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
  ],
);

/**
 * `published` shows; `pending` waits for staff approval (a new account's first
 * posts, when that setting is on); `hidden` and `deleted` keep the row for the
 * audit and the author's data export, with the reason shown to the author.
 */
export const POST_STATES = ["published", "pending", "hidden", "deleted"] as const;
export type PostState = (typeof POST_STATES)[number];

export const forumPosts = pgTable(
  "forum_posts",
  {
    id: id(),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => forumTopics.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => forumAuthors.id),
    /** The topic's opening post. */
    opening: boolean("opening").notNull().default(false),
    /** What the author wrote (Markdown); rendered and sanitized on the server when shown. */
    body: text("body").notNull(),
    quotedPostId: uuid("quoted_post_id"),
    state: text("state", { enum: POST_STATES }).notNull().default("published"),
    /** Why staff hid, deleted or moved it: shown to the author. */
    moderationReason: text("moderation_reason"),
    moderatedBy: uuid("moderated_by").references(() => users.id, { onDelete: "set null" }),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("forum_posts_topic_created_idx").on(t.topicId, t.createdAt),
    index("forum_posts_author_idx").on(t.authorId, t.createdAt),
    index("forum_posts_state_idx").on(t.state, t.createdAt),
    index("forum_posts_body_trgm_idx").using("gin", sql`${t.body} gin_trgm_ops`),
  ],
);

/** A member's report of a post, with their reason; staff resolve it from the queue. */
export const forumFlags = pgTable(
  "forum_flags",
  {
    id: id(),
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    flaggedBy: uuid("flagged_by")
      .notNull()
      .references(() => forumAuthors.id),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    /** What staff did: "hidden", "deleted", "kept". */
    resolution: text("resolution"),
  },
  (t) => [
    index("forum_flags_open_idx").on(t.resolvedAt, t.createdAt),
    // One open flag per member per post: flagging twice changes nothing.
    uniqueIndex("forum_flags_one_open_idx").on(t.postId, t.flaggedBy).where(sql`${t.resolvedAt} is null`),
  ],
);

/**
 * Reply notifications: at most one e-mail per topic per hour (`lastNotifiedAt`).
 * `token` makes the unsubscribe link work without signing in.
 */
export const forumSubscriptions = pgTable(
  "forum_subscriptions",
  {
    topicId: uuid("topic_id")
      .notNull()
      .references(() => forumTopics.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => forumAuthors.id, { onDelete: "cascade" }),
    token: text("token").notNull().unique(),
    lastNotifiedAt: timestamp("last_notified_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.authorId] })],
);

/** Forum-wide settings staff change on the moderation page; one row (id 1). */
export const forumSettings = pgTable(
  "forum_settings",
  {
    id: smallint("id").primaryKey().default(1),
    /** A new account's first N posts wait for approval; 0 turns approval off. */
    approveFirstPosts: smallint("approve_first_posts").notNull().default(0),
    /** Posts (topics and replies) one member may write per hour. */
    postsPerHour: smallint("posts_per_hour").notNull().default(20),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("forum_settings_single_row", sql`${t.id} = 1`)],
);

export type ForumAuthor = typeof forumAuthors.$inferSelect;
export type ForumCategory = typeof forumCategories.$inferSelect;
export type ForumTopic = typeof forumTopics.$inferSelect;
export type ForumPost = typeof forumPosts.$inferSelect;
export type ForumFlag = typeof forumFlags.$inferSelect;
export type ForumSubscription = typeof forumSubscriptions.$inferSelect;
