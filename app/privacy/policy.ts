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
 *
 * Who reaches a level is said by permissions, not role names, so a church's
 * custom role ("Pastoral care": `view:leaders-fields:any`) works the same way.
 */

export interface Viewer extends Actor {
  /** Groups this viewer leads: leading a group reaches the `leaders` fields of its members. */
  ledGroupIds: readonly string[];
}

export interface MemberPrivacy {
  churchId: string;
  userId: string | null;
  privacy: PrivacyChoices;
  listed: boolean;
  groupIds: readonly string[];
}

/** Levels the viewer reaches for every member of their church, whatever the groups. */
export function levelsForAnyMember(viewer: Actor): PrivacyLevel[] {
  if (!can(viewer, "view:directory")) return [];
  const levels: PrivacyLevel[] = ["church"];
  if (can(viewer, "view:leaders-fields:any")) levels.push("leaders");
  if (can(viewer, "view:admins-fields:any")) levels.push("admins");
  return levels;
}

/** Whether the viewer leads one of the member's groups (and may use that). */
export function leadsGroupOf(viewer: Viewer, member: Pick<MemberPrivacy, "groupIds">): boolean {
  return can(viewer, "view:directory") && member.groupIds.some((id) => viewer.ledGroupIds.includes(id));
}

export function visibleFields(viewer: Viewer, member: MemberPrivacy): Set<PrivateField> {
  const visible = new Set<PrivateField>();
  if (viewer.churchId === null || viewer.churchId !== member.churchId) return visible;
  if (isOwnRecord(viewer, member)) return new Set(PRIVATE_FIELDS);
  const reach = levelsForAnyMember(viewer);
  if (leadsGroupOf(viewer, member) && !reach.includes("leaders")) reach.push("leaders");
  for (const field of PRIVATE_FIELDS) {
    if (reach.includes(member.privacy[field])) visible.add(field);
  }
  return visible;
}

/** Who sees members who opted out of the directory: the member, and those who manage members. */
export function seesUnlisted(viewer: Actor): boolean {
  return can(viewer, "manage:members");
}

/**
 * Whether the member appears in the directory for this viewer at all: listed
 * (or it is their own entry, or the viewer manages members) and the viewer
 * may see their name.
 */
export function isListedFor(viewer: Viewer, member: MemberPrivacy): boolean {
  if (!visibleFields(viewer, member).has("name")) return false;
  return member.listed || isOwnRecord(viewer, member) || seesUnlisted(viewer);
}

function isOwnRecord(viewer: Viewer, member: MemberPrivacy) {
  return member.userId !== null && member.userId === viewer.id;
}

/** A member's record as stored, with everything the policy may withhold. */
export interface MemberRecord extends MemberPrivacy {
  id: string;
  givenName: string;
  familyName: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  birthday: string | null;
  photoKey: string | null;
}

/** What a viewer may see of a member: absent keys were withheld. */
export interface VisibleMember {
  id: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  phone?: string;
  email?: string;
  address?: string;
  birthday?: string;
  hasPhoto?: boolean;
  /** The random part of the photo's key, for its URL (`?v=`): set only with `hasPhoto`. */
  photoVersion?: string;
}

/**
 * The member as this viewer may see them. Every output of member data is
 * built from this object and nothing else, so nothing can show a field the
 * policy withholds (tests/unit/privacy-policy.test.ts checks it on random data).
 */
export function visibleMember(viewer: Viewer, member: MemberRecord): VisibleMember {
  const fields = visibleFields(viewer, member);
  const shown: VisibleMember = { id: member.id };
  if (fields.has("name")) {
    shown.name = `${member.givenName} ${member.familyName}`;
    shown.givenName = member.givenName;
    shown.familyName = member.familyName;
  }
  if (fields.has("phone") && member.phone) shown.phone = member.phone;
  if (fields.has("email") && member.email) shown.email = member.email;
  if (fields.has("address") && member.address) shown.address = member.address;
  if (fields.has("birthday") && member.birthday) shown.birthday = member.birthday;
  if (fields.has("photo") && member.photoKey) {
    shown.hasPhoto = true;
    // The last segment of the key (photos/<church>/<member>/<random>): a new photo, a new URL.
    shown.photoVersion = member.photoKey.slice(member.photoKey.lastIndexOf("/") + 1);
  }
  return shown;
}
