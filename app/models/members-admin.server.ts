import { and, asc, count, eq, inArray, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { groupMemberships, groups, households, members } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { visibleFields, visibleMember, type MemberRecord, type Viewer, type VisibleMember } from "~/privacy/policy";
import { recordAudit } from "./audit.server";
import { byVisibleName, nameVisible, RECORD, withGroupIds } from "./member-records.server";
import { matching, viewerFor } from "./directory.server";
import { followLeadership } from "./group-leaders.server";
import { householdForChoice, householdChoice, type HouseholdChoiceInput } from "./households.server";
import { profileSchema } from "./profile.server";
import { isUuid } from "./roles.server";
import type { CurrentUser, RequestMeta } from "./users.server";

/**
 * The church's member records as administrators (`manage:members`) keep
 * them: every member, listed or not, but each seen only through the privacy
 * policy — a field the member hid is "hidden by the member" here too, and
 * cannot be edited. Merging duplicates is in member-merge.server.ts.
 */

export const MEMBERS_PER_PAGE = 50;

/** The details an administrator edits, each under the privacy field that guards it. */
export const EDITABLE = ["name", "phone", "email", "address", "birthday"] as const;
export type EditableField = (typeof EDITABLE)[number];
/** visible: shown and editable; hidden: the member chose "only me"; withheld: beyond this viewer's reach. */
export type FieldAccess = "visible" | "hidden" | "withheld";

export type AdminViewer = Viewer & { churchId: string };

/** The signed-in administrator as the privacy policy sees them; platform staff (no church) get a 403. */
export async function adminViewerFor(user: CurrentUser): Promise<AdminViewer> {
  if (!user.churchId) throw new Response("Forbidden: no church", { status: 403 });
  return { ...(await viewerFor(user)), churchId: user.churchId };
}

export interface MemberListEntry extends VisibleMember {
  householdName: string | null;
  listed: boolean;
  /** Whether a withheld name is withheld because the member chose "only me" (else: this viewer's role). */
  nameHidden: boolean;
}

export interface MemberListPage {
  entries: MemberListEntry[];
  page: number;
  pageCount: number;
  total: number;
  q: string;
}

/** The contact details the members list shows beside each name. */
const LIST_FIELDS: readonly EditableField[] = ["email", "phone"];

/**
 * One page of the members list: every member of the church (removed ones
 * aside, and `except` if given), 50 a page, by family name; `q` searches names.
 * With `recordView` (the page's loader), a page showing `admins`-level details
 * is one access event naming whose and which ("members.viewed_private_fields"),
 * like opening a record; `shows` names the details the page puts beside each
 * name (the members list shows e-mail and phone, the merge search e-mail and birthday).
 */
export async function listMembers(
  viewer: AdminViewer,
  query: { q?: string; page?: number; except?: string } = {},
  options: { recordView?: RequestMeta; shows?: readonly EditableField[] } = {},
): Promise<MemberListPage> {
  const q = (query.q ?? "").trim().slice(0, 100);
  const wanted = Number.isInteger(query.page) && query.page! > 0 ? query.page! : 1;
  const shows = options.shows ?? LIST_FIELDS;
  return withChurch(viewer.churchId, async (tx) => {
    const where = and(
      isNull(members.deletedAt),
      query.except && isUuid(query.except) ? ne(members.id, query.except) : undefined,
      q ? and(matching(q), nameVisible(viewer)) : undefined,
    );
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(members).where(where);
    const pageCount = Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE));
    const page = Math.min(wanted, pageCount);
    const rows = await tx
      .select({ ...RECORD, householdName: households.name })
      .from(members)
      .leftJoin(households, eq(households.id, members.householdId))
      .where(where)
      .orderBy(...byVisibleName(viewer))
      .limit(MEMBERS_PER_PAGE)
      .offset((page - 1) * MEMBERS_PER_PAGE);
    const records = await withGroupIds(tx, rows);
    const privateShown = options.recordView
      ? records.flatMap((record) => {
          const fields = privateFieldsShown(viewer, record).filter((field) => shows.includes(field));
          return fields.length > 0 ? [{ memberId: record.id, fields }] : [];
        })
      : [];
    if (privateShown.length > 0) {
      await recordAudit(tx, {
        churchId: viewer.churchId,
        actorUserId: viewer.id,
        action: "members.viewed_private_fields",
        recordType: "member",
        recordId: null,
        after: { members: privateShown },
        ...options.recordView,
      });
    }
    const entries = records.map((record) => ({
      ...visibleMember(viewer, record),
      householdName: record.householdName,
      listed: record.listed,
      nameHidden: record.privacy.name === "hidden",
    }));
    return { entries, page, pageCount, total, q };
  });
}

