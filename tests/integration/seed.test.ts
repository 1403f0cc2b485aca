import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { churches, groupMemberships, groups, households, members, users, roles } from "~/db/schema.server";
import { DEMO_ACCOUNTS, seedDemo, seedDemoIfEmpty, seedLargeChurch, SeedConflictError } from "~/db/seed/demo.server";
import { acrossChurches, withChurch } from "~/db/tenancy.server";
import { freshDatabase, type TestDatabase } from "../support/database";

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";

async function churchIds(database: Database): Promise<Record<string, string>> {
  const rows = await acrossChurches((tx) => tx.select({ id: churches.id, slug: churches.slug }).from(churches), database);
  return Object.fromEntries(rows.map((row) => [row.slug, row.id]));
}

/** Everything that should come out of the seed the same way twice, in a stable order. */
async function people(database: Database) {
  return acrossChurches(
    (tx) =>
      tx
        .select({
          church: churches.slug,
          givenName: members.givenName,
          familyName: members.familyName,
          birthday: members.birthday,
          email: members.email,
          phone: members.phone,
          household: households.name,
        })
        .from(members)
        .innerJoin(churches, eq(churches.id, members.churchId))
        .leftJoin(households, eq(households.id, members.householdId))
        .orderBy(asc(churches.slug), asc(members.familyName), asc(members.givenName), asc(members.birthday), asc(members.email)),
    database,
  );
}

