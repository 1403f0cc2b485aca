import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { churches, roles, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { postForm, type CookieJar } from "../support/browser";
import { adminUsersFixtures } from "../support/admin-users";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A custom role that may manage users must not be a way up: whoever holds it
 * cannot give (or invite with) a role carrying rights they lack themselves.
 */
let server: TestServer;
let manager: CookieJar;
const db = adminUsersFixtures(() => server);

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  await db.across(async (tx) => {
    const [grace] = await tx.select().from(churches).where(eq(churches.slug, "grace"));
    const [role] = await tx
      .insert(roles)
      .values({ churchId: grace!.id, key: "custom", name: "User manager", permissions: ["view:directory", "manage:users"] })
      .returning();
    await tx.update(users).set({ roleId: role!.id }).where(eq(users.email, "member@grace.example"));
  });
  manager = await signedInJar(server.url, "member@grace.example");
});
afterAll(async () => {
  await server.close();
});

describe("no climbing through the users page", () => {
  it("refuses to make someone a church administrator", async () => {
    const { church_admin } = await db.roleIds();
    const target = await db.userByEmail("leader@grace.example");
    const response = await postForm(manager, `${server.url}/admin/users/${target.id}`, { intent: "role", roleId: church_admin });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("rights you don");
    expect((await db.userByEmail("leader@grace.example")).roleId).toBe(target.roleId);
  });

  it("refuses to invite someone as a church administrator, but may invite a member", async () => {
    const { church_admin, member } = await db.roleIds();
    const refused = await postForm(manager, `${server.url}/admin/users`, {
      intent: "invite",
      email: "climber@example.com",
      roleId: church_admin,
    });
    expect(refused.status).toBe(400);
    expect(await db.invitationFor("climber@example.com")).toBeUndefined();
    const allowed = await postForm(manager, `${server.url}/admin/users`, {
      intent: "invite",
      email: "newcomer@example.com",
      roleId: member,
    });
    expect(allowed.status).toBeLessThan(400);
    expect(await db.invitationFor("newcomer@example.com")).toBeDefined();
  });
});
