import { eq } from "drizzle-orm";
import { endAllSessions } from "~/auth/session.server";
import { users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { recordAudit } from "./audit.server";
import type { RequestMeta } from "./users.server";

/**
 * Turn a user off: they cannot sign in again, and every open session ends at
 * once. The audit entry is written in the same transaction as the change.
 * Returns false when there was nothing to do (unknown, already off, or in
 * another church than a church-level actor's).
 */
export async function deactivateUser(
  actor: { id: string; churchId: string | null },
  userId: string,
  meta: RequestMeta = {},
): Promise<boolean> {
  const changed = await acrossChurches(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before || before.status === "deactivated") return false;
    if (actor.churchId !== null && before.churchId !== actor.churchId) return false;
    await tx.update(users).set({ status: "deactivated", updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      churchId: before.churchId,
      actorUserId: actor.id,
      action: "user.deactivated",
      recordType: "user",
      recordId: userId,
      before: { status: before.status },
      after: { status: "deactivated" },
      ...meta,
    });
    return true;
  });
  // After the commit: a session store in Redis is outside the transaction.
  if (changed) await endAllSessions(userId);
  return changed;
}
