import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { roles, users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { recordAudit } from "./audit.server";

/**
 * Platform staff (no church) added from the box's command line: the only way
 * in for the first platform administrator of a new installation, since
 * everyone else arrives by an invitation someone already inside sends. The
 * account is signed into with Google like any other; this only says who may.
 */

export const PLATFORM_ROLES = ["platform_admin", "support_staff"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export type AddStaffOutcome = { ok: true; userId: string } | { ok: false; reason: "exists" | "invalid-email" };

export async function addPlatformStaff(
  input: { email: string; displayName: string; role: PlatformRole; addedBy: string },
  database?: Database,
): Promise<AddStaffOutcome> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, reason: "invalid-email" };
  return acrossChurches(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));
    if (existing) return { ok: false, reason: "exists" } as const;
    const [role] = await tx
      .select({ id: roles.id })
      .from(roles)
      .where(and(eq(roles.key, input.role), isNull(roles.churchId), eq(roles.builtIn, true)));
    if (!role) throw new Error(`the built-in role ${input.role} is missing: run the migrations first`);
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: input.displayName.trim() || email, roleId: role.id, churchId: null })
      .returning({ id: users.id });
    await recordAudit(tx, {
      churchId: null,
      actorUserId: null,
      action: "user.added_from_command_line",
      recordType: "user",
      recordId: user!.id,
      after: { role: input.role, addedBy: input.addedBy },
    });
    return { ok: true, userId: user!.id } as const;
  }, database);
}
