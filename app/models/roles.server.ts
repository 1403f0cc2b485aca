import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import { BUILT_IN_ROLES, CHURCH_PERMISSIONS, type BuiltInRoleKey, type Permission } from "~/auth/permissions";
import { invitations, roles, users } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { fields } from "~/utils/forms";
import { z } from "zod";
import { recordAudit } from "./audit.server";
import type { RequestMeta } from "./users.server";

/** Ids of the built-in roles (rows made by migration 0003), by key. */
export async function builtInRoleIds(tx: Tx): Promise<Record<BuiltInRoleKey, string>> {
  const rows = await tx.select({ id: roles.id, key: roles.key }).from(roles).where(isNull(roles.churchId));
  const ids = Object.fromEntries(rows.map((row) => [row.key, row.id]));
  for (const key of ["member", "group_leader", "church_admin", "support_staff", "platform_admin"] as const) {
    if (!ids[key]) throw new Error(`Built-in role ${key} is missing: run the migrations`);
  }
  return ids as Record<BuiltInRoleKey, string>;
}

export interface RoleOption {
  id: string;
  key: string;
  name: string;
  builtIn: boolean;
}

/**
 * Roles an administrator of this church may give: the church-level built-in
 * ones and the church's own. Platform roles are never offered to a church.
 */
export async function listAssignableRoles(churchId: string): Promise<RoleOption[]> {
  return withChurch(churchId, async (tx) => (await assignableRoles(tx, churchId)).map(({ permissions: _p, ...role }) => role));
}

const CHURCH_ROLE_KEYS: string[] = Object.entries(BUILT_IN_ROLES)
  .filter(([, role]) => role.level === "church")
  .map(([key]) => key);

async function assignableRoles(tx: Tx, churchId: string) {
  const rows = await tx
    .select({
      id: roles.id,
      key: roles.key,
      name: roles.name,
      builtIn: roles.builtIn,
      churchId: roles.churchId,
      permissions: roles.permissions,
    })
    .from(roles)
    .orderBy(asc(roles.builtIn), asc(roles.name));
  return rows
    .filter((row) => row.churchId === churchId || (row.churchId === null && CHURCH_ROLE_KEYS.includes(row.key)))
    .map(({ churchId: _church, ...role }) => role)
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
}

export interface RoleSummary extends RoleOption {
  permissions: Permission[];
  /** Users of this church who hold the role (deactivated ones too: they still point at it). */
  userCount: number;
}

export interface RoleDetail extends RoleSummary {
  /** Invitations not yet accepted, revoked or expired that would give this role. */
  pendingInvitationCount: number;
}

