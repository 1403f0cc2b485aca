import { and, asc, count, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { households, members } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { visibleMember, type VisibleMember } from "~/privacy/policy";
import { fields } from "~/utils/forms";
import { recordAudit } from "./audit.server";
import type { AdminViewer } from "./members-admin.server";
import { givenNamesOf, resolveHousehold } from "./household-lookup.server";
import { RECORD, withGroupIds } from "./member-records.server";
import { isUuid } from "./roles.server";
import { AdminRefusal } from "./user-admin.server";
import type { RequestMeta } from "./users.server";

/**
 * Households: who lives together. Administrators list them with their
 * members (names as the privacy policy allows), rename them and merge two
 * that are really one. Every change is audited.
 */

export const HOUSEHOLDS_PER_PAGE = 25;

/**
 * Up to this many households, the forms offer them in a drop-down list; a
 * church with more types the household's name instead. A list of thousands
 * (3,000 households in a 10,000-member church) made the members pages weigh
 * 100 KB and more over a phone connection, and nobody scrolls it anyway.
 */
export const HOUSEHOLD_SELECT_LIMIT = 40;

/**
 * Where a member lives, as the member forms ask it: none, a new household,
 * an existing one by id (the list), or "find": the one named in
 * `householdName` (churches past HOUSEHOLD_SELECT_LIMIT), `householdPick`
 * being the one chosen when the name fit several.
 */
export const householdChoice = {
  householdId: z.string().refine((v) => v === "" || v === "new" || v === "find" || isUuid(v), "forms:choose"),
  householdName: fields.optionalText(200),
  householdPick: z.string().optional(),
};

export interface HouseholdChoiceInput {
  householdId: string;
  householdName: string | null;
  householdPick?: string;
}

/**
 * The household a form's choice names (created when "new", found by name
 * when "find"), or null for none; refuses another church's id. `fallbackName`
 * names a new household left unnamed.
 */
export async function householdForChoice(tx: Tx, viewer: AdminViewer, input: HouseholdChoiceInput, fallbackName: string) {
  const choice = input.householdId;
  if (choice === "") return null;
  if (choice === "new") {
    const name = (input.householdName || fallbackName).trim().slice(0, 200);
    if (!name) throw new AdminRefusal("forms:required", "householdName");
    const [created] = await tx
      .insert(households)
      .values({ churchId: viewer.churchId, name })
      .returning({ id: households.id, name: households.name });
    return { ...created!, created: true };
  }
  if (choice === "find") {
    const found = await resolveHousehold(tx, viewer, input.householdName, { field: "householdName", pick: "householdPick", picked: input.householdPick });
    return { ...found, created: false };
  }
  const [found] = isUuid(choice)
    ? await tx.select({ id: households.id, name: households.name }).from(households).where(eq(households.id, choice))
    : [];
  // The choices list only this church's households: anything else was not chosen there.
  if (!found) throw new AdminRefusal("forms:choose", "householdId", 404);
  return { ...found, created: false };
}

export interface HouseholdOption {
  id: string;
  name: string;
  memberCount: number;
  /** For households that share a name: a few of their members' given names, to tell them apart. */
  givenNames?: string[];
}

/**
 * Every household of the church by name, for the forms' drop-down list — or
 * null past HOUSEHOLD_SELECT_LIMIT, when the forms ask for a name instead.
 * One query, stopped one row past the limit; only same-named households
 * (so at most the limit) have their members' given names looked up.
 */
export async function householdOptions(viewer: AdminViewer): Promise<HouseholdOption[] | null> {
  return withChurch(viewer.churchId, async (tx) => {
    const options: HouseholdOption[] = await tx
      .select({ id: households.id, name: households.name, memberCount: count(members.id) })
      .from(households)
      .leftJoin(members, and(eq(members.householdId, households.id), isNull(members.deletedAt)))
      .where(eq(households.churchId, viewer.churchId))
      .groupBy(households.id)
      .orderBy(asc(sql`lower(${households.name})`), asc(households.id))
      .limit(HOUSEHOLD_SELECT_LIMIT + 1);
    if (options.length > HOUSEHOLD_SELECT_LIMIT) return null;
    const seen = new Map<string, number>();
    for (const option of options) seen.set(option.name.toLowerCase(), (seen.get(option.name.toLowerCase()) ?? 0) + 1);
    const shared = options.filter((option) => (seen.get(option.name.toLowerCase()) ?? 0) > 1);
    // Names as the privacy policy shows them to this administrator, and only for the households that need them.
    const names = await givenNamesOf(tx, viewer, shared.map((option) => option.id));
    for (const option of shared) option.givenNames = names.get(option.id) ?? [];
    return options;
  });
}

export interface HouseholdEntry {
  id: string;
  name: string;
  members: (VisibleMember & { nameHidden: boolean })[];
}

export interface HouseholdPage {
  households: HouseholdEntry[];
  page: number;
  pageCount: number;
  total: number;
  q: string;
}

const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Households by name, 25 a page, with their members; `q` searches household names. */
export async function listHouseholds(viewer: AdminViewer, query: { q?: string; page?: number } = {}): Promise<HouseholdPage> {
  const q = (query.q ?? "").trim().slice(0, 100);
  const wanted = Number.isInteger(query.page) && query.page! > 0 ? query.page! : 1;
  return withChurch(viewer.churchId, async (tx) => {
    const where = q ? ilike(households.name, containing(q)) : undefined;
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(households).where(where);
    const pageCount = Math.max(1, Math.ceil(total / HOUSEHOLDS_PER_PAGE));
    const page = Math.min(wanted, pageCount);
    const rows = await tx
      .select({ id: households.id, name: households.name })
      .from(households)
      .where(where)
      .orderBy(asc(sql`lower(${households.name})`), asc(households.id))
      .limit(HOUSEHOLDS_PER_PAGE)
      .offset((page - 1) * HOUSEHOLDS_PER_PAGE);
    const memberRows = rows.length
      ? await tx
          .select(RECORD)
          .from(members)
          .where(and(inArray(members.householdId, rows.map((row) => row.id)), isNull(members.deletedAt)))
          .orderBy(asc(members.givenName), asc(members.id))
      : [];
    const records = await withGroupIds(tx, memberRows);
    return {
      households: rows.map((row) => ({
        ...row,
        members: records
          .filter((record) => record.householdId === row.id)
          .map((record) => ({ ...visibleMember(viewer, record), nameHidden: record.privacy.name === "hidden" })),
      })),
      page,
      pageCount,
      total,
      q,
    };
  });
}

export const renameSchema = z.object({ householdId: fields.uuid, name: fields.text(200) });

export async function renameHousehold(viewer: AdminViewer, householdId: string, name: string, meta: RequestMeta = {}) {
  return withChurch(viewer.churchId, async (tx) => {
    const [household] = await tx.select().from(households).where(eq(households.id, householdId));
    if (!household) throw new AdminRefusal("forms:choose", "householdId", 404);
    if (household.name === name) return household.name;
    await tx.update(households).set({ name, updatedAt: new Date() }).where(eq(households.id, householdId));
    await recordAudit(tx, {
      churchId: viewer.churchId,
      actorUserId: viewer.id,
      action: "household.updated",
      recordType: "household",
      recordId: householdId,
      before: { name: household.name },
      after: { name },
      ...meta,
    });
    return name;
  });
}

export const mergeSchema = z
  .object({ fromId: fields.uuid, intoId: fields.uuid })
  .refine((v) => v.fromId !== v.intoId, { message: "adminMembers:households.merge.same", path: ["intoId"] });

/** The merge form past HOUSEHOLD_SELECT_LIMIT: households by name, an id only once picked from several. */
export const mergeByNameSchema = z.object({
  fromName: fields.optionalText(200),
  intoName: fields.optionalText(200),
  fromId: z.string().optional(),
  intoId: z.string().optional(),
});

export type MergeInput = { fromId: string; intoId: string } | z.infer<typeof mergeByNameSchema>;

/** Both households of a merge: by id (the list), or by the names typed (and any picked among several). */
async function mergePair(tx: Tx, viewer: AdminViewer, input: MergeInput) {
  if (!("fromName" in input)) return input;
  const from = await resolveHousehold(tx, viewer, input.fromName, { field: "fromName", pick: "fromId", picked: input.fromId });
  const into = await resolveHousehold(tx, viewer, input.intoName, { field: "intoName", pick: "intoId", picked: input.intoId });
  if (from.id === into.id) throw new AdminRefusal("adminMembers:households.merge.same", "intoName");
  return { fromId: from.id, intoId: into.id };
}

/**
 * Merge household `fromId` into `intoId`: its members move, it keeps nothing
 * else (its address fills an empty one) and is deleted. One transaction.
 */
export async function mergeHouseholds(viewer: AdminViewer, input: MergeInput, meta: RequestMeta = {}) {
  return withChurch(viewer.churchId, async (tx) => {
    const { fromId, intoId } = await mergePair(tx, viewer, input);
    const found = await tx.select().from(households).where(inArray(households.id, [fromId, intoId]));
    const from = found.find((h) => h.id === fromId);
    const into = found.find((h) => h.id === intoId);
    // Ids come from the form's choices: one that is not this church's was not chosen there.
    if (!from || !into) throw new AdminRefusal("forms:choose", "form", 404);
    // Removed members move too, so the household they belonged to still exists for their record.
    const moved = await tx
      .update(members)
      .set({ householdId: into.id, updatedAt: new Date() })
      .where(eq(members.householdId, from.id))
      .returning({ id: members.id });
    if (!into.address && from.address) {
      await tx.update(households).set({ address: from.address, updatedAt: new Date() }).where(eq(households.id, into.id));
    }
    await tx.delete(households).where(eq(households.id, from.id));
    await recordAudit(tx, {
      churchId: viewer.churchId,
      actorUserId: viewer.id,
      action: "household.merged",
      recordType: "household",
      recordId: into.id,
      before: { from: { id: from.id, name: from.name }, into: { id: into.id, name: into.name } },
      after: { into: { id: into.id, name: into.name }, movedMemberIds: moved.map((m) => m.id) },
      ...meta,
    });
    return { into: into.name, moved: moved.length };
  });
}
