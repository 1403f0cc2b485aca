import { and, eq, isNull } from "drizzle-orm";
import { churches, groupMemberships, groups, households, members } from "~/db/schema.server";
import { withChurch } from "~/db/tenancy.server";
import { visibleMember } from "~/privacy/policy";
import { recordAudit } from "./audit.server";
import { csvDocument } from "./csv.server";
import { byVisibleName, RECORD } from "./member-records.server";
import type { AdminViewer } from "./members-admin.server";
import { dateIn } from "./user-admin.server";
import type { RequestMeta } from "./users.server";

/**
 * The church's members as a spreadsheet (`export:members`): one row per
 * member, each detail only where the privacy policy shows it to this
 * administrator — a phone the member hid is an empty cell. The export is an
 * audited act, written in the same transaction that reads the rows.
 */

export const EXPORT_COLUMNS = ["given_name", "family_name", "email", "phone", "address", "birthday", "household", "groups"] as const;

export async function exportMembers(
  viewer: AdminViewer,
  meta: RequestMeta = {},
): Promise<{ csv: string; filename: string; rows: number }> {
  const churchId = viewer.churchId;
  return withChurch(churchId, async (tx) => {
    const rows = await tx
      .select({ ...RECORD, householdName: households.name })
      .from(members)
      .leftJoin(households, eq(households.id, members.householdId))
      .where(isNull(members.deletedAt))
      .orderBy(...byVisibleName(viewer));
    const memberships = await tx
      .select({ memberId: groupMemberships.memberId, groupId: groups.id, name: groups.name })
      .from(groupMemberships)
      .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
      .innerJoin(members, and(eq(members.id, groupMemberships.memberId), isNull(members.deletedAt)))
      .orderBy(groups.name);
    const groupsOf = new Map<string, { id: string; name: string }[]>();
    for (const m of memberships) groupsOf.set(m.memberId, [...(groupsOf.get(m.memberId) ?? []), { id: m.groupId, name: m.name }]);

    const lines: string[][] = [[...EXPORT_COLUMNS]];
    for (const row of rows) {
      const memberGroups = groupsOf.get(row.id) ?? [];
      const shown = visibleMember(viewer, { ...row, groupIds: memberGroups.map((g) => g.id) });
      lines.push([
        shown.givenName ?? "",
        shown.familyName ?? "",
        shown.email ?? "",
        shown.phone ?? "",
        shown.address ?? "",
        shown.birthday ?? "",
        row.householdName ?? "",
        memberGroups.map((g) => g.name).join("; "),
      ]);
    }

    const [church] = await tx.select({ slug: churches.slug, timezone: churches.timezone }).from(churches).where(eq(churches.id, churchId));
    await recordAudit(tx, {
      churchId,
      actorUserId: viewer.id,
      action: "members.exported",
      recordType: "member",
      after: { rows: rows.length, columns: [...EXPORT_COLUMNS] },
      ...meta,
    });
    const date = dateIn(church?.timezone ?? "Asia/Manila", new Date());
    return { csv: csvDocument(lines), filename: `members-${church?.slug ?? "church"}-${date}.csv`, rows: rows.length };
  });
}
