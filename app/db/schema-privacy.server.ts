import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.server";
import { churches, members, users } from "./schema.server";

/**
 * Privacy and compliance (issue 7): policy versions, consent records, data
 * requests and retention runs. Re-exported by schema.server.ts so that
 * drizzle-kit and the client see one schema.
 */

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

export type PolicyVersion = typeof policyVersions.$inferSelect;
export type ConsentRecord = typeof consentRecords.$inferSelect;
export type DataRequest = typeof dataRequests.$inferSelect;
export type RetentionRun = typeof retentionRuns.$inferSelect;
