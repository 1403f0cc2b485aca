import { and, count, eq, isNotNull, isNull, like, lt, or, sql } from "drizzle-orm";
import { PostgresSessionStore } from "~/auth/session-store.server";
import type { Database } from "~/db/client.server";
import {
  activityDays,
  auditLog,
  consentRecords,
  dataRequests,
  invitations,
  memberImports,
  metricMinutes,
  retentionRuns,
  sessions,
  users,
} from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { UPLOAD_LIFETIME_MS } from "./member-import/targets";

/**
 * The retention jobs (docs/retention.md): one run removes, kind by kind,
 * what Kapatiran no longer needs to keep. Every kind is a time-based DELETE
 * in its own short transaction across churches, so a run is safe to repeat
 * (the second removes nothing) and safe beside the app (it never touches a
 * live row: a row is only removed once it is past its end).
 */

const DAY_MS = 86_400_000;

/** How long each kind is kept (also the table in docs/retention.md). */
export const RETENTION = {
  /** Unaccepted invitations, after they expired or were revoked. */
  invitationDays: 30,
  /** Consent records replaced by a newer choice under the same consent id. */
  supersededConsentDays: 2 * 365,
  /** Decided (or withdrawn) data requests: the proof of how a request was handled. */
  decidedRequestDays: 3 * 365,
  /** Erased accounts, once nothing but their anonymous row is left. */
  erasedAccountDays: 30,
  /** Operations rollups: the dashboard's longest view is a week; a quarter leaves room to compare. */
  metricMinuteDays: 90,
  /** Who was active on which day: monthly active users look back 30 days. */
  activityDays: 60,
} as const;

export const RETENTION_KINDS = [
  "sessions",
  "invitations",
  "consentRecords",
  "memberImports",
  "dataRequests",
  "erasedAccounts",
  "metricMinutes",
  "activityDays",
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export type RetentionCounts = Record<RetentionKind, number>;

export const APPLICATION_LOGS_NOTE =
  "application logs: not stored in the database; CloudWatch retention 90 days, set by infra";

export interface RetentionOptions {
  dryRun?: boolean;
  now?: Date;
  sessionLimits: { idleMinutes: number; absoluteMinutes: number };
  /** Told about each kind as it finishes (the command logs one JSON line). */
  onKind?: (kind: RetentionKind, removed: number) => void;
}

/** Which rows of each kind are past their retention, at `now`. */
function conditions(now: Date, limits: RetentionOptions["sessionLimits"]) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const newer = sql`exists (select 1 from ${consentRecords} as later
    where later.consent_id = ${consentRecords.consentId} and later.created_at > ${consentRecords.createdAt})`;
  // An erased account is removed only when no audit entry names it as the actor:
  // deleting it would null that column and break the audit log's hash chain.
  const unreferenced = sql`not exists (select 1 from ${auditLog} where ${auditLog.actorUserId} = ${users.id})`;
  return {
    sessions: or(
      lt(sessions.expiresAt, now),
      lt(sessions.lastSeenAt, new Date(now.getTime() - limits.idleMinutes * 60_000))
    ),
    invitations: and(
      isNull(invitations.acceptedAt),
      or(
        and(isNull(invitations.revokedAt), lt(invitations.expiresAt, ago(RETENTION.invitationDays))),
        lt(invitations.revokedAt, ago(RETENTION.invitationDays))
      )
    ),
    consentRecords: and(lt(consentRecords.createdAt, ago(RETENTION.supersededConsentDays)), newer),
    memberImports: lt(memberImports.createdAt, new Date(now.getTime() - UPLOAD_LIFETIME_MS)),
    dataRequests: and(isNotNull(dataRequests.decidedAt), lt(dataRequests.decidedAt, ago(RETENTION.decidedRequestDays))),
    erasedAccounts: and(
      eq(users.status, "deactivated"),
      like(users.email, "erased-%@invalid"),
      lt(users.updatedAt, ago(RETENTION.erasedAccountDays)),
      unreferenced
    ),
    metricMinutes: lt(metricMinutes.minute, ago(RETENTION.metricMinuteDays)),
    activityDays: lt(activityDays.day, ago(RETENTION.activityDays).toISOString().slice(0, 10)),
  };
}

const TABLES = {
  sessions,
  invitations,
  consentRecords,
  memberImports,
  dataRequests,
  erasedAccounts: users,
  metricMinutes,
  activityDays,
} as const;

async function countIn(tx: Tx, kind: RetentionKind, where: ReturnType<typeof conditions>[RetentionKind]) {
  const [row] = await tx.select({ n: count() }).from(TABLES[kind]).where(where);
  return row?.n ?? 0;
}

/**
 * One run: each kind in its own transaction, then (unless a dry run) a
 * retention_runs row with the counts. Returns what was (or would be) removed.
 */
export async function runRetention(database: Database, options: RetentionOptions): Promise<RetentionCounts> {
  const now = options.now ?? new Date();
  const where = conditions(now, options.sessionLimits);
  const startedAt = new Date();
  const removed = {} as RetentionCounts;
  for (const kind of RETENTION_KINDS) {
    let n: number;
    if (options.dryRun) {
      n = await acrossChurches((tx) => countIn(tx, kind, where[kind]), database);
    } else if (kind === "sessions" && !options.now) {
      // The session store's own housekeeping, so the rule lives in one place.
      n = await new PostgresSessionStore(options.sessionLimits, database).purgeExpired();
    } else {
      n = await acrossChurches(
        async (tx) => (await tx.delete(TABLES[kind]).where(where[kind]).returning()).length,
        database
      );
    }
    removed[kind] = n;
    options.onKind?.(kind, n);
  }
  if (!options.dryRun) {
    await acrossChurches(
      (tx) => tx.insert(retentionRuns).values({ startedAt, finishedAt: new Date(), removed }),
      database
    );
  }
  return removed;
}
