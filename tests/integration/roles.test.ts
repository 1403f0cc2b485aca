import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, CHURCH_PERMISSIONS, PERMISSIONS } from "~/auth/permissions";
import { roles } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { freshDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("built-in roles", () => {
  it("the migration creates exactly the roles and permissions the code defines", async () => {
    const rows = await acrossChurches((tx) => tx.select().from(roles), database.db);
    const fromDatabase = Object.fromEntries(
      rows.map((row) => [row.key, { name: row.name, permissions: [...row.permissions].sort(), builtIn: row.builtIn, church: row.churchId }]),
    );
    const fromCode = Object.fromEntries(
      Object.entries(BUILT_IN_ROLES).map(([key, role]) => [
        key,
        { name: role.name, permissions: [...role.permissions].sort(), builtIn: true, church: null },
      ]),
    );
    expect(fromDatabase).toEqual(fromCode);
  });

  it("a church administrator holds every church permission and no platform one", () => {
    expect([...BUILT_IN_ROLES.church_admin.permissions].sort()).toEqual([...CHURCH_PERMISSIONS].sort());
    expect(PERMISSIONS.filter((p) => !CHURCH_PERMISSIONS.includes(p))).toEqual(
      expect.arrayContaining(["manage:churches", "manage:help"]),
    );
  });
});
