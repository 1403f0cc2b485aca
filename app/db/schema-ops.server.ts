import { users } from "./schema.server";
import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Operations tables (issue 8): platform-level, never a church's data, read
 * only by platform administrators. Re-exported by schema.server.ts so that
 * drizzle-kit and the client see one schema.
 */

/** Counts per bucket, for histograms that can be summed across minutes: `{ "le": count }`, `le` the bucket's upper bound. */
export type Buckets = Record<string, number>;
export interface Histogram {
  count: number;
  sum: number;
  buckets: Buckets;
}

/**
 * One minute of one app instance (blue and green both write during a switch):
 * what the alert rules and the operations dashboard read. Histograms are kept
 * as bucket counts so percentiles over an hour or a week are computed from
 * the sums, not averaged from minutes. Dropped after 90 days (retention).
 */
export const metricMinutes = pgTable(
  "metric_minutes",
  {
    minute: timestamp("minute", { withTimezone: true }).notNull(),
    instance: text("instance").notNull(),
    requests: integer("requests").notNull().default(0),
    /** Responses with status 500 and above. */
    errors: integer("errors").notNull().default(0),
    /** Server time of requests, in milliseconds. */
    latency: jsonb("latency").$type<Histogram>().notNull(),
    /** The box: CPU busy, memory used, data disk used, each 0–100. Null when unknown. */
    cpuPercent: doublePrecision("cpu_percent"),
    memoryPercent: doublePrecision("memory_percent"),
    diskPercent: doublePrecision("disk_percent"),
    /** Distinct signed-in people with a request in this minute. */
    activeUsers: integer("active_users").notNull().default(0),
    signInFailures: integer("sign_in_failures").notNull().default(0),
    rateLimitHits: integer("rate_limit_hits").notNull().default(0),
    /** Browser figures from the beacon: `lcp`, `inp` (ms), `cls` (×1000), `session` (seconds). */
    vitals: jsonb("vitals").$type<Record<string, Histogram>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.minute, t.instance] })],
);

/** An alert rule's firing: opened when it starts, closed when it clears. */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rule: text("rule").notNull(),
    /** The figure that made it fire, and the threshold it crossed. */
    value: doublePrecision("value").notNull(),
    threshold: doublePrecision("threshold").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    /** How operators were told, e.g. { started: ["email", "webhook"], cleared: ["email"] }. */
    notified: jsonb("notified").$type<Record<string, string[]>>().notNull().default({}),
  },
  (t) => [index("alerts_rule_started_idx").on(t.rule, t.startedAt)],
);

/** Errors reported by browsers, grouped by fingerprint (message + top of the stack + route). */
export const clientErrors = pgTable(
  "client_errors",
  {
    fingerprint: text("fingerprint").primaryKey(),
    message: text("message").notNull(),
    stack: text("stack"),
    route: text("route"),
    release: text("release"),
    count: integer("count").notNull().default(1),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("client_errors_last_seen_idx").on(t.lastSeenAt)],
);

/** Who was active on which day (UTC): daily and monthly active users. Kept 60 days. */
export const activityDays = pgTable(
  "activity_days",
  {
    day: date("day").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.day, t.userId] })],
);

export type MetricMinute = typeof metricMinutes.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type ClientError = typeof clientErrors.$inferSelect;
