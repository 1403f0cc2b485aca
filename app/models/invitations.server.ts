import { invitations } from "~/db/schema.server";
import { withChurch } from "~/db/tenancy.server";
import { recordAudit } from "./audit.server";
import type { RequestMeta } from "./users.server";

export const INVITATION_DAYS = 14;

/**
 * Invite an e-mail into a church with a role. The first sign-in with that
 * e-mail within 14 days creates the user (see signInWithIdentity). Sending
 * the e-mail and the admin screen come with administration.
 */
export async function inviteUser(
  actor: { id: string; churchId: string },
  input: { email: string; roleId: string },
  meta: RequestMeta = {},
) {
  const email = input.email.trim().toLowerCase();
  return withChurch(actor.churchId, async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        churchId: actor.churchId,
        email,
        roleId: input.roleId,
        invitedBy: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000),
      })
      .returning();
    await recordAudit(tx, {
      churchId: actor.churchId,
      actorUserId: actor.id,
      action: "invitation.created",
      recordType: "invitation",
      recordId: invitation!.id,
      after: { email, roleId: input.roleId },
      ...meta,
    });
    return invitation!;
  });
}
