import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Delivery tables (issue 9): platform-level, never a church's data. Read-only
 * mode, scheduled maintenance windows, status notices and the record of
 * deploys. Re-exported by schema.server.ts so that drizzle-kit and the client
 * see one schema.
 */

/**
 * The read-only switch, one row (id 1). Both app slots read it every few
 * seconds, so `npm run maintenance -- read-only on` takes effect without a
 * restart on every instance that shares the database.
 */
export const readOnlyMode = pgTable(
  "read_only_mode",
  {
    id: smallint("id").primaryKey().default(1),
    enabled: boolean("enabled").notNull().default(false),
    /** Shown on the 503 page, e.g. "Database upgrade"; optional. */
    reason: text("reason"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Who switched it: an operator's e-mail or "deploy script". */
    changedBy: text("changed_by"),
  },
  (t) => [check("read_only_mode_single_row", sql`${t.id} = 1`)],
);

/** A planned maintenance window, announced on every page from 24 hours before it starts. */
export const maintenanceWindows = pgTable(
  "maintenance_windows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** What will happen, in English and (optionally) Filipino. */
    noteEn: text("note_en"),
    noteFil: text("note_fil"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    check("maintenance_windows_order", sql`${t.endsAt} > ${t.startsAt}`),
    index("maintenance_windows_ends_idx").on(t.endsAt),
  ],
);

/**
 * A notice to every church during an incident ("Sign-in is slow; we are on
 * it"), shown on every page until resolved.
 */
export const statusNotices = pgTable(
  "status_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "info" (announcement), "incident" (something is wrong) or "resolved" (kept as history). */
    severity: text("severity", { enum: ["info", "incident"] }).notNull().default("info"),
    messageEn: text("message_en").notNull(),
    messageFil: text("message_fil"),
    postedAt: timestamp("posted_at", { withTimezone: true }).notNull().defaultNow(),
    postedBy: text("posted_by"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("status_notices_posted_idx").on(t.postedAt)],
);

/**
 * One row per deploy or rollback, written by scripts/deploy and
 * scripts/rollback: which release went live in which slot, at which
 * migration level, and how it ended. Platform administrators read it.
 */
export const deployments = pgTable(
  "deployments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    action: text("action", { enum: ["deploy", "rollback"] }).notNull(),
    release: text("release").notNull(),
    /** The git commit the release was built from, when known. */
    commit: text("commit"),
    slot: text("slot", { enum: ["blue", "green"] }).notNull(),
    /** The last migration applied when the release went live (kapatiran_migrations). */
    migrationLevel: text("migration_level"),
    /** "live", "rejected" (never became ready; traffic stayed) or "failed". */
    outcome: text("outcome", { enum: ["live", "rejected", "failed"] }).notNull(),
    detail: text("detail"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }).notNull().defaultNow(),
    /** Who ran it: the operator's name or the CI run. */
    actor: text("actor"),
  },
  (t) => [index("deployments_finished_idx").on(t.finishedAt)],
);

export type MaintenanceWindow = typeof maintenanceWindows.$inferSelect;
export type StatusNotice = typeof statusNotices.$inferSelect;
export type Deployment = typeof deployments.$inferSelect;
