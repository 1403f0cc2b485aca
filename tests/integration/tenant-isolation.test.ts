import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { churches, households, members } from "~/db/schema.server";
import { acrossChurches, withChurch } from "~/db/tenancy.server";
import { rowsOf } from "~/db/migrations.server";
import { freshDatabase, type TestDatabase } from "../support/database";

describe(`tenant isolation by row-level security (${process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite"})`, () => {
  let database: TestDatabase;
  let churchA: string;
  let churchB: string;
  let memberOfB: string;

  beforeAll(async () => {
    database = await freshDatabase();
    await acrossChurches(async (tx) => {
      const [a, b] = await tx
        .insert(churches)
        .values([
          { slug: "a", name: "Church A" },
          { slug: "b", name: "Church B" },
        ])
        .returning();
      churchA = a!.id;
      churchB = b!.id;
      await tx.insert(members).values({ churchId: churchA, givenName: "Ana", familyName: "Reyes" });
      const [bee] = await tx
        .insert(members)
        .values({ churchId: churchB, givenName: "Bert", familyName: "Santos" })
        .returning();
      memberOfB = bee!.id;
    }, database.db);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("every table with a church_id has row-level security forced and a policy", async () => {
    const tables = rowsOf<{ name: string; enabled: boolean; forced: boolean; policies: number }>(
      await database.db.execute(sql`
        select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        where c.relkind = 'r'
          and exists (select 1 from information_schema.columns col
                      where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'church_id')
        order by 1`),
    );
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const table of tables) expect(table, table.name).toMatchObject({ enabled: true, forced: true, policies: 1 });
  });

  it("serves queries as a role that owns no tables", async () => {
    const [row] = await withChurch(
      churchA,
      async (tx) => rowsOf<{ role: string; owns: number }>(
        await tx.execute(
          sql`select current_user as role, (select count(*)::int from pg_tables where tableowner = current_user) as owns`,
        ),
      ),
      database.db,
    );
    expect(row).toEqual({ role: "kapatiran_app", owns: 0 });
  });

  it("a query for church A without any WHERE sees only church A's rows", async () => {
    const seen = await withChurch(churchA, (tx) => tx.select().from(members), database.db);
    expect(seen.map((m) => m.givenName)).toEqual(["Ana"]);
    const visibleChurches = await withChurch(churchA, (tx) => tx.select().from(churches), database.db);
    expect(visibleChurches.map((c) => c.slug)).toEqual(["a"]);
  });

  it("church A cannot read church B's row even by its id", async () => {
    const found = await withChurch(churchA, (tx) => tx.select().from(members).where(eq(members.id, memberOfB)), database.db);
    expect(found).toEqual([]);
  });

  it("church A cannot update or delete church B's rows", async () => {
    const updated = await withChurch(
      churchA,
      (tx) => tx.update(members).set({ givenName: "Hacked" }).where(eq(members.id, memberOfB)).returning(),
      database.db,
    );
    expect(updated).toEqual([]);
    const deleted = await withChurch(churchA, (tx) => tx.delete(members).returning(), database.db);
    expect(deleted.map((m) => m.givenName)).toEqual(["Ana"]);
    const bStill = await withChurch(churchB, (tx) => tx.select().from(members), database.db);
    expect(bStill.map((m) => m.givenName)).toEqual(["Bert"]);
  });

  it("church A cannot write a row into church B", async () => {
    const error = await withChurch(
      churchA,
      (tx) => tx.insert(households).values({ churchId: churchB, name: "Intruders" }),
      database.db,
    ).catch((e: Error) => e);
    // drizzle wraps the driver's error; PostgreSQL's own words are in `cause`.
    expect(String((error as Error).cause)).toMatch(/row-level security/);
  });

  it("no church chosen means no church rows at all", async () => {
    const seen = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'kapatiran_app', true)`);
      return tx.select().from(members);
    });
    expect(seen).toEqual([]);
  });

  it("the church setting does not outlive its transaction on a pooled connection", async () => {
    await withChurch(churchB, (tx) => tx.select().from(members), database.db);
    const leaked = rowsOf<{ church: string | null; role: string }>(
      await database.db.execute(sql`select current_setting('kapatiran.church_id', true) as church, current_user as role`),
    )[0];
    expect(leaked?.church ?? "").toBe("");
    expect(leaked?.role).not.toBe("kapatiran_app");
  });
});
