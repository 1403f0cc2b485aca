import { asc, inArray, isNull } from "drizzle-orm";
import { groupMemberships, groups, households, members, type MemberImport, type PrivacyChoices } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";
import { visibleMember, type MemberRecord, type Viewer } from "~/privacy/policy";
import { checkMapping } from "./map";
import { parseCsvText, type FileRefusal } from "./parse.server";
import type { ImportTarget } from "./targets";
import { checkRows, personKey, type CheckedRow, type GroupsByName, type RowProblem } from "./validate.server";

/**
 * What an import would do, row by row: checked, and matched against the
 * church's members. The preview shows it; the import recomputes it inside its
 * own transaction, so what is written is what the data says at that moment.
 *
 * Matching sees existing members only through the privacy policy: an
 * administrator's file is matched against the e-mail, name and birthday this
 * administrator may see, so an upload cannot probe for a hidden e-mail.
 */

export interface ExistingMember extends MemberRecord {
  householdId: string | null;
}

export interface PlannedRow extends CheckedRow {
  /** The existing member this row is the same person as, and how we know. */
  duplicate: { member: ExistingMember; by: "email" | "nameAndBirthday" } | null;
  /** How the row's household is found: one existing household of that name, or a new one. */
  householdStatus: "existing" | "new" | null;
}

export interface ImportPlan {
  fileName: string;
  headers: string[];
  mapping: ImportTarget[];
  rows: PlannedRow[];
  problems: RowProblem[];
  /** Existing households by lower-cased name: the id when exactly one has that name. */
  householdIds: Map<string, string | null>;
}

export type PlanOutcome = { ok: true; plan: ImportPlan } | { ok: false; reason: FileRefusal | "unmapped" };

export async function planImport(tx: Tx, viewer: Viewer, upload: MemberImport): Promise<PlanOutcome> {
  const parsed = parseCsvText(upload.csv);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const mapping = upload.mapping as ImportTarget[] | null;
  if (!mapping || checkMapping(mapping, parsed.csv.headers.length).length > 0) return { ok: false, reason: "unmapped" };

  const checked = checkRows(parsed.csv, mapping, await groupsByName(tx));
  const existing = await existingMembers(tx, viewer);
  const householdIds = await householdsByName(tx);
  const rows = checked.map((row): PlannedRow => {
    const duplicate = row.problems.length === 0 ? findDuplicate(row, existing) : null;
    const household = row.member.household?.toLowerCase();
    const householdStatus = household === undefined ? null : householdIds.get(household) ? "existing" : "new";
    return { ...row, duplicate, householdStatus };
  });
  return {
    ok: true,
    plan: {
      fileName: upload.fileName,
      headers: parsed.csv.headers,
      mapping,
      rows,
      problems: rows.flatMap((row) => row.problems),
      householdIds,
    },
  };
}

async function groupsByName(tx: Tx): Promise<GroupsByName> {
  const rows = await tx.select({ id: groups.id, name: groups.name }).from(groups).orderBy(asc(groups.name));
  return new Map(rows.map((group) => [group.name.toLowerCase(), group]));
}

async function householdsByName(tx: Tx): Promise<Map<string, string | null>> {
  const rows = await tx.select({ id: households.id, name: households.name }).from(households);
  const byName = new Map<string, string | null>();
  // Two households of the same name: the file cannot say which one it means, so a new one is made.
  for (const row of rows) {
    const key = row.name.trim().toLowerCase();
    byName.set(key, byName.has(key) ? null : row.id);
  }
  return byName;
}

interface MemberIndex {
  byEmail: Map<string, ExistingMember>;
  byPerson: Map<string, ExistingMember>;
}

/** The church's current members, indexed by what this viewer may see of them. */
async function existingMembers(tx: Tx, viewer: Viewer): Promise<MemberIndex> {
  const rows = await tx
    .select({
      id: members.id,
      churchId: members.churchId,
      userId: members.userId,
      householdId: members.householdId,
      givenName: members.givenName,
      familyName: members.familyName,
      email: members.email,
      phone: members.phone,
      address: members.address,
      birthday: members.birthday,
      photoKey: members.photoKey,
      privacy: members.privacy,
      listed: members.listed,
    })
    .from(members)
    .where(isNull(members.deletedAt))
    .orderBy(asc(members.createdAt), asc(members.id));
  // Group memberships matter to the policy only for what a leader reaches through their groups.
  const inLedGroups = new Map<string, string[]>();
  if (viewer.ledGroupIds.length > 0) {
    const memberships = await tx
      .select({ memberId: groupMemberships.memberId, groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .where(inArray(groupMemberships.groupId, [...viewer.ledGroupIds]));
    for (const m of memberships) inLedGroups.set(m.memberId, [...(inLedGroups.get(m.memberId) ?? []), m.groupId]);
  }
  const index: MemberIndex = { byEmail: new Map(), byPerson: new Map() };
  for (const row of rows) {
    const record: ExistingMember = { ...row, privacy: row.privacy as PrivacyChoices, groupIds: inLedGroups.get(row.id) ?? [] };
    const seen = visibleMember(viewer, record);
    if (seen.email && !index.byEmail.has(seen.email.toLowerCase())) index.byEmail.set(seen.email.toLowerCase(), record);
    if (seen.givenName && seen.familyName && seen.birthday) {
      const key = personKey(seen.givenName, seen.familyName, seen.birthday);
      if (!index.byPerson.has(key)) index.byPerson.set(key, record);
    }
  }
  return index;
}

function findDuplicate(row: CheckedRow, index: MemberIndex): PlannedRow["duplicate"] {
  const { email, givenName, familyName, birthday } = row.member;
  const byEmail = email ? index.byEmail.get(email.toLowerCase()) : undefined;
  if (byEmail) return { member: byEmail, by: "email" };
  const byPerson = birthday ? index.byPerson.get(personKey(givenName, familyName, birthday)) : undefined;
  return byPerson ? { member: byPerson, by: "nameAndBirthday" } : null;
}
