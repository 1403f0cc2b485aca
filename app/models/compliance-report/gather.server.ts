import { and, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
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
} from "~/db/schema.server";
import { acrossChurches, withChurch } from "~/db/tenancy.server";
import { startOfDay } from "../audit-log.server";
import { ERASED_NAME } from "../anonymize.server";
import { ACCESS_ACTIONS, LATEST_ACCESS_EVENTS, RETENTION_RUNS_SHOWN } from "./contents";
import type { Period } from "./period.server";

/**
 * The rows the compliance report is made from, read in two steps that never
 * nest — the church's own rows in its transaction, then the platform-level
 * ones (consent records of the church's users, the policy version, retention
 * runs) across churches.
 */

const DEFAULT_TIMEZONE = "Asia/Manila";

/** The church's own rows, in its transaction (row-level security applies). */
export async function readChurchRows(churchId: string, period: Period, now: Date) {
  return withChurch(churchId, async (tx) => {
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
      invited: Number(invited?.n ?? 0),
      requestRows,
      accessCounts,
      latestAccess,
    };
  });
}

/** Platform-level rows, across churches: consent (only the given accounts'), policy, retention runs. */
export async function readPlatformRows(userIds: string[]) {
  return acrossChurches(async (tx) => {
    const [policy] = await tx.select().from(policyVersions).orderBy(desc(policyVersions.version)).limit(1);
    const latest =
      userIds.length === 0
        ? []
        : await tx
            .selectDistinctOn([consentRecords.consentId], {
              consentId: consentRecords.consentId,
              userId: consentRecords.userId,
              policyVersion: consentRecords.policyVersion,
              categories: consentRecords.categories,
            })
            .from(consentRecords)
            .where(and(isNotNull(consentRecords.userId), inArray(consentRecords.userId, userIds)))
            .orderBy(consentRecords.consentId, desc(consentRecords.createdAt), desc(consentRecords.id));
    const runs = await tx
      .select()
      .from(retentionRuns)
      .orderBy(desc(retentionRuns.startedAt))
      .limit(RETENTION_RUNS_SHOWN);
    return { policy, latest, runs };
  });
}

/** The church's timezone, which the period's calendar days are read in. */
export async function churchTimezone(churchId: string): Promise<string> {
  const [row] = await withChurch(churchId, (tx) =>
    tx.select({ timezone: churches.timezone }).from(churches).where(eq(churches.id, churchId))
  );
  return row?.timezone ?? DEFAULT_TIMEZONE;
}