describe(`demo seed (${engine})`, () => {
  let database: TestDatabase;
  let ids: Record<string, string>;

  beforeAll(async () => {
    database = await freshDatabase();
    await seedDemo(database.db);
    ids = await churchIds(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("creates Grace Fellowship with about 300 members and Hope Chapel with about 50", async () => {
    expect(Object.keys(ids).sort()).toEqual(["grace", "hope"]);
    const count = (slug: string) => withChurch(required(ids[slug]), (tx) => tx.$count(members), database.db);
    expect(await count("grace")).toBeGreaterThanOrEqual(280);
    expect(await count("grace")).toBeLessThanOrEqual(320);
    expect(await count("hope")).toBeGreaterThanOrEqual(40);
    expect(await count("hope")).toBeLessThanOrEqual(60);
  });

  it("puts members in households of one to six sharing a family name and an address", async () => {
    const rows = await acrossChurches(
      (tx) => tx.select({ household: members.householdId, familyName: members.familyName, address: members.address }).from(members),
      database.db,
    );
    const byHousehold = groupBy(rows, (row) => row.household);
    expect(byHousehold.has(null)).toBe(false);
    expect(byHousehold.size).toBeGreaterThan(60);
    for (const group of byHousehold.values()) {
      expect(group.length).toBeGreaterThanOrEqual(1);
      expect(group.length).toBeLessThanOrEqual(6);
      expect(new Set(group.map((m) => `${m.familyName}|${m.address}`)).size).toBe(1);
    }
  });

  it("gives Grace eight groups, Youth Ministry among them, and Hope three", async () => {
    const names = (slug: string) =>
      withChurch(required(ids[slug]), (tx) => tx.select({ name: groups.name }).from(groups), database.db);
    const grace = (await names("grace")).map((g) => g.name);
    expect(grace).toHaveLength(8);
    expect(grace).toContain("Youth Ministry");
    expect(await names("hope")).toHaveLength(3);
  });

  it("makes leader@grace.example's member a leader of Grace's Youth Ministry", async () => {
    const rows = await withChurch(
      required(ids.grace),
      (tx) =>
        tx
          .select({ role: groupMemberships.role, givenName: members.givenName })
          .from(groupMemberships)
          .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
          .innerJoin(members, eq(members.id, groupMemberships.memberId))
          .innerJoin(users, eq(users.id, members.userId))
          .where(and(eq(groups.name, "Youth Ministry"), eq(users.email, "leader@grace.example"))),
      database.db,
    );
    expect(rows).toEqual([{ role: "leader", givenName: "Jericho" }]);
  });

  it("gives every group one or two leaders and some members", async () => {
    const rows = await acrossChurches(
      (tx) => tx.select({ group: groupMemberships.groupId, role: groupMemberships.role }).from(groupMemberships),
      database.db,
    );
    const byGroup = groupBy(rows, (row) => row.group);
    expect(byGroup.size).toBe(11);
    for (const memberships of byGroup.values()) {
      const leaders = memberships.filter((m) => m.role === "leader").length;
      expect(leaders).toBeGreaterThanOrEqual(1);
      expect(leaders).toBeLessThanOrEqual(2);
      expect(memberships.length).toBeGreaterThan(leaders);
    }
  });

  it("creates the six demo accounts, active, with their roles, churches and member rows", async () => {
    const accounts = await acrossChurches(
      (tx) =>
        tx
          .select({ email: users.email, role: roles.key, status: users.status, church: churches.slug, member: members.id, sub: users.cognitoSub })
          .from(users)
          .innerJoin(roles, eq(roles.id, users.roleId))
          .leftJoin(churches, eq(churches.id, users.churchId))
          .leftJoin(members, eq(members.userId, users.id)),
      database.db,
    );
    expect(accounts).toHaveLength(6);
    const expected = [
      ["admin@grace.example", "church_admin", "grace"],
      ["leader@grace.example", "group_leader", "grace"],
      ["member@grace.example", "member", "grace"],
      ["admin@hope.example", "church_admin", "hope"],
      ["staff@kapatiran.example", "support_staff", null],
      ["ops@kapatiran.example", "platform_admin", null],
    ] as const;
    for (const [email, role, church] of expected) {
      const account = accounts.find((a) => a.email === email);
      expect(account, email).toMatchObject({ role, church, status: "active", sub: null });
      // Church-level accounts are members of their church; platform staff are not.
      expect(account?.member != null, email).toBe(church !== null);
    }
    expect(DEMO_ACCOUNTS.map((a) => a.email).sort()).toEqual(expected.map(([email]) => email).sort());
  });

  it("gives members unique e-mail addresses and Philippine mobile numbers", async () => {
    const rows = await acrossChurches(
      (tx) => tx.select({ email: members.email, phone: members.phone }).from(members),
      database.db,
    );
    const emails = rows.flatMap((r) => (r.email ? [r.email.toLowerCase()] : []));
    expect(emails.length).toBeGreaterThan(150);
    expect(new Set(emails).size).toBe(emails.length);
    // Reserved domains only: nothing seeded can mail a real person.
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@(example\.(com|org|net)|(grace|hope)\.example)$/);
    const phones = rows.flatMap((r) => (r.phone ? [r.phone] : []));
    expect(phones.length).toBeGreaterThan(150);
    for (const phone of phones) expect(phone).toMatch(/^\+63 9\d{2} \d{3} \d{4}$/);
  });

  it("seeds accented family names, for accent-insensitive search to find", async () => {
    const accented = await acrossChurches(
      (tx) => tx.select({ familyName: members.familyName }).from(members),
      database.db,
    );
    expect(accented.some((m) => /[ñáéíóú]/i.test(m.familyName))).toBe(true);
  });

  it("shows Hope's transaction no Grace member", async () => {
    const seen = await withChurch(required(ids.hope), (tx) => tx.select({ churchId: members.churchId }).from(members), database.db);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((m) => m.churchId === ids.hope)).toBe(true);
  });

  it("does not seed twice: seedDemoIfEmpty leaves a seeded database alone, seedDemo refuses", async () => {
    const before = await acrossChurches((tx) => tx.$count(members), database.db);
    expect(await seedDemoIfEmpty(database.db)).toBe(false);
    await expect(seedDemo(database.db)).rejects.toBeInstanceOf(SeedConflictError);
    expect(await acrossChurches((tx) => tx.$count(members), database.db)).toBe(before);
    expect(await acrossChurches((tx) => tx.$count(churches), database.db)).toBe(2);
  });

  it("seeds again once the demo churches are deleted, keeping the platform accounts", async () => {
    const other = await freshDatabase();
    try {
      await seedDemo(other.db, { graceMembers: 20, hopeMembers: 10 });
      await acrossChurches((tx) => tx.delete(churches), other.db);
      expect(await seedDemoIfEmpty(other.db)).toBe(true);
      expect(await acrossChurches((tx) => tx.$count(users), other.db)).toBe(6);
    } finally {
      await other.drop();
    }
  });

  it("plans the same people in another fresh database", async () => {
    const other = await freshDatabase();
    try {
      expect(await seedDemoIfEmpty(other.db)).toBe(true);
      expect(await people(other.db)).toEqual(await people(database.db));
    } finally {
      await other.drop();
    }
  });
});

describe(`large church seed (${engine})`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("creates the requested number of members, about twenty groups and an admin account", async () => {
    const summary = await seedLargeChurch(database.db, { members: 1000 });
    expect(summary).toMatchObject({ churches: 1, members: 1000, users: 1 });
    const [big] = await acrossChurches((tx) => tx.select().from(churches).where(eq(churches.slug, "big")), database.db);
    expect(big?.name).toBe("Big Church (benchmark)");
    const churchId = required(big?.id);
    expect(await withChurch(churchId, (tx) => tx.$count(members), database.db)).toBe(1000);
    expect(await withChurch(churchId, (tx) => tx.$count(groups), database.db)).toBeGreaterThanOrEqual(15);
    const [admin] = await withChurch(
      churchId,
      (tx) =>
        tx
          .select({ email: users.email, role: roles.key, status: users.status })
          .from(users)
          .innerJoin(roles, eq(roles.id, users.roleId)),
      database.db,
    );
    expect(admin).toEqual({ email: "admin@big.example", role: "church_admin", status: "active" });
  });

  it("refuses a slug that is taken, and takes another", async () => {
    await expect(seedLargeChurch(database.db, { members: 10 })).rejects.toThrow(/slug "big" already exists/);
    const summary = await seedLargeChurch(database.db, { members: 10, slug: "big-2", name: "Second" });
    expect(summary.members).toBe(10);
  });
});

/* Map.groupBy arrives in Node 21; we support Node 20. */
function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

function required<T>(value: T | null | undefined): T {
  if (value === undefined || value === null) throw new Error("expected a value");
  return value;
}
