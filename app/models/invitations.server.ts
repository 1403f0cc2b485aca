import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { churches, invitations, roles, users, type Invitation } from "~/db/schema.server";
import { acrossChurches, withChurch, type Tx } from "~/db/tenancy.server";
import { fields } from "~/utils/forms";
import { recordAudit } from "./audit.server";
import { sendInvitationMail } from "./invitation-mail.server";
import { AdminRefusal, assignableRole, requireWithinOwnRights, churchTimezone, dateIn, isUuid, type RoleLabel } from "./user-admin.server";
import type { RequestMeta } from "./users.server";

export const INVITATION_DAYS = 14;

const expiryFromNow = () => new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000);

/** Not accepted, not revoked, not expired: the only invitations sign-in honours. */
const pending = () =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()));

export type SentInvitation = Invitation & {
  /** False when the e-mail could not be sent (logged; the invitation stands, Resend can retry). */
  mailSent: boolean;
};

/**
 * Who is inviting, and whether the e-mail already belongs to an account.
 * Across churches on purpose: e-mails are unique over all churches, and the
 * inviter may be platform staff onboarding a church. Only a yes/no and the
 * inviter's own name leave this function.
 */
async function crossChurchFacts(actorId: string, email: string | null) {
  return acrossChurches(async (tx) => {
    const [inviter] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actorId));
    const [existing] = email
      ? await tx
          .select({ id: users.id })
          .from(users)
          .where(sql`lower(${users.email}) = ${email}`)
          .limit(1)
      : [];
    return { inviterName: inviter?.name ?? "Kapatiran", emailTaken: existing !== undefined };
  });
}

async function mailFacts(tx: Tx, churchId: string) {
  const [church] = await tx
    .select({ name: churches.name, timezone: churches.timezone })
    .from(churches)
    .where(eq(churches.id, churchId));
  return { churchName: church?.name ?? "", timezone: church?.timezone ?? "Asia/Manila" };
}

/**
 * Invite an e-mail into a church with a role. The first sign-in with that
 * e-mail within 14 days creates the user (see signInWithIdentity). The
 * invitation e-mail goes out after the commit. Throws AdminRefusal for a
 * malformed e-mail, one that already has an account (in any church: the
 * message does not say which), one already invited here, or a role this
 * church may not give.
 */
export async function inviteUser(
  actor: { id: string; churchId: string; permissions: readonly string[] },
  input: { email: string; roleId: string },
  meta: RequestMeta = {}
): Promise<SentInvitation> {
  const parsed = fields.email.safeParse(input.email);
  if (!parsed.success) throw new AdminRefusal(parsed.error.issues[0]?.message ?? "forms:email", "email");
  const email = parsed.data;
  const { inviterName, emailTaken } = await crossChurchFacts(actor.id, email);
  if (emailTaken) throw new AdminRefusal("adminUsers:errors.emailTaken", "email");

  const { invitation, churchName, timezone } = await withChurch(actor.churchId, async (tx) => {
    // One invitation per e-mail and church at a time, even for two admins clicking at once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invite:${actor.churchId}:${email}`}))`);
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.churchId, actor.churchId), sql`lower(${invitations.email}) = ${email}`, pending()));
    if (open) throw new AdminRefusal("adminUsers:errors.alreadyInvited", "email");
    const role = await assignableRole(tx, actor.churchId, input.roleId);
    if (!role) throw new AdminRefusal("adminUsers:errors.role", "roleId");
    requireWithinOwnRights(role, actor.permissions);

    const [created] = await tx
      .insert(invitations)
      .values({ churchId: actor.churchId, email, roleId: role.id, invitedBy: actor.id, expiresAt: expiryFromNow() })
      .returning();
    await recordAudit(tx, {
      churchId: actor.churchId,
      actorUserId: actor.id,
      action: "invitation.created",
      recordType: "invitation",
      recordId: created!.id,
      after: { email, roleId: role.id, role: role.name, expiresAt: created!.expiresAt.toISOString() },
      ...meta,
    });
    return { invitation: created!, ...(await mailFacts(tx, actor.churchId)) };
  });

  const mailSent = await sendInvitationMail({
    invitationId: invitation.id,
    email,
    churchName,
    inviterName,
    expiresOn: dateIn(timezone, invitation.expiresAt),
    days: INVITATION_DAYS,
  });
  return { ...invitation, mailSent };
}

