import crypto from "node:crypto";
import { inArray } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { BuiltInRoleKey } from "~/auth/permissions";
import { churches, groupMemberships, groups, households, members, users } from "~/db/schema.server";
import { builtInRoleIds } from "~/models/roles.server";
import type { Tx } from "~/db/tenancy.server";
import type { GroupPlan } from "./groups";
import type { PeoplePlan } from "./people";

/**
 * Writes a planned church in a caller's transaction. Ids are made here rather
 * than returned by the database, so rows can point at each other without a
 * round trip per row and without trusting RETURNING to keep insert order.
 */

export interface PlannedAccount {
  email: string;
  displayName: string;
  role: BuiltInRoleKey;
  /** Index in the church's people of the member this account signs in as. */
  person?: number;
}

export interface ChurchPlan extends PeoplePlan, GroupPlan {
  slug: string;
  name: string;
  accounts: PlannedAccount[];
}

export interface WrittenChurch {
  churchId: string;
  households: number;
  members: number;
  groups: number;
  groupMemberships: number;
  users: number;
}

/*
 * Rows per INSERT. PostgreSQL allows 65,535 bind parameters per statement;
 * members carry about 12 each, so 1,000 rows stays far below that while
 * keeping round trips (which dominate on PGlite) few.
 */
const BATCH = 1000;

async function insertInBatches<T extends PgTable>(tx: Tx, table: T, rows: T["$inferInsert"][]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.insert(table).values(rows.slice(start, start + BATCH));
  }
}

/** Slugs among `slugs` that already name a church. */
export async function existingSlugs(tx: Tx, slugs: string[]): Promise<string[]> {
  const rows = await tx.select({ slug: churches.slug }).from(churches).where(inArray(churches.slug, slugs));
  return rows.map((row) => row.slug);
}

export async function writeChurch(tx: Tx, plan: ChurchPlan): Promise<WrittenChurch> {
  const churchId = crypto.randomUUID();
  const roleIds = await builtInRoleIds(tx);
  await tx.insert(churches).values({ id: churchId, slug: plan.slug, name: plan.name });

  const userOfPerson = new Map<number, string>();
  const accountRows = plan.accounts.map((account) => {
    const id = crypto.randomUUID();
    if (account.person !== undefined) userOfPerson.set(account.person, id);
    return { id, churchId, ...accountColumns(account, roleIds) };
  });
  await insertInBatches(tx, users, accountRows);

  const householdIds = plan.households.map(() => crypto.randomUUID());
  await insertInBatches(
    tx,
    households,
    plan.households.map((household, i) => ({ id: householdIds[i], churchId, name: household.name, address: household.address })),
  );

  const memberIds = plan.people.map(() => crypto.randomUUID());
  await insertInBatches(
    tx,
    members,
    plan.people.map((person, i) => ({
      id: memberIds[i],
      churchId,
      householdId: householdIds[person.household],
      userId: userOfPerson.get(i) ?? null,
      givenName: person.givenName,
      familyName: person.familyName,
      email: person.email,
      phone: person.phone,
      address: person.address,
      birthday: person.birthday,
      privacy: person.privacy,
      listed: person.listed,
    })),
  );

  const groupIds = plan.groups.map(() => crypto.randomUUID());
  await insertInBatches(
    tx,
    groups,
    plan.groups.map((group, i) => ({ id: groupIds[i], churchId, name: group.name, description: group.description })),
  );
  await insertInBatches(
    tx,
    groupMemberships,
    plan.memberships.map((membership) => ({
      churchId,
      groupId: required(groupIds[membership.group]),
      memberId: required(memberIds[membership.person]),
      role: membership.role,
    })),
  );

  return {
    churchId,
    households: plan.households.length,
    members: plan.people.length,
    groups: plan.groups.length,
    groupMemberships: plan.memberships.length,
    users: plan.accounts.length,
  };
}

/**
 * Platform staff: accounts with no church and no member row. They outlive
 * the demo churches (deleting a church does not delete them), so a database
 * whose demo churches were removed may still have them: keep those as they are.
 */
export async function writePlatformAccounts(tx: Tx, accounts: PlannedAccount[]): Promise<number> {
  if (accounts.length === 0) return 0;
  const roleIds = await builtInRoleIds(tx);
  const created = await tx
    .insert(users)
    .values(accounts.map((account) => ({ churchId: null, ...accountColumns(account, roleIds) })))
    .onConflictDoNothing()
    .returning({ id: users.id });
  return created.length;
}

/* Sign-in fills cognito_sub and google_id the first time the person signs in. */
function accountColumns(account: PlannedAccount, roleIds: Record<BuiltInRoleKey, string>) {
  return {
    email: account.email,
    displayName: account.displayName,
    roleId: roleIds[account.role],
    status: "active" as const,
  };
}

function required(id: string | undefined): string {
  if (id === undefined) throw new Error("Seed plan refers to a row that was not planned");
  return id;
}
