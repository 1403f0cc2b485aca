import { and, asc, count, eq, ilike, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { households, members } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";
import { visibleMember, type Viewer } from "~/privacy/policy";
import { RECORD, withGroupIds } from "./member-records.server";
import { isUuid } from "./roles.server";
import { AdminRefusal } from "./user-admin.server";

/**
 * Finding a household by the name an administrator typed, for churches with
 * too many households for a drop-down list (see HOUSEHOLD_SELECT_LIMIT).
 * One match is the household; several come back as choices the form shows
 * as radio buttons, so it works without JavaScript.
 */

/** Enough choices to spot the right one, few enough to keep the page light. */
export const HOUSEHOLD_MATCHES_SHOWN = 10;

export interface HouseholdMatch {
  id: string;
  name: string;
  memberCount: number;
  /** A few of the members' given names, as the privacy policy shows them: what tells same-named households apart. */
  givenNames: string[];
}

/** Why a typed name did not name one household, with the households it could mean. */
export class HouseholdChoiceNeeded extends AdminRefusal {
  constructor(
    messageKey: string,
    /** The text field the name was typed in. */
    field: string,
    /** The radio buttons' name: the chosen household's id comes back in it. */
    readonly pick: string,
    readonly matches: HouseholdMatch[],
  ) {
    super(messageKey, field);
    this.name = "HouseholdChoiceNeeded";
  }

  /** What the route's 400 answer adds for the form to show the choices. */
  get formExtra() {
    return { householdChoice: { field: this.field, pick: this.pick, matches: this.matches } };
  }
}

const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function matchesWhere(tx: Tx, churchId: string, where: SQL, limit: number) {
  return tx
    .select({ id: households.id, name: households.name, memberCount: count(members.id) })
    .from(households)
    .leftJoin(members, and(eq(members.householdId, households.id), isNull(members.deletedAt)))
    .where(and(eq(households.churchId, churchId), where))
    .groupBy(households.id)
    .orderBy(asc(sql`lower(${households.name})`), asc(households.id))
    .limit(limit);
}

/** A few given names per household, as this viewer may see them: only for the few households shown. */
export async function givenNamesOf(tx: Tx, viewer: Viewer, householdIds: string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (householdIds.length === 0) return names;
  const rows = await tx
    .select(RECORD)
    .from(members)
    .where(and(inArray(members.householdId, householdIds), isNull(members.deletedAt)))
    .orderBy(asc(members.givenName), asc(members.id));
  for (const record of await withGroupIds(tx, rows)) {
    const given = visibleMember(viewer, record).givenName;
    const list = names.get(record.householdId!) ?? [];
    if (given && list.length < 3) names.set(record.householdId!, [...list, given]);
  }
  return names;
}

/**
 * The household `typed` names: the same name (any case) if some household
 * has it, else names containing it. `picked` (a radio button's id from an
 * earlier answer) wins when it is one of this church's households.
 */
export async function resolveHousehold(
  tx: Tx,
  viewer: Viewer & { churchId: string },
  typed: string | null,
  { field, pick, picked }: { field: string; pick: string; picked?: string | null },
): Promise<{ id: string; name: string }> {
  if (picked && isUuid(picked)) {
    const [chosen] = await tx
      .select({ id: households.id, name: households.name })
      .from(households)
      .where(and(eq(households.churchId, viewer.churchId), eq(households.id, picked)));
    if (chosen) return chosen;
  }
  const name = (typed ?? "").trim().slice(0, 200);
  if (!name) throw new AdminRefusal("forms:required", field);
  const limit = HOUSEHOLD_MATCHES_SHOWN + 1;
  let found = await matchesWhere(tx, viewer.churchId, sql`lower(${households.name}) = lower(${name})`, limit);
  if (found.length === 0) found = await matchesWhere(tx, viewer.churchId, ilike(households.name, containing(name)), limit);
  if (found.length === 1) return { id: found[0]!.id, name: found[0]!.name };
  if (found.length === 0) throw new AdminRefusal("adminMembers:household.notFound", field);
  const shown = found.slice(0, HOUSEHOLD_MATCHES_SHOWN);
  const names = await givenNamesOf(tx, viewer, shown.map((match) => match.id));
  const matches = shown.map((match) => ({ ...match, givenNames: names.get(match.id) ?? [] }));
  const key = found.length > HOUSEHOLD_MATCHES_SHOWN ? "adminMembers:household.tooMany" : "adminMembers:household.several";
  throw new HouseholdChoiceNeeded(key, field, pick, matches);
}