/** Every role the church's administrators may give, with how many of its users hold each. */
export async function listRolesWithCounts(churchId: string): Promise<RoleSummary[]> {
  return withChurch(churchId, async (tx) => {
    const counts = await tx.select({ roleId: users.roleId, users: count() }).from(users).groupBy(users.roleId);
    const byRole = new Map(counts.map((row) => [row.roleId, row.users]));
    return (await assignableRoles(tx, churchId)).map((role) => ({ ...role, userCount: byRole.get(role.id) ?? 0 }));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** One assignable role of this church, or null (unknown, another church's, or a platform role). */
export async function findRole(churchId: string, roleId: string): Promise<RoleDetail | null> {
  if (!isUuid(roleId)) return null;
  return withChurch(churchId, async (tx) => {
    const role = (await assignableRoles(tx, churchId)).find((candidate) => candidate.id === roleId);
    if (!role) return null;
    const [held] = await tx.select({ n: count() }).from(users).where(eq(users.roleId, roleId));
    const [pending] = await tx.select({ n: count() }).from(invitations).where(pendingWithRole(roleId));
    return { ...role, userCount: held?.n ?? 0, pendingInvitationCount: pending?.n ?? 0 };
  });
}

function pendingWithRole(roleId: string) {
  return and(
    eq(invitations.roleId, roleId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, new Date()),
  );
}

/** The role form (add and change): a name and a checklist drawn from the church permissions only. */
export const roleForm = z.object({
  name: fields.text(60),
  permissions: fields
    .list(z.string())
    .refine((list) => list.length > 0, "adminRoles:errors.noPermissions")
    .refine((list) => list.every((p) => (CHURCH_PERMISSIONS as readonly string[]).includes(p)), "adminRoles:errors.unknownPermission"),
});

export interface RoleInput {
  name: string;
  permissions: readonly string[];
}

interface Actor {
  id: string;
  churchId: string;
}

/** Why a change was refused: an i18n key, on a field or for the whole form. */
export type RoleRefusal = { ok: false; field: "name" | "permissions" | "moveTo" | "form"; message: string };
type Outcome<Done extends { ok: true }> = Done | RoleRefusal | { ok: false; notFound: true };

const refusal = (field: RoleRefusal["field"], message: string): RoleRefusal => ({ ok: false, field, message });
const NOT_FOUND = { ok: false, notFound: true } as const;

/** Thrown inside a transaction to roll it back and answer with a refusal instead. */
class Refused extends Error {
  constructor(readonly refusal: RoleRefusal) {
    super(refusal.message);
  }
}

// Names a church role may not take: the built-in ones, in either spelling, so nobody
// reads "Church administrator" on a list and assumes the built-in powers.
const RESERVED_NAMES = new Set(
  Object.entries(BUILT_IN_ROLES).flatMap(([key, role]) => [key.toLowerCase(), role.name.toLowerCase()]),
);

function checkInput(input: RoleInput): RoleRefusal | { ok: true; name: string; permissions: Permission[] } {
  const name = input.name.trim();
  if (RESERVED_NAMES.has(name.toLowerCase())) return refusal("name", "adminRoles:errors.reservedName");
  const permissions = [...new Set(input.permissions)];
  // The route's schema checks this too; a model called from elsewhere must not hand out platform powers.
  if (!permissions.every((p) => (CHURCH_PERMISSIONS as readonly string[]).includes(p))) {
    return refusal("permissions", "adminRoles:errors.unknownPermission");
  }
  return { ok: true, name, permissions: CHURCH_PERMISSIONS.filter((p) => permissions.includes(p)) };
}

async function nameTaken(tx: Tx, churchId: string, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.churchId, churchId), sql`lower(${roles.name}) = ${name.toLowerCase()}`));
  return rows.some((row) => row.id !== exceptId);
}

/**
 * Whether the church has an active user who can still manage users and roles.
 * A change to custom roles must not take that away when there was one, or
 * nobody could put it right from inside the church.
 */
async function hasAdministrator(tx: Tx): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.status, "active"), sql`${roles.permissions} @> '["manage:users","manage:roles"]'::jsonb`))
    .limit(1);
  return row !== undefined;
}

/** Runs a change; a Refused or a unique-name clash rolls it back and becomes a refusal. */
async function attempt<Done extends { ok: true }>(work: () => Promise<Outcome<Done>>): Promise<Outcome<Done>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (isUniqueViolation(error)) return refusal("name", "adminRoles:errors.nameTaken");
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function createRole(actor: Actor, input: RoleInput, meta: RequestMeta = {}): Promise<Outcome<{ ok: true; id: string }>> {
  const checked = checkInput(input);
  if (!checked.ok) return checked;
  return attempt(() =>
    withChurch(actor.churchId, async (tx) => {
      if (await nameTaken(tx, actor.churchId, checked.name)) return refusal("name", "adminRoles:errors.nameTaken");
      const [role] = await tx
        .insert(roles)
        .values({ churchId: actor.churchId, key: "custom", builtIn: false, name: checked.name, permissions: checked.permissions })
        .returning({ id: roles.id });
      await recordAudit(tx, {
        churchId: actor.churchId,
        actorUserId: actor.id,
        action: "role.created",
        recordType: "role",
        recordId: role!.id,
        after: { name: checked.name, permissions: checked.permissions },
        ...meta,
      });
      return { ok: true as const, id: role!.id };
    }),
  );
}

/** The church's own role, locked for the rest of the transaction; null for built-ins and strangers. */
async function lockCustomRole(tx: Tx, churchId: string, roleId: string) {
  if (!isUuid(roleId)) return null;
  const [role] = await tx
    .select()
    .from(roles)
    .where(and(eq(roles.id, roleId), eq(roles.churchId, churchId)))
    .for("update");
  return role ?? null;
}

