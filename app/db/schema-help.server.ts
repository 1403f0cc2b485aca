import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.server";
import { churches, users } from "./schema.server";

/**
 * The help center and support tickets (issue 6): help articles and FAQ with
 * their revisions and feedback, and tickets with their messages. Re-exported
 * by schema.server.ts so that drizzle-kit and the client see one schema.
 */

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const HELP_LOCALES = ["en", "fil"] as const;
export type HelpLocale = (typeof HELP_LOCALES)[number];
export const HELP_KINDS = ["article", "faq"] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const HELP_STATUSES = ["draft", "published", "archived"] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

/**
 * Help center content (platform-level: no church). One row per language: an
 * English row is a source; a translation points at it with `source_id`, shares
 * its slug, and remembers in `source_revision` which revision of the source it
 * was last saved against — older than the source's `revision` means "out of
 * date". `revision` counts saves and is what a save checks, so two staff
 * editing at once cannot overwrite each other (see migration 0011).
 */
export const helpArticles = pgTable(
  "help_articles",
  {
    id: id(),
    sourceId: uuid("source_id").references((): AnyPgColumn => helpArticles.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: HELP_LOCALES }).notNull(),
    kind: text("kind", { enum: HELP_KINDS }).notNull().default("article"),
    slug: text("slug").notNull(),
    /** A key such as `getting-started`; its label is translated (help namespace). */
    category: text("category").notNull(),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    /** Markdown, as staff wrote it. Rendered and sanitized on the server when shown. */
    body: text("body").notNull(),
    status: text("status", { enum: HELP_STATUSES }).notNull().default("draft"),
    revision: integer("revision").notNull().default(1),
    sourceRevision: integer("source_revision"),
    /** Full-text search document: title (weight A) and body, per language (migration 0011). */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector(kapatiran_help_config(locale), title), 'A') || setweight(to_tsvector(kapatiran_help_config(locale), body), 'B')`,
    ),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("help_articles_slug_locale_key").on(t.slug, t.locale),
    uniqueIndex("help_articles_source_locale_key").on(t.sourceId, t.locale),
    index("help_articles_search_idx").using("gin", t.search),
  ],
);

/** Every save of a help article, for history, diffs and restore. */
export const helpRevisions = pgTable(
  "help_revisions",
  {
    id: id(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => helpArticles.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: HELP_STATUSES }).notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("help_revisions_article_revision_key").on(t.articleId, t.revision)],
);

/** "Was this helpful?" answers, with an optional comment for staff. */
export const helpFeedback = pgTable(
  "help_feedback",
  {
    id: id(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => helpArticles.id, { onDelete: "cascade" }),
    helpful: boolean("helpful").notNull(),
    comment: text("comment"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("help_feedback_article_idx").on(t.articleId, t.createdAt)],
);

export const TICKET_STATUSES = ["open", "waiting", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * A question to support staff. Church-owned (row-level security like every
 * church table); staff read across churches. `open` waits for staff,
 * `waiting` waits for the requester, `closed` is done. Church administrators'
 * tickets are marked `priority`.
 */
export const supportTickets = pgTable(
  "support_tickets",
  {
    id: id(),
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    requesterId: uuid("requester_id").references(() => users.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    status: text("status", { enum: TICKET_STATUSES }).notNull().default("open"),
    priority: boolean("priority").notNull().default(false),
    /** Storage key of an optional screenshot (utils/storage.server.ts). */
    screenshotKey: text("screenshot_key"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("support_tickets_church_requester_idx").on(t.churchId, t.requesterId),
    index("support_tickets_status_updated_idx").on(t.status, t.updatedAt),
  ],
);

/** The messages of a ticket's thread, the requester's and staff's. */
export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: id(),
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => supportTickets.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    fromStaff: boolean("from_staff").notNull().default(false),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("ticket_messages_ticket_created_idx").on(t.ticketId, t.createdAt)],
);

export type HelpArticle = typeof helpArticles.$inferSelect;
export type HelpRevision = typeof helpRevisions.$inferSelect;
export type HelpFeedback = typeof helpFeedback.$inferSelect;
export type SupportTicket = typeof supportTickets.$inferSelect;
export type TicketMessage = typeof ticketMessages.$inferSelect;
