import { isNull } from "drizzle-orm";
import type { BuiltInRoleKey } from "~/auth/permissions";
import { roles } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";

/** Ids of the built-in roles (rows made by migration 0003), by key. */
export async function builtInRoleIds(tx: Tx): Promise<Record<BuiltInRoleKey, string>> {
  const rows = await tx.select({ id: roles.id, key: roles.key }).from(roles).where(isNull(roles.churchId));
  const ids = Object.fromEntries(rows.map((row) => [row.key, row.id]));
  for (const key of ["member", "group_leader", "church_admin", "support_staff", "platform_admin"] as const) {
    if (!ids[key]) throw new Error(`Built-in role ${key} is missing: run the migrations`);
  }
  return ids as Record<BuiltInRoleKey, string>;
}
