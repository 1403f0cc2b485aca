import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useConnection } from "~/db/client.server";
import { cacheGenerations, churches, groupMemberships, groups, members, roles, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { directoryPage } from "~/models/directory.server";
import { findCurrentUser, type CurrentUser } from "~/models/users.server";
import { MemoryCache, useSharedCache } from "~/utils/cache.server";
import { freshDatabase, type TestDatabase } from "../support/database";

/**
 * The per-request lookups kept in the shared cache (ADR 011, migration 0019):
 * the signed-in user's role and permissions, and the directory's count and
 * groups. Each is served from the cache until the rows behind it change —
 * changed here straight in the tables, as any code path could, because the
 * triggers (not the editing code) retire the cached copy.
 */

let database: TestDatabase;
const statements: string[] = [];
let grace: string;
let hope: string;

beforeAll(async () => {
  database = await freshDatabase({ onQuery: (query) => statements.push(query) });
  useConnection(database);
  await seedDemo(database.db);
  const rows = await acrossChurches((tx) => tx.select({ id: churches.id, slug: churches.slug }).from(churches));
  grace = rows.find((row) => row.slug === "grace")!.id;
  hope = rows.find((row) => row.slug === "hope")!.id;
});

afterAll(async () => {
  useSharedCache(undefined);
  useConnection(undefined);
  await database.drop();
});

// A fresh in-process cache per test: one app process that has seen nothing yet.
beforeEach(() => useSharedCache(new MemoryCache()));

/** The statements `work` sends that match `pattern`. */
async function statementsOf(pattern: RegExp, work: () => Promise<unknown>): Promise<number> {
  const before = statements.length;
  await work();
  return statements.slice(before).filter((statement) => pattern.test(statement)).length;
}

const userLookup = /from "users" inner join "roles"/;
const asPlatform = <T>(work: Parameters<typeof acrossChurches<T>>[0]) => acrossChurches(work);

async function userId(email: string): Promise<string> {
  const [row] = await asPlatform((tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)));
  return row!.id;
}

describe("the permission lookup", () => {
  it("is read once, then served from the cache; signing in again does not retire it", async () => {
    const id = await userId("member@grace.example");
    expect(await statementsOf(userLookup, () => findCurrentUser(id))).toBe(1);
    expect(await statementsOf(userLookup, () => findCurrentUser(id))).toBe(0);
    await asPlatform((tx) => tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id)));
    expect(await statementsOf(userLookup, () => findCurrentUser(id))).toBe(0);
  });

  it("refuses a deactivated user on the very next lookup, and lets them back in when reactivated", async () => {
    const id = await userId("member@grace.example");
    expect((await findCurrentUser(id))?.id).toBe(id);
    await asPlatform((tx) => tx.update(users).set({ status: "deactivated" }).where(eq(users.id, id)));
    expect(await findCurrentUser(id)).toBeNull();
    // Not cached while refused: still refused, and read each time.
    expect(await statementsOf(userLookup, () => findCurrentUser(id))).toBe(1);
    await asPlatform((tx) => tx.update(users).set({ status: "active" }).where(eq(users.id, id)));
    expect((await findCurrentUser(id))?.id).toBe(id);
  });

  it("sees a role's new permissions and a changed role at once", async () => {
    const id = await userId("member@grace.example");
    const before = (await findCurrentUser(id)) as CurrentUser;
    expect(before.permissions).toContain("post:forum");
    const [memberRole] = await asPlatform((tx) => tx.select().from(roles).where(eq(roles.id, before.role.id)));
    const without = memberRole!.permissions.filter((permission) => permission !== "post:forum");
    await asPlatform((tx) => tx.update(roles).set({ permissions: without }).where(eq(roles.id, memberRole!.id)));
    try {
      expect((await findCurrentUser(id))?.permissions).not.toContain("post:forum");
    } finally {
      await asPlatform((tx) => tx.update(roles).set({ permissions: memberRole!.permissions }).where(eq(roles.id, memberRole!.id)));
    }
    expect((await findCurrentUser(id))?.permissions).toContain("post:forum");

    const adminRole = (await findCurrentUser(await userId("admin@grace.example")))!.role;
    await asPlatform((tx) => tx.update(users).set({ roleId: adminRole.id }).where(eq(users.id, id)));
    try {
      expect((await findCurrentUser(id))?.role.key).toBe(adminRole.key);
    } finally {
      await asPlatform((tx) => tx.update(users).set({ roleId: before.role.id }).where(eq(users.id, id)));
    }
  });
});

