import { and, eq } from "drizzle-orm";
import { groupMemberships, members, PRIVACY_LEVELS, type PrivacyChoices, type PrivacyLevel } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { visibleFields } from "~/privacy/policy";
import { recordAudit } from "./audit.server";
import { followLeadership } from "./group-leaders.server";
import { memberRecordIn, type AdminViewer } from "./members-admin.server";
import { AdminRefusal } from "./user-admin.server";
import type { RequestMeta } from "./users.server";

/**
 * Merge a duplicate into the member kept: the kept record's empty fields are
 * filled from the duplicate, the duplicate's groups and sign-in account move
 * over, and the duplicate is removed (soft delete). One transaction.
 *
 * A value moved from the duplicate keeps the stricter of the two privacy
 * choices, so merging never shows a detail more widely than its owner chose.
 * The audit entry names such a value only where this administrator may see it.
 */

const FILLED = ["phone", "email", "address", "birthday"] as const;
const WITHHELD = "(not visible to you)";

function stricter(a: PrivacyLevel, b: PrivacyLevel): PrivacyLevel {
  return PRIVACY_LEVELS.indexOf(a) >= PRIVACY_LEVELS.indexOf(b) ? a : b;
}

export async function mergeMembers(viewer: AdminViewer, keepId: string, otherId: string, meta: RequestMeta = {}) {
  const churchId = viewer.churchId;
  return withChurch(churchId, async (tx) => {
    const keep = await memberRecordIn(tx, keepId);
    if (!keep) throw new AdminRefusal("forms:choose", "form", 404);
    const other = await memberRecordIn(tx, otherId);
    if (other?.id === keep.id) throw new AdminRefusal("adminMembers:merge.errors.same", "otherId");
    // Another church's member, or one removed meanwhile: not something this page offered.
    if (!other) throw new AdminRefusal("forms:choose", "otherId", 404);
    if (keep.userId && other.userId) throw new AdminRefusal("adminMembers:merge.errors.twoAccounts", "otherId");

    const privacy: PrivacyChoices = { ...keep.privacy };
    const changes: Partial<typeof members.$inferInsert> = {};
    for (const field of FILLED) {
      if (!keep[field] && other[field]) {
        changes[field] = other[field];
        privacy[field] = stricter(keep.privacy[field], other.privacy[field]);
      }
    }
    if (!keep.photoKey && other.photoKey) {
      changes.photoKey = other.photoKey;
      privacy.photo = stricter(keep.privacy.photo, other.privacy.photo);
    }
    if (!keep.householdId && other.householdId) changes.householdId = other.householdId;
    const linkAccount = !keep.userId && other.userId ? other.userId : null;
    const now = new Date();

    // The duplicate lets go of its account first: a user is linked to one member at most.
    await tx
      .update(members)
      .set({ deletedAt: now, updatedAt: now, ...(linkAccount ? { userId: null } : {}) })
      .where(eq(members.id, other.id));
    await tx
      .update(members)
      .set({
        ...changes,
        privacy,
        listed: keep.listed && other.listed,
        ...(linkAccount ? { userId: linkAccount } : {}),
        updatedAt: now,
      })
      .where(eq(members.id, keep.id));
    const movedGroups = await moveMemberships(tx, keep.id, other.id);
    await followLeadership(tx, { id: viewer.id, churchId }, keep.id, meta);

    // Name a value in the trail only where this administrator may see it.
    const merged = { ...keep, ...changes, privacy, userId: linkAccount ?? keep.userId };
    const visible = visibleFields(viewer, merged);
    const shown = (field: (typeof FILLED)[number], value: unknown) => (visible.has(field) ? value : WITHHELD);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of FILLED) {
      if (field in changes) {
        before[field] = null;
        after[field] = shown(field, changes[field]);
      }
    }
    if (changes.photoKey) after.photo = true;
    if (changes.householdId) {
      before.householdId = null;
      after.householdId = changes.householdId;
    }
    if (linkAccount) {
      before.userId = null;
      after.userId = linkAccount;
    }
    await recordAudit(tx, {
      churchId,
      actorUserId: viewer.id,
      action: "member.merged",
      recordType: "member",
      recordId: keep.id,
      before,
      after: { ...after, mergedMemberId: other.id, movedGroupIds: movedGroups },
      ...meta,
    });
    await recordAudit(tx, {
      churchId,
      actorUserId: viewer.id,
      action: "member.merged",
      recordType: "member",
      recordId: other.id,
      before: { deletedAt: null },
      after: { deletedAt: now.toISOString(), mergedIntoMemberId: keep.id },
      ...meta,
    });
    return { filled: Object.keys(changes).length, movedGroups: movedGroups.length, linkedAccount: linkAccount !== null };
  });
}

/**
 * The duplicate's group memberships to the kept member, no group twice; a
 * leader in either record is a leader of the merged one.
 */
async function moveMemberships(tx: Tx, keepId: string, otherId: string) {
  const theirs = await tx.select().from(groupMemberships).where(eq(groupMemberships.memberId, otherId));
  const ours = await tx.select().from(groupMemberships).where(eq(groupMemberships.memberId, keepId));
  const moved: string[] = [];
  for (const membership of theirs) {
    const mine = ours.find((m) => m.groupId === membership.groupId);
    if (mine) {
      if (membership.role === "leader" && mine.role !== "leader") {
        await tx
          .update(groupMemberships)
          .set({ role: "leader" })
          .where(and(eq(groupMemberships.groupId, mine.groupId), eq(groupMemberships.memberId, keepId)));
      }
      await tx
        .delete(groupMemberships)
        .where(and(eq(groupMemberships.groupId, membership.groupId), eq(groupMemberships.memberId, otherId)));
    } else {
      await tx
        .update(groupMemberships)
        .set({ memberId: keepId })
        .where(and(eq(groupMemberships.groupId, membership.groupId), eq(groupMemberships.memberId, otherId)));
      moved.push(membership.groupId);
    }
  }
  return moved;
}
