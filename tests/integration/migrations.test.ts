import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedMigrations, loadMigrations, migrate, pendingMigrations, rollback, rowsOf } from "~/db/migrations.server";
import { freshDatabase, type TestDatabase } from "../support/database";

const tablesOf = async (database: TestDatabase) =>
  rowsOf<{ name: string }>(
    await database.db.execute(
      sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'kapatiran_migrations' order by 1`,
    ),
  ).map((row) => row.name);

describe(`migrations (${process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite"})`, () => {
  let database: TestDatabase;
  const migrations = loadMigrations();

  beforeAll(async () => {
    database = await freshDatabase({ migrated: false });
  });
  afterAll(async () => {
    await database.drop();
  });

  it("has a rollback script for every migration", () => {
    expect(migrations.length).toBeGreaterThan(0);
    for (const migration of migrations) expect(migration.down.length, migration.tag).toBeGreaterThan(0);
  });

  it("applies everything, and a second run changes nothing", async () => {
    expect(await migrate(database.db, migrations)).toEqual(migrations.map((m) => m.tag));
    expect(await migrate(database.db, migrations)).toEqual([]);
    expect(await pendingMigrations(database.db, migrations)).toEqual([]);
    expect(await tablesOf(database)).toEqual(
      expect.arrayContaining(["churches", "users", "members", "households", "groups", "group_memberships", "sessions", "audit_log"]),
    );
  });

  it("rolls each migration back in turn to an empty database, then re-applies them all", async () => {
    for (const migration of [...migrations].reverse()) {
      expect(await rollback(database.db, 1, migrations)).toEqual([migration.tag]);
      expect((await appliedMigrations(database.db)).includes(migration.tag)).toBe(false);
    }
    expect(await tablesOf(database)).toEqual([]);
    expect(await rollback(database.db, 1, migrations)).toEqual([]);
    expect(await migrate(database.db, migrations)).toEqual(migrations.map((m) => m.tag));
  });

  it("runs safely from two migrators at once", async () => {
    await rollback(database.db, migrations.length, migrations);
    const [first, second] = await Promise.all([migrate(database.db, migrations), migrate(database.db, migrations)]);
    expect([...first, ...second].sort()).toEqual(migrations.map((m) => m.tag).sort());
  });
});