describe("the directory's count and groups", () => {
  const count = /select count\(\*\) from "members"/;
  const churchGroups = /from "groups" order by/;

  async function viewer(email: string) {
    return (await findCurrentUser(await userId(email)))!;
  }

  it("are read once per church and viewer, then served from the cache", async () => {
    const maria = await viewer("member@grace.example");
    const first = await directoryPage(maria, {});
    let second: typeof first | undefined;
    expect(await statementsOf(count, async () => void (second = await directoryPage(maria, { page: 2 })))).toBe(0);
    expect(await statementsOf(churchGroups, () => directoryPage(maria, {}))).toBe(0);
    expect(second!.total).toBe(first.total);
    expect(second!.entries.map((entry) => entry.id)).not.toEqual(first.entries.map((entry) => entry.id));
    // Another viewer, who may see more names, has a count of their own.
    const cristina = await viewer("admin@grace.example");
    expect(await statementsOf(count, () => directoryPage(cristina, {}))).toBe(1);
  });

  it("counts a member added, hidden or removed at once", async () => {
    const maria = await viewer("member@grace.example");
    const { total } = await directoryPage(maria, {});
    const [added] = await acrossChurches((tx) =>
      tx
        .insert(members)
        .values({ churchId: grace, givenName: "Bagong", familyName: "Kasapi" })
        .returning({ id: members.id, privacy: members.privacy }),
    );
    expect((await directoryPage(maria, {})).total).toBe(total + 1);

    await acrossChurches((tx) =>
      tx.update(members).set({ privacy: { ...added!.privacy, name: "admins" } }).where(eq(members.id, added!.id)),
    );
    expect((await directoryPage(maria, {})).total).toBe(total);

    await acrossChurches((tx) => tx.update(members).set({ privacy: added!.privacy }).where(eq(members.id, added!.id)));
    expect((await directoryPage(maria, {})).total).toBe(total + 1);
    await acrossChurches((tx) => tx.delete(members).where(eq(members.id, added!.id)));
    expect((await directoryPage(maria, {})).total).toBe(total);
  });

  it("shows a new group in the filter and a group's leader their group's leaders-only names", async () => {
    const maria = await viewer("member@grace.example");
    const before = await directoryPage(maria, {});
    const [group] = await acrossChurches((tx) =>
      tx.insert(groups).values({ churchId: grace, name: "Bagong Grupo" }).returning({ id: groups.id }),
    );
    expect((await directoryPage(maria, {})).groups.map((g) => g.name)).toContain("Bagong Grupo");

    // A member whose name only leaders see joins the group; Maria sees it once she leads it.
    const [quiet] = await acrossChurches((tx) =>
      tx
        .insert(members)
        .values({ churchId: grace, givenName: "Tahimik", familyName: "Lamang" })
        .returning({ id: members.id, privacy: members.privacy }),
    );
    await acrossChurches((tx) => tx.update(members).set({ privacy: { ...quiet!.privacy, name: "leaders" } }).where(eq(members.id, quiet!.id)));
    await acrossChurches((tx) => tx.insert(groupMemberships).values({ churchId: grace, groupId: group!.id, memberId: quiet!.id }));
    expect((await directoryPage(maria, {})).total).toBe(before.total);

    const [marias] = await acrossChurches((tx) =>
      tx.select({ id: members.id }).from(members).where(and(eq(members.userId, maria.id), isNull(members.deletedAt))),
    );
    await acrossChurches((tx) =>
      tx.insert(groupMemberships).values({ churchId: grace, groupId: group!.id, memberId: marias!.id, role: "leader" }),
    );
    expect((await directoryPage(maria, {})).total).toBe(before.total + 1);
  });

  it("a change in one church leaves another church's cached copies alone; a statement of many rows bumps once", async () => {
    const generation = async (churchId: string) => {
      const [row] = await asPlatform((tx) =>
        tx.select().from(cacheGenerations).where(eq(cacheGenerations.scope, `directory:${churchId}`)),
      );
      return row!.generation;
    };
    const [graceBefore, hopeBefore] = [await generation(grace), await generation(hope)];
    await acrossChurches((tx) =>
      tx.insert(members).values([
        { churchId: hope, givenName: "Isa", familyName: "Pag-asa" },
        { churchId: hope, givenName: "Dalawa", familyName: "Pag-asa" },
        { churchId: hope, givenName: "Tatlo", familyName: "Pag-asa" },
      ]),
    );
    expect(await generation(grace)).toBe(graceBefore);
    expect(await generation(hope)).toBe(hopeBefore + 1);
    await acrossChurches((tx) => tx.execute(sql`delete from members where family_name = 'Pag-asa'`));
  });
});
