import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { can, type Permission } from "~/auth/permissions";
import { auditLog, churches, groups, invitations, members, roles, users } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import type { CurrentUser } from "./users.server";

/**
 * The getting-started checklist of a new church's administrator, on /admin.
 * Nothing here is ticked by hand: each step is read from the church's own
 * data every time, so it is done when the work is done (and undone if it is
 * undone, e.g. the second administrator leaves).
 */

export const ONBOARDING_STEPS = ["inviteAdmin", "importMembers", "reviewPrivacy", "addGroups"] as const;
export type OnboardingStepKey = (typeof ONBOARDING_STEPS)[number];

/** Where each step is done, the permission that opens that page, and its help article (slugs of migration 0012). */
const STEP_PAGES: Record<OnboardingStepKey, { href: string; permission: Permission; help: string }> = {
  inviteAdmin: { href: "/admin/users", permission: "manage:users", help: "managing-users-and-roles" },
  importMembers: { href: "/admin/members/import", permission: "import:members", help: "importing-members" },
  reviewPrivacy: { href: "/admin/settings", permission: "manage:settings", help: "church-settings" },
  addGroups: { href: "/admin/groups", permission: "manage:groups", help: "groups-and-leaders" },
};

/**
 * A church that already keeps this many member records (typed in one by one)
 * has nothing left worth importing: the step counts as done without an import.
 */
export const MEMBERS_WITHOUT_IMPORT = 50;

export interface OnboardingStep {
  key: OnboardingStepKey;
  done: boolean;
  /** The page where the step is done; null when this administrator's role may not open it. */
  href: string | null;
  helpSlug: string;
}

export interface OnboardingChecklist {
  steps: OnboardingStep[];
  doneCount: number;
  allDone: boolean;
}

/** Who sees the checklist: those who set a church up (users or settings). */
export function seesOnboarding(user: Pick<CurrentUser, "id" | "churchId" | "permissions">): boolean {
  return user.churchId !== null && (can(user, "manage:settings") || can(user, "manage:users"));
}

export async function onboardingChecklist(
  viewer: Pick<CurrentUser, "id" | "churchId" | "permissions"> & { churchId: string }
): Promise<OnboardingChecklist> {
  const done = await withChurch(viewer.churchId, async (tx) => ({
    inviteAdmin: await hasAnotherAdministrator(tx, viewer.churchId, viewer.id),
    importMembers: await hasImportedMembers(tx, viewer.churchId),
    reviewPrivacy: await privacyReviewed(tx, viewer.churchId),
    addGroups: await hasGroups(tx, viewer.churchId),
  }));
  const steps = ONBOARDING_STEPS.map((key) => ({
    key,
    done: done[key],
    href: can(viewer, STEP_PAGES[key].permission) ? STEP_PAGES[key].href : null,
    helpSlug: STEP_PAGES[key].help,
  }));
  const doneCount = steps.filter((step) => step.done).length;
  return { steps, doneCount, allDone: doneCount === steps.length };
}

/** Another active church administrator than the viewer, or an open invitation to become one. */
async function hasAnotherAdministrator(tx: Tx, churchId: string, viewerId: string): Promise<boolean> {
  const adminRole = and(eq(roles.key, "church_admin"), eq(roles.builtIn, true));
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.churchId, churchId), eq(users.status, "active"), ne(users.id, viewerId), adminRole))
    .limit(1);
  if (other) return true;
  const [invited] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(roles, eq(roles.id, invitations.roleId))
    .where(
      and(
        eq(invitations.churchId, churchId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
        adminRole
      )
    )
    .limit(1);
  return invited !== undefined;
}

/**
 * An import that added or updated members (its audit entry, the same one the
 * import's result page reads), or a church already big enough without one.
 */
async function hasImportedMembers(tx: Tx, churchId: string): Promise<boolean> {
  const [imported] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.churchId, churchId),
        eq(auditLog.action, "members.imported"),
        sql`coalesce((${auditLog.after}->>'created')::int, 0) + coalesce((${auditLog.after}->>'updated')::int, 0) > 0`
      )
    )
    .limit(1);
  if (imported) return true;
  // Counting stops at the threshold: a church of 10,000 costs no more than one of 50.
  const some = tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.churchId, churchId), isNull(members.deletedAt)))
    .limit(MEMBERS_WITHOUT_IMPORT)
    .as("some_members");
  const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(some);
  return Number(row?.count ?? 0) >= MEMBERS_WITHOUT_IMPORT;
}

async function privacyReviewed(tx: Tx, churchId: string): Promise<boolean> {
  const [church] = await tx
    .select({ reviewedAt: churches.privacyReviewedAt })
    .from(churches)
    .where(eq(churches.id, churchId));
  return church?.reviewedAt != null;
}

async function hasGroups(tx: Tx, churchId: string): Promise<boolean> {
  const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.churchId, churchId)).limit(1);
  return group !== undefined;
}
