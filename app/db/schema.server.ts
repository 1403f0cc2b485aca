import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Permission } from "../auth/permissions";

/**
 * The tenancy core. Every church-owned table carries `church_id`; row-level
 * security (drizzle/0001_tenant_isolation.sql) keeps each church's rows apart
 * in the database itself, whatever a query forgets to filter.
 */

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const churches = pgTable("churches", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("Asia/Manila"),
  defaultLocale: text("default_locale").notNull().default("en"),
  /** When an administrator confirmed the privacy defaults (a getting-started step). */
  privacyReviewedAt: timestamp("privacy_reviewed_at", { withTimezone: true }),
  createdAt: createdAt(),
});

/**
 * Roles: the built-in ones (church_id null, `built_in`, created by migration
 * 0003 from BUILT_IN_ROLES) and each church's custom roles. A user has one role.
 */
export const roles = pgTable(
  "roles",
  {
    id: id(),
    churchId: uuid("church_id").references(() => churches.id, { onDelete: "cascade" }),
    /** Stable name for code: the built-in key, or `custom` for a church's own. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    permissions: jsonb("permissions").$type<Permission[]>().notNull().default([]),
    builtIn: boolean("built_in").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("roles_built_in_key").on(t.key).where(sql`${t.churchId} is null`),
    uniqueIndex("roles_church_name_key").on(t.churchId, sql`lower(${t.name})`),
  ],
);

export const USER_STATUSES = ["active", "deactivated"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * People who may sign in. No password column, ever: Google authenticates
 * through Cognito and we keep only the Cognito `sub` and the Google user id.
 * Platform staff have no church (`church_id` null).
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    churchId: uuid("church_id").references(() => churches.id, { onDelete: "cascade" }),
    cognitoSub: text("cognito_sub").unique(),
    googleId: text("google_id"),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id),
    status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
    locale: text("locale").notNull().default("en"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index("users_church_idx").on(t.churchId)],
);

/**
 * An invitation is how a Google account becomes a Kapatiran user: an admin
 * invites an e-mail with a role; the first sign-in with that (verified) e-mail
 * within 14 days creates the user.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("invitations_email_idx").on(sql`lower(${t.email})`),
    index("invitations_church_idx").on(t.churchId),
  ],
);

export const households = pgTable(
  "households",
  {
    id: id(),
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("households_church_idx").on(t.churchId)],
);

/** Privacy levels a member picks per field (DESIGN.md "Privacy levels"). */
export const PRIVACY_LEVELS = ["church", "leaders", "admins", "hidden"] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];
export const PRIVATE_FIELDS = ["name", "photo", "phone", "email", "address", "birthday"] as const;
export type PrivateField = (typeof PRIVATE_FIELDS)[number];
export type PrivacyChoices = Record<PrivateField, PrivacyLevel>;
export const DEFAULT_PRIVACY: PrivacyChoices = {
  name: "church",
  photo: "church",
  phone: "leaders",
  email: "leaders",
  address: "admins",
  birthday: "admins",
};

export const members = pgTable(
  "members",
  {
    id: id(),
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    householdId: uuid("household_id").references(() => households.id, { onDelete: "set null" }),
    /** The sign-in account of this member, when they have one. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    birthday: date("birthday"),
    photoKey: text("photo_key"),
    privacy: jsonb("privacy").$type<PrivacyChoices>().notNull().default(DEFAULT_PRIVACY),
    listed: boolean("listed").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Soft delete: removed members keep their audit trail. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /**
     * The name as search compares it (lower case, no accents), stored so a
     * search does not run unaccent() over every member (migration 0006).
     */
    searchName: text("search_name").generatedAlwaysAs(
      sql`kapatiran_search_text(given_name || ' ' || family_name)`,
    ),
  },
  (t) => [
    // The directory's order (family name, households together), so a page is
    // read from the index instead of sorting the church (migration 0010).
    index("members_church_directory_order_idx").on(t.churchId, t.familyName, t.householdId, t.givenName, t.id),
    // Migration 0008: gin (church_id, search_name gin_trgm_ops), with btree_gin.
    index("members_church_search_idx").using("gin", t.churchId, t.searchName.op("gin_trgm_ops")),
    index("members_household_idx").on(t.householdId),
    uniqueIndex("members_user_key").on(t.userId),
  ],
);

export const groups = pgTable(
  "groups",
  {
    id: id(),
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("groups_church_name_key").on(t.churchId, t.name)],
);

export const GROUP_ROLES = ["leader", "member"] as const;

export const groupMemberships = pgTable(
  "group_memberships",
  {
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    role: text("role", { enum: GROUP_ROLES }).notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] }), index("group_memberships_member_idx").on(t.memberId)],
);

