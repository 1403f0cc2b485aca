import { can, type Actor } from "~/auth/permissions";
import { PRIVATE_FIELDS, type PrivacyChoices, type PrivacyLevel, type PrivateField } from "~/db/schema.server";

/**
 * The one privacy policy. Every output of member data — directory list, card,
 * print view, CSV export, JSON — asks `visibleFields` which fields the viewer
 * may see, and shows nothing else.
 *
 * Levels a member chooses per field:
 *   church  — every signed-in member of the same church
 *   leaders — leaders of the member's groups, and church admins
 *   admins  — church admins only
 *   hidden  — nobody but the member (admins only through an explicit, audited view)
 */

export interface Viewer extends Actor {
  /** Groups this viewer leads (a leader sees `leaders` fields of their members). */
  ledGroupIds: readonly string[];
}

export interface MemberPrivacy {
  churchId: string;
  userId: string | null;
  privacy: PrivacyChoices;
  listed: boolean;
  groupIds: readonly string[];
}

export function visibleFields(viewer: Viewer, member: MemberPrivacy): Set<PrivateField> {
  const visible = new Set<PrivateField>();
  if (viewer.churchId === null || viewer.churchId !== member.churchId) return visible;
  if (member.userId !== null && member.userId === viewer.id) return new Set(PRIVATE_FIELDS);
  const reach = reachOf(viewer, member);
  for (const field of PRIVATE_FIELDS) {
    if (reach.includes(member.privacy[field])) visible.add(field);
  }
  return visible;
}

/** Which levels this viewer reaches for this member. */
function reachOf(viewer: Viewer, member: MemberPrivacy): PrivacyLevel[] {
  if (!can(viewer, "view:directory")) return [];
  const isAdmin = viewer.role === "church_admin";
  const leadsTheirGroup =
    can(viewer, "view:leaders-fields:group") && member.groupIds.some((id) => viewer.ledGroupIds.includes(id));
  const levels: PrivacyLevel[] = ["church"];
  if (isAdmin || leadsTheirGroup) levels.push("leaders");
  if (isAdmin) levels.push("admins");
  return levels;
}

/**
 * Whether the member appears in the directory for this viewer at all: they
 * are listed (or it is their own entry, or an admin looks) and the viewer may
 * see their name.
 */
export function isListedFor(viewer: Viewer, member: MemberPrivacy): boolean {
  const fields = visibleFields(viewer, member);
  if (!fields.has("name")) return false;
  const own = member.userId !== null && member.userId === viewer.id;
  return member.listed || own || viewer.role === "church_admin";
}
