import type { DataRequestStatus } from "~/db/schema.server";
import type { ComplianceReport, RequestLine, RoleAccounts } from "./contents";
import { readChurchRows, readPlatformRows } from "./gather.server";
import type { Period } from "./period.server";
import { storageFacts } from "./storage-facts.server";

/**
 * The compliance report (/admin/compliance, issue 7 point 7): what a church's
 * data protection officer needs for an audit. The rows come from
 * gather.server.ts; this file tallies them into the report's shape.
 */

const DAY_MS = 86_400_000;

const n = (value: unknown) => Number(value ?? 0);

/** The report for one church and period. */
export async function complianceReport(churchId: string, period: Period, now = new Date()): Promise<ComplianceReport> {
  const church = await readChurchRows(churchId, period, now);
  const platform = await readPlatformRows(church.userIds);

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
