import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Permission } from "~/auth/permissions";
import { churches, invitations, roles, users, type User } from "~/db/schema.server";
import { acrossChurches, readingAcrossChurches, type Tx } from "~/db/tenancy.server";
import { cachedAt, generationOf, keptCopy } from "~/utils/cache.server";
import { recordAudit } from "./audit.server";

/** The signed-in person as every loader sees them, with what their role lets them do. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: { id: string; key: string; name: string; builtIn: boolean };
  permissions: Permission[];
  locale: string;
  churchId: string | null;
  churchName: string | null;
  churchSlug: string | null;
}

export async function findCurrentUser(userId: string): Promise<CurrentUser | null> {
  // The "accounts" generation known and the user cached (ADR 014): no transaction at all.
  const kept = await keptCopy<CurrentUser>("accounts", `user:${userId}`);
  if (kept) return kept;
  // Before a church is chosen: across churches, by primary key only.
  return readingAcrossChurches(async (tx) => cachedCurrentUserIn(tx, userId, await generationOf(tx, "accounts")));
}

// Only bounds memory: the "accounts" generation is what retires a changed user at once.
const CURRENT_USER_TTL_SECONDS = 600;

/**
 * The permission lookup every signed-in request makes, through the shared
 * cache: filed under the "accounts" generation (read by the caller, in `tx`),
 * which a trigger bumps in the very transaction that deactivates a user,
 * changes their role or a role's permissions (migration 0019). So a revoked
 * user is refused on their next request, as without the cache; an inactive
 * user is never cached (null is not kept) and is looked up every time.
 */
export function cachedCurrentUserIn(tx: Tx, userId: string, accountsGeneration: number): Promise<CurrentUser | null> {
  return cachedAt("accounts", accountsGeneration, `user:${userId}`, CURRENT_USER_TTL_SECONDS, () => currentUserIn(tx, userId));
}

/** `findCurrentUser` inside a transaction across churches that the caller holds. */
export async function currentUserIn(tx: Tx, userId: string): Promise<CurrentUser | null> {
  const [row] = await tx
    .select({ user: users, role: roles, churchName: churches.name, churchSlug: churches.slug })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .leftJoin(churches, eq(churches.id, users.churchId))
    .where(and(eq(users.id, userId), eq(users.status, "active")));
  if (!row) return null;
  const { user, role } = row;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: { id: role.id, key: role.key, name: role.name, builtIn: role.builtIn },
    permissions: role.permissions,
    locale: user.locale,
    churchId: user.churchId,
    churchName: row.churchName,
    churchSlug: row.churchSlug,
  };
}

/** What the identity provider vouched for, after the ID token was verified. */
export interface SignInIdentity {
  sub: string;
  email: string;
  emailVerified: boolean;
  googleId: string | null;
  name: string | null;
}

export type SignInOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "unverified_email" | "uninvited" | "deactivated" | "account_conflict" };

export interface RequestMeta {
  requestId?: string;
  ipAddress?: string;
}

/**
 * Who may sign in: a user already linked to this Cognito `sub`; else a user
 * row waiting for its first sign-in under this e-mail (demo accounts, platform
 * staff); else an open invitation for the e-mail, which creates the user.
 * Anyone else gets no account. Deactivated users are refused.
 */
export async function signInWithIdentity(identity: SignInIdentity, meta: RequestMeta = {}): Promise<SignInOutcome> {
  if (!identity.emailVerified) return { ok: false, reason: "unverified_email" };
  const email = identity.email.trim().toLowerCase();

  return acrossChurches(async (tx) => {
    const [linked] = await tx.select().from(users).where(eq(users.cognitoSub, identity.sub));
    if (linked) return finish(tx, linked, identity);

    const [byEmail] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    if (byEmail) {
      // Same e-mail, different Google account: never take over a linked user.
      if (byEmail.cognitoSub && byEmail.cognitoSub !== identity.sub) return { ok: false, reason: "account_conflict" };
      return finish(tx, byEmail, identity);
    }

    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(
        and(
          sql`lower(${invitations.email}) = ${email}`,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .orderBy(sql`${invitations.createdAt} desc`)
      .limit(1);
    if (!invitation) return { ok: false, reason: "uninvited" };

    const [created] = await tx
      .insert(users)
      .values({
        churchId: invitation.churchId,
        email,
        displayName: identity.name ?? email.split("@")[0] ?? email,
        roleId: invitation.roleId,
        status: "active",
        cognitoSub: identity.sub,
        googleId: identity.googleId,
        lastSignInAt: new Date(),
      })
      .returning();
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: created!.id })
      .where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      churchId: invitation.churchId,
      actorUserId: created!.id,
      action: "invitation.accepted",
      recordType: "user",
      recordId: created!.id,
      after: { email, roleId: invitation.roleId },
      ...meta,
    });
    return { ok: true, userId: created!.id };
  });
}

async function finish(tx: Tx, user: User, identity: SignInIdentity): Promise<SignInOutcome> {
  if (user.status !== "active") return { ok: false, reason: "deactivated" };
  await tx
    .update(users)
    .set({ cognitoSub: identity.sub, googleId: identity.googleId ?? user.googleId, lastSignInAt: new Date() })
    .where(eq(users.id, user.id));
  return { ok: true, userId: user.id };
}
