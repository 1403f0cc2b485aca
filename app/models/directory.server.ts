import { and, asc, count, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { groupMemberships, members, type PrivacyChoices } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { isListedFor, levelsForAnyMember, seesUnlisted, visibleFields, type Viewer } from "~/privacy/policy";
import type { CurrentUser } from "./users.server";

export const PAGE_SIZE = 25;

export interface DirectoryEntry {
  id: string;
  /** Only what the privacy policy lets this viewer see; absent fields are withheld. */
  name?: string;
}

export interface DirectoryPage {
  entries: DirectoryEntry[];
  page: number;
  pageCount: number;
  total: number;
}

/** The viewer as the privacy policy needs them: their role and the groups they lead. */
export async function viewerFor(user: CurrentUser): Promise<Viewer> {
  if (!user.churchId) return { ...user, ledGroupIds: [] };
  const led = await withChurch(user.churchId, (tx) =>
    tx
      .select({ groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .innerJoin(members, eq(members.id, groupMemberships.memberId))
      .where(and(eq(members.userId, user.id), eq(groupMemberships.role, "leader"))),
  );
  return { ...user, ledGroupIds: led.map((row) => row.groupId) };
}

/**
 * SQL narrows the list to members whose name this viewer can possibly see
 * (so counting and paging happen in the database); the policy function then
 * decides every row again, so SQL can never show more than the policy allows.
 */
function nameReachable(viewer: Viewer): SQL {
  const own = eq(members.userId, viewer.id);
  const nameLevel = sql<string>`${members.privacy}->>'name'`;
  const levels = levelsForAnyMember(viewer);
  if (levels.length === 0) return own;
  const byLevel = [inArray(nameLevel, levels)];
  if (viewer.ledGroupIds.length > 0 && !levels.includes("leaders")) {
    const inLedGroup = inArray(
      members.id,
      new QueryBuilder()
        .select({ id: groupMemberships.memberId })
        .from(groupMemberships)
        .where(inArray(groupMemberships.groupId, [...viewer.ledGroupIds])),
    );
    byLevel.push(and(eq(nameLevel, "leaders"), inLedGroup)!);
  }
  const listed = seesUnlisted(viewer) ? sql`true` : eq(members.listed, true);
  return or(own, and(listed, or(...byLevel)))!;
}

export async function listDirectory(viewer: Viewer, requestedPage: number): Promise<DirectoryPage> {
  const churchId = viewer.churchId;
  if (!churchId) return { entries: [], page: 1, pageCount: 1, total: 0 };
  return withChurch(churchId, async (tx) => {
    const where = and(isNull(members.deletedAt), nameReachable(viewer));
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(members).where(where);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(Math.max(1, requestedPage), pageCount);
    const rows = await tx
      .select({
        id: members.id,
        churchId: members.churchId,
        userId: members.userId,
        givenName: members.givenName,
        familyName: members.familyName,
        privacy: members.privacy,
        listed: members.listed,
      })
      .from(members)
      .where(where)
      .orderBy(asc(members.familyName), asc(members.givenName), asc(members.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
    const groupsOf = await groupIdsOf(tx, rows.map((row) => row.id));
    const entries = rows.flatMap((row) => {
      const member = { ...row, privacy: row.privacy as PrivacyChoices, groupIds: groupsOf.get(row.id) ?? [] };
      if (!isListedFor(viewer, member)) return [];
      const fields = visibleFields(viewer, member);
      return [{ id: row.id, ...(fields.has("name") ? { name: `${row.givenName} ${row.familyName}` } : {}) }];
    });
    return { entries, page, pageCount, total };
  });
}

async function groupIdsOf(
  tx: Tx,
  memberIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (memberIds.length === 0) return map;
  const rows = await tx
    .select({ memberId: groupMemberships.memberId, groupId: groupMemberships.groupId })
    .from(groupMemberships)
    .where(inArray(groupMemberships.memberId, memberIds));
  for (const row of rows) map.set(row.memberId, [...(map.get(row.memberId) ?? []), row.groupId]);
  return map;
}
