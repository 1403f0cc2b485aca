import path from "node:path";
import { and, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import {
  auditLog,
  churches,
  consentRecords,
  dataRequests,
  invitations,
  members,
  policyVersions,
  retentionRuns,
  roles,
  users,
  type DataRequestStatus,
} from "~/db/schema.server";
import { acrossChurches, withChurch } from "~/db/tenancy.server";
import { env } from "~/utils/env.server";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { dateIn, startOfDay } from "./audit-log.server";
import { ERASED_NAME } from "./anonymize.server";

/**
 * The compliance report (/admin/compliance, issue 7 point 7): what a church's
 * data protection officer needs for an audit, read in two steps that never
 * nest — the church's own rows in its transaction, then the platform-level
 * ones (consent records of the church's users, the policy version, retention
 * runs) across churches.
 */

const DAY_MS = 86_400_000;
const DEFAULT_TIMEZONE = "Asia/Manila";
export const LATEST_ACCESS_EVENTS = 50;
export const RETENTION_RUNS_SHOWN = 10;

/** Audit actions that are access events: someone read, exported or erased personal data. */
export const ACCESS_ACTIONS = [
  "member.viewed_private_fields",
  "members.exported",
  "data.exported",
  "audit.exported",
  "member.erased",
  "data_request.created",
  "data_request.approved",
  "data_request.declined",
  "data_request.withdrawn",
] as const;

// ---------------------------------------------------------------------------
// The period (a GET form)

const day = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isCalendarDate(v), "forms:date");

const periodSchema = z
  .object({ from: day, to: day })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ["from"], message: "compliance:errors.fromAfterTo" });

export interface Period {
  from: string;
  to: string;
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, dayOfMonth] = match.slice(1).map(Number) as [number, number, number];
  // Before 1970 nothing of Kapatiran existed; it also keeps Date.UTC away from its two-digit years.
  if (year < 1970) return false;
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dayOfMonth;
}

