import { and, count, eq } from "drizzle-orm";
import { BUILT_IN_ROLES } from "~/auth/permissions";
import { groupMemberships, members, roles, users } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";
import { recordAudit } from "./audit.server";
import { builtInRoleIds } from "./roles.server";
import type { RequestMeta } from "./users.server";

/**
 * The built-in `group_leader` role follows leadership (docs/decisions/006):
 * a user whose role is plain `member` becomes `group_leader` when they start
 * leading a group, and goes back to `member` when they lead none. Any other
 * role (an administrator, a church's own role) is the administrator's choice
 * and is left alone. Runs in the caller's transaction, after the change to
 * the memberships, so the count below already includes it.
 */
export async function followLeadership(
  tx: Tx,
  actor: { id: string; churchId: string },
  memberId: string,
  meta: RequestMeta,
): Promise<void> {
  const [account] = await tx
    .select({ userId: users.id, roleId: users.roleId, roleKey: roles.key, roleName: roles.name, builtIn: roles.builtIn })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(eq(members.id, memberId));
  if (!account || !account.builtIn) return;

  const [led] = await tx
    .select({ n: count() })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.memberId, memberId), eq(groupMemberships.role, "leader")));
  const leads = (led?.n ?? 0) > 0;
  const ids = await builtInRoleIds(tx);
  const next =
    leads && account.roleKey === "member"
      ? ("group_leader" as const)
      : !leads && account.roleKey === "group_leader"
        ? ("member" as const)
        : null;
  if (!next) return;

  await tx.update(users).set({ roleId: ids[next], updatedAt: new Date() }).where(eq(users.id, account.userId));
  await recordAudit(tx, {
    churchId: actor.churchId,
    actorUserId: actor.id,
    action: "user.role_changed",
    recordType: "user",
    recordId: account.userId,
    // Same shape as a role change made on the users page (user-admin.server.ts), plus why.
    before: { roleId: account.roleId, role: account.roleName },
    after: { roleId: ids[next], role: BUILT_IN_ROLES[next].name, because: leads ? "leads a group" : "leads no group" },
    ...meta,
  });
}
