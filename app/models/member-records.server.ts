import { inArray, sql, type SQL } from "drizzle-orm";
import { groupMemberships, members, type PrivacyChoices } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";
import { levelsForAnyMember, type Viewer } from "~/privacy/policy";

/**
 * A member's record as the administration pages read it: every column the
 * privacy policy needs, and (with withGroupIds) the groups it reaches through.
 */

export const RECORD = {
  id: members.id,
  churchId: members.churchId,
  userId: members.userId,
  householdId: members.householdId,
  givenName: members.givenName,
  familyName: members.familyName,
  phone: members.phone,
  email: members.email,
  address: members.address,
  birthday: members.birthday,
  photoKey: members.photoKey,
  privacy: members.privacy,
  listed: members.listed,
};

/** The group memberships of these members (unexecuted, so tests/integration/query-plans.test.ts can EXPLAIN it). */
export const groupIdsQuery = (tx: Tx, memberIds: string[]) =>
  tx
    .select({ memberId: groupMemberships.memberId, groupId: groupMemberships.groupId })
    .from(groupMemberships)
    .where(inArray(groupMemberships.memberId, memberIds));

/** Records with their groups, as the policy needs them. */
export async function withGroupIds<T extends { id: string; privacy: unknown }>(tx: Tx, rows: T[]) {
  const byMember = new Map<string, string[]>();
  if (rows.length > 0) {
    const memberships = await groupIdsQuery(tx, rows.map((row) => row.id));
    for (const m of memberships) byMember.set(m.memberId, [...(byMember.get(m.memberId) ?? []), m.groupId]);
  }
  return rows.map((row) => ({ ...row, privacy: row.privacy as PrivacyChoices, groupIds: byMember.get(row.id) ?? [] }));
}

/**
 * Whose name this viewer may see, in SQL: searching by name must not find
 * members whose name is hidden from the viewer (that would reveal it), and
 * such members sort last rather than where their name would put them.
 */
export function nameVisible(viewer: Viewer): SQL {
  const levels = levelsForAnyMember(viewer);
  if (levels.length === 0) return sql`false`;
  return inArray(sql`${members.privacy}->>'name'`, levels);
}


/** By family and given name, members whose name the viewer may not see last (in no telling order). */
export function byVisibleName(viewer: Viewer): SQL[] {
  const shown = nameVisible(viewer);
  return [
    sql`case when ${shown} then 0 else 1 end`,
    sql`case when ${shown} then lower(${members.familyName}) end`,
    sql`case when ${shown} then lower(${members.givenName}) end`,
    sql`${members.id}`,
  ];
}