/**
 * A CSV upload between its steps (map columns, preview, import): kept here,
 * never in a hidden form field, and deleted by the import or after a day.
 * `csv` is the decoded text; `mapping` the target chosen per column, once chosen.
 */
export const memberImports = pgTable(
  "member_imports",
  {
    id: id(),
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    csv: text("csv").notNull(),
    mapping: jsonb("mapping").$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [index("member_imports_church_created_idx").on(t.churchId, t.createdAt)],
);

/**
 * Server-side sessions: the cookie carries only a random token; we store its
 * SHA-256 so a leaked table cannot be replayed as cookies.
 */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Append-only audit trail, hash-chained per church. Platform-level entries
 * have no church.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    churchId: uuid("church_id").references(() => churches.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    recordType: text("record_type").notNull(),
    recordId: text("record_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    ipAddress: text("ip_address"),
    createdAt: createdAt(),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_church_created_idx").on(t.churchId, t.createdAt)],
);

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

/**
 * A published version of the privacy policy: the policy's text is the help
 * article `privacy-policy` (edited like any help article), and publishing a
 * version pins the English revision (and the Filipino one, if any) that the
 * version means. Consent is given to a version; a new version asks again.
 */
export const policyVersions = pgTable("policy_versions", {
  version: integer("version").primaryKey(),
  englishRevision: integer("english_revision").notNull(),
  filipinoRevision: integer("filipino_revision"),
  /** What changed, in a sentence, shown to people asked to consent again. */
  summary: text("summary").notNull(),
  publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
});

export const CONSENT_SOURCES = ["banner", "preferences", "browser-signal"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * Proof of a cookie choice. `consent_id` is the random id in the visitor's
 * (strictly necessary) consent cookie; the address is kept only as a keyed
 * hash. Not church-owned: visitors choose before signing in; `user_id` links
 * the choices of signed-in people.
 */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: id(),
    consentId: text("consent_id").notNull(),
    policyVersion: integer("policy_version").notNull(),
    /** Non-necessary categories and the choice for each, e.g. { preferences: true, analytics: false }. */
    categories: jsonb("categories").$type<Record<string, boolean>>().notNull(),
    source: text("source", { enum: CONSENT_SOURCES }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    addressHash: text("address_hash"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    index("consent_records_consent_idx").on(t.consentId, t.createdAt),
    index("consent_records_user_idx").on(t.userId),
    index("consent_records_created_idx").on(t.createdAt),
  ],
);

export const DATA_REQUEST_KINDS = ["erasure"] as const;
export const DATA_REQUEST_STATUSES = ["pending", "approved", "declined", "withdrawn"] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

/**
 * A member's request to erase their data, decided by the church's
 * administrators by `due_at` (30 days). Church-owned, row-level security.
 */
export const dataRequests = pgTable(
  "data_requests",
  {
    id: id(),
    churchId: uuid("church_id")
      .notNull()
      .references(() => churches.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DATA_REQUEST_KINDS }).notNull().default("erasure"),
    status: text("status", { enum: DATA_REQUEST_STATUSES }).notNull().default("pending"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    memberId: uuid("member_id").references(() => members.id, { onDelete: "set null" }),
    /** The requester's name when asked, so the request stays readable after anonymization. */
    requesterName: text("requester_name").notNull(),
    note: text("note"),
    decisionReason: text("decision_reason"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("data_requests_church_status_idx").on(t.churchId, t.status, t.requestedAt)],
);

/** One run of the retention command: what it removed, by kind (platform-level). */
export const retentionRuns = pgTable("retention_runs", {
  id: id(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  removed: jsonb("removed").$type<Record<string, number>>().notNull().default({}),
});

export type Church = typeof churches.$inferSelect;
export type Role = typeof roles.$inferSelect;
export type User = typeof users.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Household = typeof households.$inferSelect;
export type Member = typeof members.$inferSelect;
export type Group = typeof groups.$inferSelect;
export type GroupMembership = typeof groupMemberships.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type MemberImport = typeof memberImports.$inferSelect;
export type HelpArticle = typeof helpArticles.$inferSelect;
export type HelpRevision = typeof helpRevisions.$inferSelect;
export type HelpFeedback = typeof helpFeedback.$inferSelect;
export type SupportTicket = typeof supportTickets.$inferSelect;
export type TicketMessage = typeof ticketMessages.$inferSelect;
export type PolicyVersion = typeof policyVersions.$inferSelect;
export type ConsentRecord = typeof consentRecords.$inferSelect;
export type DataRequest = typeof dataRequests.$inferSelect;
export type RetentionRun = typeof retentionRuns.$inferSelect;
export * from "./schema-ops.server";
export * from "./schema-delivery.server";