export async function updateRole(
  actor: Actor,
  roleId: string,
  input: RoleInput,
  meta: RequestMeta = {},
): Promise<Outcome<{ ok: true }>> {
  const checked = checkInput(input);
  if (!checked.ok) return checked;
  return attempt(() =>
    withChurch(actor.churchId, async (tx) => {
      const before = await lockCustomRole(tx, actor.churchId, roleId);
      if (!before) return NOT_FOUND;
      if (await nameTaken(tx, actor.churchId, checked.name, roleId)) return refusal("name", "adminRoles:errors.nameTaken");
      const hadAdministrator = await hasAdministrator(tx);
      await tx
        .update(roles)
        .set({ name: checked.name, permissions: checked.permissions, updatedAt: new Date() })
        .where(eq(roles.id, roleId));
      if (hadAdministrator && !(await hasAdministrator(tx))) throw new Refused(refusal("permissions", "adminRoles:errors.lastAdmin"));
      await recordAudit(tx, {
        churchId: actor.churchId,
        actorUserId: actor.id,
        action: "role.updated",
        recordType: "role",
        recordId: roleId,
        before: { name: before.name, permissions: before.permissions },
        after: { name: checked.name, permissions: checked.permissions },
        ...meta,
      });
      return { ok: true as const };
    }),
  );
}

/**
 * Delete a church's own role. Users who hold it, and invitations that would
 * give it, move first to `moveToRoleId` — in the same transaction, so nobody
 * is ever left without a role. The role row is locked first: an assignment
 * racing with the delete waits, then fails on the missing role, instead of
 * slipping in between the move and the delete.
 */
export async function deleteRole(
  actor: Actor,
  roleId: string,
  moveToRoleId: string | null,
  meta: RequestMeta = {},
): Promise<Outcome<{ ok: true; movedUsers: number; movedInvitations: number }>> {
  return attempt<{ ok: true; movedUsers: number; movedInvitations: number }>(() =>
    withChurch(actor.churchId, async (tx) => {
      const before = await lockCustomRole(tx, actor.churchId, roleId);
      if (!before) return NOT_FOUND;
      const holders = await tx.select({ id: users.id }).from(users).where(eq(users.roleId, roleId));
      // Every invitation row, not only open ones: the foreign key would otherwise delete the old ones with the role.
      const invited = await tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.roleId, roleId));
      const [pending] = await tx.select({ n: count() }).from(invitations).where(pendingWithRole(roleId));
      const mustMove = holders.length > 0 || (pending?.n ?? 0) > 0;
      let target: string | null = null;
      if (mustMove || invited.length > 0) {
        if (!moveToRoleId) {
          if (mustMove) return refusal("moveTo", "adminRoles:errors.moveRequired");
          // Only spent invitations: they follow to the plain member role rather than vanish.
          target = (await builtInRoleIds(tx)).member;
        } else {
          const choices = await assignableRoles(tx, actor.churchId);
          if (moveToRoleId === roleId || !choices.some((role) => role.id === moveToRoleId)) {
            return refusal("moveTo", "forms:choose");
          }
          target = moveToRoleId;
        }
      }
      const hadAdministrator = await hasAdministrator(tx);
      if (target) {
        await tx.update(users).set({ roleId: target, updatedAt: new Date() }).where(eq(users.roleId, roleId));
        await tx.update(invitations).set({ roleId: target }).where(eq(invitations.roleId, roleId));
      }
      await tx.delete(roles).where(eq(roles.id, roleId));
      if (hadAdministrator && !(await hasAdministrator(tx))) throw new Refused(refusal("moveTo", "adminRoles:errors.lastAdmin"));
      await recordAudit(tx, {
        churchId: actor.churchId,
        actorUserId: actor.id,
        action: "role.deleted",
        recordType: "role",
        recordId: roleId,
        before: { name: before.name, permissions: before.permissions },
        after: {
          movedToRoleId: target,
          movedUserIds: holders.map((holder) => holder.id),
          movedInvitations: invited.length,
        },
        ...meta,
      });
      return { ok: true as const, movedUsers: holders.length, movedInvitations: invited.length };
    }),
  );
}