export interface MemberDetail {
  member: VisibleMember;
  access: Record<EditableField, FieldAccess>;
  listed: boolean;
  hasAccount: boolean;
  household: { id: string; name: string } | null;
  groups: { id: string; name: string }[];
}

/** What the viewer may know of each editable field of this member. */
export function accessOf(viewer: Viewer, record: Parameters<typeof visibleFields>[1]): Record<EditableField, FieldAccess> {
  const visible = visibleFields(viewer, record);
  return Object.fromEntries(
    EDITABLE.map((field) => [field, visible.has(field) ? "visible" : record.privacy[field] === "hidden" ? "hidden" : "withheld"]),
  ) as Record<EditableField, FieldAccess>;
}

/** The current record (with groups), or null for a removed member or another church's id. */
export async function memberRecordIn(tx: Tx, memberId: string) {
  if (!isUuid(memberId)) return null;
  const rows = await tx
    .select(RECORD)
    .from(members)
    .where(and(eq(members.id, memberId), isNull(members.deletedAt)));
  const [record] = await withGroupIds(tx, rows);
  return record ?? null;
}

/**
 * The fields of this record an administrator's view shows that the member
 * keeps from ordinary members: `admins` level, with a value (`hidden` ones
 * never show here — the policy withholds them from everyone but the member).
 * One's own record is no one else's private data: nothing to report.
 */
export function privateFieldsShown(viewer: Viewer, record: MemberRecord): EditableField[] {
  if (record.userId !== null && record.userId === viewer.id) return [];
  const shown = visibleMember(viewer, record);
  const present = { name: shown.name, phone: shown.phone, email: shown.email, address: shown.address, birthday: shown.birthday };
  return EDITABLE.filter((field) => present[field] !== undefined && ["admins", "hidden"].includes(record.privacy[field]));
}

/**
 * One member as the admin page shows them. With `viewedBy` (the page's
 * loader), showing `admins`-level details is an access event, audited in the
 * same transaction that read them ("member.viewed_private_fields").
 */
export async function findMember(
  viewer: AdminViewer,
  memberId: string,
  options: { recordView?: RequestMeta } = {},
): Promise<MemberDetail | null> {
  return withChurch(viewer.churchId, async (tx) => {
    const record = await memberRecordIn(tx, memberId);
    if (!record) return null;
    const privateShown = options.recordView ? privateFieldsShown(viewer, record) : [];
    if (privateShown.length > 0) {
      await recordAudit(tx, {
        churchId: viewer.churchId,
        actorUserId: viewer.id,
        action: "member.viewed_private_fields",
        recordType: "member",
        recordId: record.id,
        after: { fields: privateShown },
        ...options.recordView,
      });
    }
    const [household] = record.householdId
      ? await tx.select({ id: households.id, name: households.name }).from(households).where(eq(households.id, record.householdId))
      : [];
    const groupRows = record.groupIds.length
      ? await tx.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, record.groupIds)).orderBy(asc(groups.name))
      : [];
    return {
      member: visibleMember(viewer, record),
      access: accessOf(viewer, record),
      listed: record.listed,
      hasAccount: record.userId !== null,
      household: household ?? null,
      groups: groupRows,
    };
  });
}

/** The add-a-member form: the profile's fields and rules, and where the member lives. */
export const newMemberSchema = profileSchema.extend(householdChoice);
export type NewMemberInput = z.infer<typeof newMemberSchema>;

export async function createMember(viewer: AdminViewer, input: NewMemberInput, meta: RequestMeta = {}): Promise<string> {
  const churchId = viewer.churchId;
  return withChurch(churchId, async (tx) => {
    const { householdId, householdName, householdPick, ...profile } = input;
    const household = await householdForChoice(tx, viewer, { householdId, householdName, householdPick }, `${profile.familyName} Family`);
    const [created] = await tx
      .insert(members)
      .values({ churchId, ...profile, householdId: household?.id ?? null })
      .returning({ id: members.id });
    await recordAudit(tx, {
      churchId,
      actorUserId: viewer.id,
      action: "member.created",
      recordType: "member",
      recordId: created!.id,
      after: { ...profile, householdId: household?.id ?? null, ...(household?.created ? { newHousehold: household.name } : {}) },
      ...meta,
    });
    return created!.id;
  });
}