/** A pending invitation of the actor's church, or a 404 refusal (unknown, accepted, revoked or expired). */
async function pendingInvitation(tx: Tx, churchId: string, invitationId: string): Promise<Invitation> {
  const [invitation] = isUuid(invitationId)
    ? await tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.id, invitationId), eq(invitations.churchId, churchId), pending()))
    : [];
  if (!invitation) throw new AdminRefusal("adminUsers:errors.invitationGone", "form", 404);
  return invitation;
}

/** Send a pending invitation again, good for another 14 days from now. */
export async function resendInvitation(
  actor: { id: string; churchId: string },
  invitationId: string,
  meta: RequestMeta = {}
): Promise<SentInvitation> {
  const { inviterName } = await crossChurchFacts(actor.id, null);
  const { invitation, churchName, timezone } = await withChurch(actor.churchId, async (tx) => {
    const before = await pendingInvitation(tx, actor.churchId, invitationId);
    const [renewed] = await tx
      .update(invitations)
      .set({ expiresAt: expiryFromNow() })
      .where(eq(invitations.id, before.id))
      .returning();
    await recordAudit(tx, {
      churchId: actor.churchId,
      actorUserId: actor.id,
      action: "invitation.resent",
      recordType: "invitation",
      recordId: before.id,
      before: { expiresAt: before.expiresAt.toISOString() },
      after: { email: before.email, expiresAt: renewed!.expiresAt.toISOString() },
      ...meta,
    });
    return { invitation: renewed!, ...(await mailFacts(tx, actor.churchId)) };
  });

  const mailSent = await sendInvitationMail({
    invitationId: invitation.id,
    email: invitation.email,
    churchName,
    inviterName,
    expiresOn: dateIn(timezone, invitation.expiresAt),
    days: INVITATION_DAYS,
  });
  return { ...invitation, mailSent };
}

/** Withdraw a pending invitation: that e-mail can no longer sign in through it. */
export async function revokeInvitation(
  actor: { id: string; churchId: string },
  invitationId: string,
  meta: RequestMeta = {}
): Promise<Invitation> {
  return withChurch(actor.churchId, async (tx) => {
    const before = await pendingInvitation(tx, actor.churchId, invitationId);
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(eq(invitations.id, before.id))
      .returning();
    await recordAudit(tx, {
      churchId: actor.churchId,
      actorUserId: actor.id,
      action: "invitation.revoked",
      recordType: "invitation",
      recordId: before.id,
      before: { revokedAt: null },
      after: { email: before.email, revokedAt: revoked!.revokedAt!.toISOString() },
      ...meta,
    });
    return revoked!;
  });
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: RoleLabel;
  /** Expiry date in the church's timezone (YYYY-MM-DD). */
  expiresOn: string;
}

/** The church's pending invitations, newest first. */
export async function listInvitations(churchId: string): Promise<PendingInvitation[]> {
  return withChurch(churchId, async (tx) => {
    const rows = await tx
      .select({
        id: invitations.id,
        email: invitations.email,
        expiresAt: invitations.expiresAt,
        roleKey: roles.key,
        roleName: roles.name,
        roleBuiltIn: roles.builtIn,
      })
      .from(invitations)
      .innerJoin(roles, eq(roles.id, invitations.roleId))
      .where(and(eq(invitations.churchId, churchId), pending()))
      .orderBy(desc(invitations.createdAt));
    const timezone = await churchTimezone(tx, churchId);
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: { key: row.roleKey, name: row.roleName, builtIn: row.roleBuiltIn },
      expiresOn: dateIn(timezone, row.expiresAt),
    }));
  });
}
