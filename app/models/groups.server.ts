import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { groupMemberships, groups, members, type PrivacyChoices } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { fields } from "~/utils/forms";
import { z } from "zod";
import { isListedFor, visibleFields, type Viewer } from "~/privacy/policy";
import { recordAudit } from "./audit.server";
import { viewerFor } from "./directory.server";
import { followLeadership } from "./group-leaders.server";
import { isUniqueViolation, isUuid } from "./roles.server";
import type { CurrentUser, RequestMeta } from "./users.server";

/**
 * Groups and their rosters. Administrators (`manage:groups`) run every group
 * of the church; a leader (`manage:roster:group` and a `leader` row in the
 * group) keeps the roster of the groups they lead, but only administrators
 * create, rename or delete groups, or change who leads.
 */

export interface GroupActor {
  id: string;
  churchId: string;
  /** Holds `manage:groups`: every group, and who leads it. */
  manageAll: boolean;
  ledGroupIds: readonly string[];
  /** For the privacy policy: which member names this actor may see. */
  viewer: Viewer;
}

/** The user as the group pages need them, or null when they may open none of them. */
export async function groupActorFor(user: CurrentUser): Promise<GroupActor | null> {
  if (!user.churchId) return null;
  const manageAll = can(user, "manage:groups");
  if (!manageAll && !can(user, "manage:roster:group")) return null;
  const viewer = await viewerFor(user);
  return { id: user.id, churchId: user.churchId, manageAll, ledGroupIds: viewer.ledGroupIds, viewer };
}

/** Whether the actor may change this group's roster (add and remove plain members). */
export function canEditRoster(actor: GroupActor, groupId: string): boolean {
  return actor.manageAll || actor.ledGroupIds.includes(groupId);
}

export interface GroupSummary {
  id: string;
  name: string;
  description: string | null;
  /** Everyone in the group, leaders included. */
  memberCount: number;
  leaderCount: number;
}

/** Every group of the church for administrators; for leaders, the groups they lead. */
export async function listGroups(actor: GroupActor): Promise<GroupSummary[]> {
  if (!actor.manageAll && actor.ledGroupIds.length === 0) return [];
  return withChurch(actor.churchId, (tx) =>
    tx
      .select({
        id: groups.id,
        name: groups.name,
        description: groups.description,
        memberCount: sql<number>`count(${members.id})::int`,
        leaderCount: sql<number>`(count(${members.id}) filter (where ${groupMemberships.role} = 'leader'))::int`,
      })
      .from(groups)
      .leftJoin(groupMemberships, eq(groupMemberships.groupId, groups.id))
      .leftJoin(members, and(eq(members.id, groupMemberships.memberId), isNull(members.deletedAt)))
      .where(actor.manageAll ? undefined : inArray(groups.id, [...actor.ledGroupIds]))
      .groupBy(groups.id)
      .orderBy(asc(groups.name)),
  );
}

export interface RosterEntry {
  memberId: string;
  /** Null when the privacy policy withholds the name from this actor. */
  name: string | null;
  role: "leader" | "member";
}

export interface GroupDetail {
  id: string;
  name: string;
  description: string | null;
  roster: RosterEntry[];
}

const memberColumns = {
  id: members.id,
  churchId: members.churchId,
  userId: members.userId,
  givenName: members.givenName,
  familyName: members.familyName,
  privacy: members.privacy,
  listed: members.listed,
};

type MemberRow = { id: string; churchId: string; userId: string | null; givenName: string; familyName: string; privacy: unknown; listed: boolean };