/** The last twelve months up to today, in the church's timezone. */
export function defaultPeriod(timezone: string, now = new Date()): Period {
  const to = dateIn(timezone, now);
  const [year, month, dayOfMonth] = to.split("-").map(Number) as [number, number, number];
  const from = new Date(Date.UTC(year - 1, month - 1, dayOfMonth + 1)).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * The period a query string asks for. Missing dates take the default's; a bad
 * one is reported (the page keeps what was typed) and the default applies.
 */
export function parsePeriod(
  params: URLSearchParams,
  timezone: string,
  now = new Date()
): { period: Period; errors: FieldErrors | null; values: Record<string, string | string[]> } {
  const fallback = defaultPeriod(timezone, now);
  const form = new FormData();
  for (const name of ["from", "to"]) {
    const value = params.get(name);
    if (value !== null) form.set(name, value);
  }
  const result = parseForm(periodSchema, form);
  if (!result.ok) return { period: fallback, errors: result.errors, values: result.values };
  const period = { from: result.data.from ?? fallback.from, to: result.data.to ?? fallback.to };
  if (period.from > period.to) {
    // Only one date given, on the wrong side of the default for the other.
    return { period: fallback, errors: { from: ["compliance:errors.fromAfterTo"] }, values: formValues(form) };
  }
  return { period, errors: null, values: formValues(form) };
}

// ---------------------------------------------------------------------------
// The report

export interface RoleAccounts {
  role: string;
  active: number;
  deactivated: number;
}

export interface RequestLine {
  id: string;
  requesterName: string;
  status: DataRequestStatus;
  requestedAt: string;
  dueAt: string;
  decidedAt: string | null;
  /** Whole days from asking to deciding (0: the same day); null while pending. */
  daysTaken: number | null;
  overdue: boolean;
}

export interface AccessEvent {
  id: number;
  createdAt: string;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
}

export interface RetentionRunLine {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  removed: Record<string, number>;
}

export interface StorageFacts {
  database: { kind: "pglite"; folder: string } | { kind: "postgres"; host: string };
  files:
    | { kind: "local"; folder: string }
    | { kind: "s3"; bucket: string; region: string; encryptedAtRest: true }
    | { kind: "s3-compatible"; bucket: string; endpointHost: string };
  hsts: boolean;
  sessionStore: "redis" | "database";
  region: string | null;
}

export interface ComplianceReport {
  churchName: string;
  timezone: string;
  generatedAt: string;
  period: Period;
  holdings: {
    members: {
      total: number;
      current: number;
      listed: number;
      unlisted: number;
      removed: number;
      erased: number;
      withPhoto: number;
    };
    accounts: { active: number; deactivated: number; byRole: RoleAccounts[] };
    openInvitations: number;
  };
  consent: {
    currentVersion: number;
    publishedAt: string | null;
    /** Accounts (active) with at least one recorded choice, and without any. */
    usersWithChoice: number;
    usersWithoutChoice: number;
    /** The latest record per consent id (a person's device or browser). */
    latestRecords: number;
    byVersion: { version: number; records: number }[];
    categories: Record<"preferences" | "analytics", { yes: number; no: number }>;
  };
  requests: { lines: RequestLine[]; byStatus: Record<DataRequestStatus, number>; overdue: number };
  access: { counts: { action: string; count: number }[]; latest: AccessEvent[] };
  retention: RetentionRunLine[];
  storage: StorageFacts;
}

const n = (value: unknown) => Number(value ?? 0);

/** The report for one church and period. */
export async function complianceReport(churchId: string, period: Period, now = new Date()): Promise<ComplianceReport> {
  // 1. The church's own rows, in its transaction (row-level security applies).
  const church = await withChurch(churchId, async (tx) => {
    const [row] = await tx
      .select({ name: churches.name, timezone: churches.timezone })
      .from(churches)
      .where(eq(churches.id, churchId));
    const timezone = row?.timezone ?? DEFAULT_TIMEZONE;
    const start = startOfDay(timezone, period.from);
    const end = startOfDay(timezone, period.to, 1);

    const erased = sql`${members.deletedAt} is not null and ${members.givenName} = ${ERASED_NAME} and ${members.familyName} = ''`;
    const [memberCounts] = await tx
      .select({
        total: count(),
        current: sql<number>`count(*) filter (where ${members.deletedAt} is null)`,
        listed: sql<number>`count(*) filter (where ${members.deletedAt} is null and ${members.listed})`,
        unlisted: sql<number>`count(*) filter (where ${members.deletedAt} is null and not ${members.listed})`,
        erased: sql<number>`count(*) filter (where ${erased})`,
        removed: sql<number>`count(*) filter (where ${members.deletedAt} is not null and not (${erased}))`,
        withPhoto: sql<number>`count(*) filter (where ${members.deletedAt} is null and ${members.photoKey} is not null)`,
      })
      .from(members)
      .where(eq(members.churchId, churchId));

    const accountRows = await tx
      .select({ role: roles.name, status: users.status, n: count() })
      .from(users)
      .innerJoin(roles, eq(roles.id, users.roleId))
      .where(eq(users.churchId, churchId))
      .groupBy(roles.name, users.status)
      .orderBy(roles.name);
    const accounts = await tx
      .select({ id: users.id, status: users.status })
      .from(users)
      .where(eq(users.churchId, churchId));

    const [invited] = await tx
      .select({ n: count() })
      .from(invitations)
      .where(
        and(
          eq(invitations.churchId, churchId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now)
        )
      );

    const requestRows = await tx
      .select()
      .from(dataRequests)
      .where(
        and(
          eq(dataRequests.churchId, churchId),
          gte(dataRequests.requestedAt, start),
          lt(dataRequests.requestedAt, end)
        )
      )
      .orderBy(desc(dataRequests.requestedAt), desc(dataRequests.id));

    const inPeriod = and(
      eq(auditLog.churchId, churchId),
      inArray(auditLog.action, [...ACCESS_ACTIONS]),
      gte(auditLog.createdAt, start),
      lt(auditLog.createdAt, end)
    );
    const accessCounts = await tx
      .select({ action: auditLog.action, n: count() })
      .from(auditLog)
      .where(inPeriod)
      .groupBy(auditLog.action)
      .orderBy(auditLog.action);
    const latestAccess = await tx
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        actorName: users.displayName,
        action: auditLog.action,
        recordType: auditLog.recordType,
        recordId: auditLog.recordId,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(inPeriod)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(LATEST_ACCESS_EVENTS);

    return {
      name: row?.name ?? "",
      timezone,
      memberCounts: memberCounts!,
      accountRows,
      // Every account of the church, deactivated ones included: their choices were theirs.
      userIds: accounts.map((u) => u.id),
      activeUserIds: accounts.filter((u) => u.status === "active").map((u) => u.id),
      invited: n(invited?.n),
      requestRows,
      accessCounts,
      latestAccess,
    };
  });
  const allUserIds = church.userIds;

  // 2. Platform-level rows, across churches: consent (only this church's accounts), policy, retention runs.
  const platform = await acrossChurches(async (tx) => {
    const [policy] = await tx.select().from(policyVersions).orderBy(desc(policyVersions.version)).limit(1);
    const latest =
      allUserIds.length === 0
        ? []
        : await tx
            .selectDistinctOn([consentRecords.consentId], {
              consentId: consentRecords.consentId,
              userId: consentRecords.userId,
              policyVersion: consentRecords.policyVersion,
              categories: consentRecords.categories,
            })
            .from(consentRecords)
            .where(and(isNotNull(consentRecords.userId), inArray(consentRecords.userId, allUserIds)))
            .orderBy(consentRecords.consentId, desc(consentRecords.createdAt), desc(consentRecords.id));
    const runs = await tx
      .select()
      .from(retentionRuns)
      .orderBy(desc(retentionRuns.startedAt))
      .limit(RETENTION_RUNS_SHOWN);
    return { policy, latest, runs };
  });

  const byVersion = new Map<number, number>();
  const categories = { preferences: { yes: 0, no: 0 }, analytics: { yes: 0, no: 0 } };
  for (const record of platform.latest) {
    byVersion.set(record.policyVersion, (byVersion.get(record.policyVersion) ?? 0) + 1);
    for (const category of ["preferences", "analytics"] as const) {
      categories[category][record.categories[category] ? "yes" : "no"] += 1;
    }
  }
  const chose = new Set(platform.latest.map((r) => r.userId));
  const usersWithChoice = church.activeUserIds.filter((id) => chose.has(id)).length;

  const byRole = new Map<string, RoleAccounts>();
  for (const row of church.accountRows) {
    const entry = byRole.get(row.role) ?? { role: row.role, active: 0, deactivated: 0 };
    entry[row.status] += n(row.n);
    byRole.set(row.role, entry);
  }
  const roleList = [...byRole.values()];

  const byStatus: Record<DataRequestStatus, number> = { pending: 0, approved: 0, declined: 0, withdrawn: 0 };
  const lines: RequestLine[] = church.requestRows.map((row) => {
    byStatus[row.status] += 1;
    return {
      id: row.id,
      requesterName: row.requesterName,
      status: row.status,
      requestedAt: row.requestedAt.toISOString(),
      dueAt: row.dueAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      daysTaken: row.decidedAt ? Math.floor((row.decidedAt.getTime() - row.requestedAt.getTime()) / DAY_MS) : null,
      overdue: row.status === "pending" && row.dueAt.getTime() < now.getTime(),
    };
  });

  const m = church.memberCounts;
  return {
    churchName: church.name,
    timezone: church.timezone,
    generatedAt: now.toISOString(),
    period,
    holdings: {
      members: {
        total: n(m.total),
        current: n(m.current),
        listed: n(m.listed),
        unlisted: n(m.unlisted),
        removed: n(m.removed),
        erased: n(m.erased),
        withPhoto: n(m.withPhoto),
      },
      accounts: {
        active: roleList.reduce((sum, r) => sum + r.active, 0),
        deactivated: roleList.reduce((sum, r) => sum + r.deactivated, 0),
        byRole: roleList,
      },
      openInvitations: church.invited,
    },
    consent: {
      currentVersion: platform.policy?.version ?? 0,
      publishedAt: platform.policy?.publishedAt.toISOString() ?? null,
      usersWithChoice,
      usersWithoutChoice: church.activeUserIds.length - usersWithChoice,
      latestRecords: platform.latest.length,
      byVersion: [...byVersion.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([version, records]) => ({ version, records })),
      categories,
    },
    requests: { lines, byStatus, overdue: lines.filter((l) => l.overdue).length },
    access: {
      counts: church.accessCounts.map((row) => ({ action: row.action, count: n(row.n) })),
      latest: church.latestAccess.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    },
    retention: platform.runs.map((run) => ({
      id: run.id,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      removed: run.removed,
    })),
    storage: storageFacts(),
  };
}

/**
 * Where the data lives and how it is protected, from the configuration only
 * (never a secret: the database's host name, not its URL). Claims only what
 * the code does: S3 encryption at rest because storage.server.ts asks S3 for
 * it on every upload (not for S3-compatible servers, which may not offer it).
 */
export function storageFacts(): StorageFacts {
  const database: StorageFacts["database"] = env.DATABASE_URL
    ? { kind: "postgres", host: new URL(env.DATABASE_URL).hostname }
    : { kind: "pglite", folder: path.join(env.DATA_DIR, "db") };
  const files: StorageFacts["files"] = !env.S3_BUCKET
    ? { kind: "local", folder: path.join(env.DATA_DIR, "uploads") }
    : env.S3_ENDPOINT
    ? { kind: "s3-compatible", bucket: env.S3_BUCKET, endpointHost: new URL(env.S3_ENDPOINT).host }
    : { kind: "s3", bucket: env.S3_BUCKET, region: env.AWS_REGION ?? "ap-southeast-1", encryptedAtRest: true };
  return {
    database,
    files,
    hsts: env.NODE_ENV === "production",
    sessionStore: env.REDIS_URL ? "redis" : "database",
    region: env.AWS_REGION ?? null,
  };
}

/** The church's timezone, which the period's calendar days are read in. */
export async function churchTimezone(churchId: string): Promise<string> {
  const [row] = await withChurch(churchId, (tx) =>
    tx.select({ timezone: churches.timezone }).from(churches).where(eq(churches.id, churchId))
  );
  return row?.timezone ?? DEFAULT_TIMEZONE;
}
