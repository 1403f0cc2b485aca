import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Permission } from "../auth/permissions";
import { createdAt, id, updatedAt } from "./columns.server";

/**
 * The tenancy core. Every church-owned table carries `church_id`; row-level
 * security (drizzle/0001_tenant_isolation.sql) keeps each church's rows apart
 * in the database itself, whatever a query forgets to filter.
 */


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
    /**
     * Who may see the name (privacy.name), as a plain column so the directory's
     * count reads only an index (members_directory_filter_idx, migration 0018).
     */
    nameLevel: text("name_level").generatedAlwaysAs(sql`privacy ->> 'name'`),
  },
  (t) => [
    // The directory's order (family name, households together), so a page is
    // read from the index instead of sorting the church (migration 0010).
    index("members_church_directory_order_idx").on(t.churchId, t.familyName, t.householdId, t.givenName, t.id),
    // Migration 0021: gist (church_id, search_name gist_trgm_ops), with btree_gist (was GIN, 0008).
    index("members_church_search_gist_idx").using("gist", t.churchId, t.searchName.op("gist_trgm_ops")),
    index("members_household_idx").on(t.householdId),
    uniqueIndex("members_user_key").on(t.userId),
    // Every column the directory's filter reads: counting a church's members is an index-only scan
    // (migration 0018, which also INCLUDEs id: drizzle cannot say that).
    index("members_directory_filter_idx")
      .on(t.churchId, t.nameLevel, t.listed, t.userId)
      .where(sql`deleted_at is null`),
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
export * from "./schema-help.server";
export * from "./schema-privacy.server";
export * from "./schema-ops.server";
export * from "./schema-delivery.server";
export * from "./schema-forum.server";
export * from "./schema-cache.server";
