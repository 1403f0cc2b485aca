import { eq } from "drizzle-orm";
import { endAllSessions } from "~/auth/session.server";
import { roles, users } from "~/db/schema.server";
import { acrossChurches, withChurch, type Tx } from "~/db/tenancy.server";
import { recordAudit } from "./audit.server";
import { AdminRefusal, isUuid, keepAnAdministrator, lockChurchAdministrators } from "./user-admin.server";
import type { RequestMeta } from "./users.server";

type Actor = { id: string; churchId: string | null };

/** A church-level actor works inside their church; a platform actor across churches. */
const scopeOf = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) =>
  actor.churchId === null ? acrossChurches(work) : withChurch(actor.churchId, work);

export interface StatusOptions {
  /**
   * The rules of the administration pages: refuse turning off one's own
   * account and the church's last active church administrator. Off for
   * system paths (e.g. a person closing their own account).
   */
  enforceAdminRules?: boolean;
}

/**
 * Turn a user off: they cannot sign in again, and every open session ends at
 * once. The audit entry is written in the same transaction as the change.
 * Returns false when there was nothing to do (unknown, already off, or in
 * another church than a church-level actor's). Throws AdminRefusal when
 * `enforceAdminRules` forbids the change.
 */
export async function deactivateUser(
  actor: Actor,
  userId: string,
  meta: RequestMeta = {},
  options: StatusOptions = {}
): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const changed = await scopeOf(actor, async (tx) => {
    const [before] = await tx
      .select({ user: users, roleKey: roles.key, roleBuiltIn: roles.builtIn })
      .from(users)
      .innerJoin(roles, eq(roles.id, users.roleId))
      .where(eq(users.id, userId));
    if (!before || before.user.status === "deactivated") return false;
    const churchId = before.user.churchId;
    if (actor.churchId !== null && churchId !== actor.churchId) return false;
    if (options.enforceAdminRules) {
      if (userId === actor.id) throw new AdminRefusal("adminUsers:errors.selfStatus");
      if (churchId && before.roleKey === "church_admin" && before.roleBuiltIn) {
        await lockChurchAdministrators(tx, churchId);
        await keepAnAdministrator(tx, churchId, userId);
      }
    }
    await tx.update(users).set({ status: "deactivated", updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      churchId,
      actorUserId: actor.id,
      action: "user.deactivated",
      recordType: "user",
      recordId: userId,
      before: { status: before.user.status },
      after: { status: "deactivated" },
      ...meta,
    });
    return true;
  });
  // After the commit: a session store in Redis is outside the transaction.
  if (changed) await endAllSessions(userId);
  return changed;
}

/**
 * Let a deactivated user sign in again (they start with no session). Returns
 * false when there was nothing to do (unknown, already active, or in another
 * church than a church-level actor's).
 */
export async function reactivateUser(actor: Actor, userId: string, meta: RequestMeta = {}): Promise<boolean> {
  if (!isUuid(userId)) return false;
  return scopeOf(actor, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before || before.status === "active") return false;
    if (actor.churchId !== null && before.churchId !== actor.churchId) return false;
    await tx.update(users).set({ status: "active", updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      churchId: before.churchId,
      actorUserId: actor.id,
      action: "user.reactivated",
      recordType: "user",
      recordId: userId,
      before: { status: before.status },
      after: { status: "active" },
      ...meta,
    });
    return true;
  });
}