/** The member as the privacy policy sees them, with all their groups (leading any of them reaches more). */
async function withGroups<T extends MemberRow>(tx: Tx, rows: T[]) {
  const groupsOf = new Map<string, string[]>();
  if (rows.length > 0) {
    const memberships = await tx
      .select({ memberId: groupMemberships.memberId, groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .where(inArray(groupMemberships.memberId, rows.map((row) => row.id)));
    for (const m of memberships) groupsOf.set(m.memberId, [...(groupsOf.get(m.memberId) ?? []), m.groupId]);
  }
  return rows.map((row) => ({ ...row, privacy: row.privacy as PrivacyChoices, groupIds: groupsOf.get(row.id) ?? [] }));
}

/** A group of the actor's church with its roster, or null (unknown, or another church's). */
export async function findGroup(actor: GroupActor, groupId: string): Promise<GroupDetail | null> {
  if (!isUuid(groupId)) return null;
  return withChurch(actor.churchId, async (tx) => {
    const [group] = await tx.select().from(groups).where(eq(groups.id, groupId));
    if (!group) return null;
    const rows = await tx
      .select({ ...memberColumns, role: groupMemberships.role })
      .from(groupMemberships)
      .innerJoin(members, eq(members.id, groupMemberships.memberId))
      .where(and(eq(groupMemberships.groupId, groupId), isNull(members.deletedAt)))
      .orderBy(asc(members.familyName), asc(members.givenName), asc(members.id));
    const roster = (await withGroups(tx, rows)).map((member) => ({
      memberId: member.id,
      name: visibleFields(actor.viewer, member).has("name") ? `${member.givenName} ${member.familyName}` : null,
      role: member.role,
    }));
    // Leaders first; names the actor may not see last, so their order gives nothing away.
    roster.sort((a, b) => Number(b.role === "leader") - Number(a.role === "leader") || Number(a.name === null) - Number(b.name === null));
    return { id: group.id, name: group.name, description: group.description, roster };
  });
}

export const SEARCH_LIMIT = 20;

/**
 * Church members whose name matches `query` and who are not in the group yet,
 * as far as the privacy policy lets the actor find them (a name they may not
 * see is never matched).
 */
export async function searchMembersToAdd(
  actor: GroupActor,
  groupId: string,
  query: string,
): Promise<{ memberId: string; name: string }[]> {
  const words = query.trim();
  if (!isUuid(groupId) || words.length === 0) return [];
  const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return withChurch(actor.churchId, async (tx) => {
    const inGroup = tx
      .select({ id: groupMemberships.memberId })
      .from(groupMemberships)
      .where(eq(groupMemberships.groupId, groupId));
    const rows = await tx
      .select(memberColumns)
      .from(members)
      .where(
        and(
          isNull(members.deletedAt),
          sql`(${members.givenName} || ' ' || ${members.familyName}) ilike ${pattern}`,
          sql`${members.id} not in ${inGroup}`,
        ),
      )
      .orderBy(asc(members.familyName), asc(members.givenName), asc(members.id))
      .limit(SEARCH_LIMIT * 3);
    return (await withGroups(tx, rows))
      .filter((member) => isListedFor(actor.viewer, member))
      .slice(0, SEARCH_LIMIT)
      .map((member) => ({ memberId: member.id, name: `${member.givenName} ${member.familyName}` }));
  });
}

export type GroupOutcome =
  | { ok: true; id: string }
  | { ok: false; status: 400 | 403 | 404; field: string; message: string };

const refuse = (status: 400 | 403 | 404, field: string, message: string): GroupOutcome => ({ ok: false, status, field, message });
const NOT_FOUND = refuse(404, "form", "adminGroups:errors.notFound");
const FORBIDDEN = refuse(403, "form", "adminGroups:errors.forbidden");
const NAME_TAKEN = refuse(400, "name", "adminGroups:errors.nameTaken");

/** The group form (add and change). */
export const groupForm = z.object({ name: fields.text(80), description: fields.optionalText(500) });
export type GroupInput = z.infer<typeof groupForm>;

async function nameTaken(tx: Tx, name: string, exceptId?: string) {
  const rows = await tx.select({ id: groups.id }).from(groups).where(sql`lower(${groups.name}) = ${name.toLowerCase()}`);
  return rows.some((row) => row.id !== exceptId);
}

/** A unique-name clash that slipped past the check (two admins at once) is still a field error. */
async function guarded(work: () => Promise<GroupOutcome>): Promise<GroupOutcome> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

export function createGroup(actor: GroupActor, input: GroupInput, meta: RequestMeta = {}): Promise<GroupOutcome> {
  if (!actor.manageAll) return Promise.resolve(FORBIDDEN);
  const name = input.name.trim();
  return guarded(() =>
    withChurch(actor.churchId, async (tx) => {
      if (await nameTaken(tx, name)) return NAME_TAKEN;
      const [group] = await tx
        .insert(groups)
        .values({ churchId: actor.churchId, name, description: input.description })
        .returning({ id: groups.id });
      await audit(tx, actor, meta, "group.created", group!.id, null, { name, description: input.description });
      return { ok: true as const, id: group!.id };
    }),
  );
}

export function updateGroup(actor: GroupActor, groupId: string, input: GroupInput, meta: RequestMeta = {}): Promise<GroupOutcome> {
  if (!actor.manageAll) return Promise.resolve(FORBIDDEN);
  if (!isUuid(groupId)) return Promise.resolve(NOT_FOUND);
  const name = input.name.trim();
  return guarded(() =>
    withChurch(actor.churchId, async (tx) => {
      const [before] = await tx.select().from(groups).where(eq(groups.id, groupId)).for("update");
      if (!before) return NOT_FOUND;
      if (await nameTaken(tx, name, groupId)) return NAME_TAKEN;
      await tx.update(groups).set({ name, description: input.description }).where(eq(groups.id, groupId));
      await audit(
        tx,
        actor,
        meta,
        "group.updated",
        groupId,
        { name: before.name, description: before.description },
        { name, description: input.description },
      );
      return { ok: true as const, id: groupId };
    }),
  );
}

/** Delete a group and its memberships; its leaders who lead nothing else become plain members again. */
export function deleteGroup(actor: GroupActor, groupId: string, meta: RequestMeta = {}): Promise<GroupOutcome> {
  if (!actor.manageAll) return Promise.resolve(FORBIDDEN);
  if (!isUuid(groupId)) return Promise.resolve(NOT_FOUND);
  return withChurch(actor.churchId, async (tx) => {
    const [before] = await tx.select().from(groups).where(eq(groups.id, groupId)).for("update");
    if (!before) return NOT_FOUND;
    const memberships = await tx
      .select({ memberId: groupMemberships.memberId, role: groupMemberships.role })
      .from(groupMemberships)
      .where(eq(groupMemberships.groupId, groupId));
    await tx.delete(groups).where(eq(groups.id, groupId));
    await audit(tx, actor, meta, "group.deleted", groupId, { name: before.name, description: before.description, memberships }, null);
    for (const leader of memberships.filter((m) => m.role === "leader")) {
      await followLeadership(tx, actor, leader.memberId, meta);
    }
    return { ok: true as const, id: groupId };
  });
}

async function membershipOf(tx: Tx, groupId: string, memberId: string) {
  const [row] = await tx
    .select({ role: groupMemberships.role })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.groupId, groupId), eq(groupMemberships.memberId, memberId)))
    .for("update");
  return row ?? null;
}