/** The edit form holds only the fields this viewer may see: that is all it may change. */
export function detailsSchemaFor(access: Record<EditableField, FieldAccess>): z.ZodType<DetailsInput> {
  const mask: { [K in keyof DetailsInput]?: true } = {};
  if (access.name === "visible") Object.assign(mask, { givenName: true, familyName: true });
  for (const field of ["phone", "email", "address", "birthday"] as const) if (access[field] === "visible") mask[field] = true;
  return profileSchema.pick(mask) as unknown as z.ZodType<DetailsInput>;
}

export type DetailsInput = Partial<z.infer<typeof profileSchema>>;

/** Save the fields the viewer may see, audited before → after for exactly those that changed. */
export async function updateMember(viewer: AdminViewer, memberId: string, input: DetailsInput, meta: RequestMeta = {}): Promise<boolean> {
  return changeMember(viewer, memberId, "member.updated", (record) => {
    const access = accessOf(viewer, record);
    const allowed: (keyof DetailsInput)[] = [];
    if (access.name === "visible") allowed.push("givenName", "familyName");
    for (const field of ["phone", "email", "address", "birthday"] as const) if (access[field] === "visible") allowed.push(field);
    return Object.fromEntries(allowed.filter((key) => key in input).map((key) => [key, input[key]]));
  }, meta);
}

/** Move the member to another household (or a new one, or none). */
export async function moveMember(
  viewer: AdminViewer,
  memberId: string,
  input: HouseholdChoiceInput,
  meta: RequestMeta = {},
): Promise<boolean> {
  return withChurch(viewer.churchId, async (tx) => {
    const record = await memberRecordIn(tx, memberId);
    if (!record) return false;
    const fallback = record.familyName ? `${record.familyName} Family` : "";
    const household = await householdForChoice(tx, viewer, input, fallback);
    const next = household?.id ?? null;
    if (next === record.householdId) return true;
    await tx.update(members).set({ householdId: next, updatedAt: new Date() }).where(eq(members.id, record.id));
    await recordAudit(tx, {
      churchId: viewer.churchId,
      actorUserId: viewer.id,
      action: "member.updated",
      recordType: "member",
      recordId: record.id,
      before: { householdId: record.householdId },
      after: { householdId: next, ...(household?.created ? { newHousehold: household.name } : {}) },
      ...meta,
    });
    return true;
  });
}

/**
 * Remove a member: a soft delete (the row and its audit trail stay), gone
 * from the directory, the lists and every roster. Their group memberships go
 * too (listed in the audit entry), and a sign-in account's leader role follows.
 */
export async function removeMember(viewer: AdminViewer, memberId: string, meta: RequestMeta = {}): Promise<boolean> {
  return withChurch(viewer.churchId, async (tx) => {
    const record = await memberRecordIn(tx, memberId);
    if (!record) return false;
    const removedAt = new Date();
    const memberships = await tx
      .delete(groupMemberships)
      .where(eq(groupMemberships.memberId, record.id))
      .returning({ groupId: groupMemberships.groupId, role: groupMemberships.role });
    await tx.update(members).set({ deletedAt: removedAt, updatedAt: removedAt }).where(eq(members.id, record.id));
    await followLeadership(tx, { id: viewer.id, churchId: viewer.churchId }, record.id, meta);
    await recordAudit(tx, {
      churchId: viewer.churchId,
      actorUserId: viewer.id,
      action: "member.removed",
      recordType: "member",
      recordId: record.id,
      before: { deletedAt: null, groups: memberships },
      after: { deletedAt: removedAt.toISOString() },
      ...meta,
    });
    return true;
  });
}

async function changeMember(
  viewer: AdminViewer,
  memberId: string,
  action: string,
  changesFor: (record: NonNullable<Awaited<ReturnType<typeof memberRecordIn>>>) => Record<string, unknown>,
  meta: RequestMeta,
): Promise<boolean> {
  return withChurch(viewer.churchId, async (tx) => {
    const record = await memberRecordIn(tx, memberId);
    if (!record) return false;
    const changes = changesFor(record);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(changes)) {
      const old = record[key as keyof typeof record];
      if (JSON.stringify(old) !== JSON.stringify(value)) {
        before[key] = old;
        after[key] = value;
      }
    }
    if (Object.keys(after).length === 0) return true;
    await tx.update(members).set({ ...after, updatedAt: new Date() }).where(eq(members.id, record.id));
    await recordAudit(tx, { churchId: viewer.churchId, actorUserId: viewer.id, action, recordType: "member", recordId: record.id, before, after, ...meta });
    return true;
  });
}
