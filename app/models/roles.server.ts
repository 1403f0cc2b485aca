import { asc, isNull } from "drizzle-orm";
import { BUILT_IN_ROLES, type BuiltInRoleKey } from "~/auth/permissions";
import { roles } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";

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
  return withChurch(churchId, async (tx) => {
    const rows = await tx
      .select({ id: roles.id, key: roles.key, name: roles.name, builtIn: roles.builtIn, churchId: roles.churchId })
      .from(roles)
      .orderBy(asc(roles.builtIn), asc(roles.name));
    return rows
      .filter((row) => row.churchId === churchId || CHURCH_ROLE_KEYS.includes(row.key))
      .map(({ churchId: _church, ...role }) => role)
      .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
  });
}

const CHURCH_ROLE_KEYS: string[] = Object.entries(BUILT_IN_ROLES)
  .filter(([, role]) => role.level === "church")
  .map(([key]) => key);