/** Add a member to the group as a plain member. Leaders may add to the groups they lead. */
export function addMember(actor: GroupActor, groupId: string, memberId: string, meta: RequestMeta = {}): Promise<GroupOutcome> {
  if (!isUuid(groupId)) return Promise.resolve(NOT_FOUND);
  return withChurch(actor.churchId, async (tx) => {
    const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
    if (!group) return NOT_FOUND;
    if (!canEditRoster(actor, groupId)) return FORBIDDEN;
    const [row] = isUuid(memberId)
      ? await tx.select(memberColumns).from(members).where(and(eq(members.id, memberId), isNull(members.deletedAt)))
      : [];
    // Only someone the actor could have found by name: a forged id adds nobody.
    const [member] = row ? await withGroups(tx, [row]) : [];
    if (!member || !isListedFor(actor.viewer, member)) return refuse(400, "memberId", "adminGroups:errors.noSuchMember");
    if (await membershipOf(tx, groupId, memberId)) return refuse(400, "memberId", "adminGroups:errors.alreadyInGroup");
    await tx.insert(groupMemberships).values({ churchId: actor.churchId, groupId, memberId, role: "member" });
    await audit(tx, actor, meta, "group.member_added", groupId, null, { memberId, role: "member" });
    return { ok: true as const, id: groupId };
  });
}

/** Take a member out of the group. Removing a leader changes who leads: administrators only. */
export function removeMember(actor: GroupActor, groupId: string, memberId: string, meta: RequestMeta = {}): Promise<GroupOutcome> {
  if (!isUuid(groupId) || !isUuid(memberId)) return Promise.resolve(NOT_FOUND);
  return withChurch(actor.churchId, async (tx) => {
    const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
    if (!group) return NOT_FOUND;
    if (!canEditRoster(actor, groupId)) return FORBIDDEN;
    const membership = await membershipOf(tx, groupId, memberId);
    if (!membership) return NOT_FOUND;
    if (membership.role === "leader" && !actor.manageAll) return refuse(403, "form", "adminGroups:errors.leadersByAdmins");
    await tx
      .delete(groupMemberships)
      .where(and(eq(groupMemberships.groupId, groupId), eq(groupMemberships.memberId, memberId)));
    await audit(tx, actor, meta, "group.member_removed", groupId, { memberId, role: membership.role }, null);
    if (membership.role === "leader") await followLeadership(tx, actor, memberId, meta);
    return { ok: true as const, id: groupId };
  });
}

/** Make a member of the group its leader, or a leader a plain member again (administrators only). */
export function setGroupRole(
  actor: GroupActor,
  groupId: string,
  memberId: string,
  role: "leader" | "member",
  meta: RequestMeta = {},
): Promise<GroupOutcome> {
  if (!isUuid(groupId) || !isUuid(memberId)) return Promise.resolve(NOT_FOUND);
  return withChurch(actor.churchId, async (tx) => {
    const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
    if (!group) return NOT_FOUND;
    if (!actor.manageAll) return refuse(403, "form", "adminGroups:errors.leadersByAdmins");
    const membership = await membershipOf(tx, groupId, memberId);
    if (!membership) return NOT_FOUND;
    if (membership.role === role) return { ok: true as const, id: groupId };
    await tx
      .update(groupMemberships)
      .set({ role })
      .where(and(eq(groupMemberships.groupId, groupId), eq(groupMemberships.memberId, memberId)));
    await audit(tx, actor, meta, "group.leader_set", groupId, { memberId, role: membership.role }, { memberId, role });
    await followLeadership(tx, actor, memberId, meta);
    return { ok: true as const, id: groupId };
  });
}

function audit(
  tx: Tx,
  actor: GroupActor,
  meta: RequestMeta,
  action: string,
  groupId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  return recordAudit(tx, {
    churchId: actor.churchId,
    actorUserId: actor.id,
    action,
    recordType: "group",
    recordId: groupId,
    before,
    after,
    ...meta,
  });
}
