import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roles } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { adminUsersFixtures, pageText } from "../support/admin-users";
import { browse, type CookieJar, postForm } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signIn, signedInJar } from "../support/sign-in";

/**
 * /admin/users/:userId over real HTTP: one user, changing their role,
 * deactivating and reactivating them, and the guards around all three
 * (oneself, the last administrator, other churches).
 */

let server: TestServer;
let admin: CookieJar;
beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
});
afterAll(async () => {
  await server?.close();
});

const at = (path: string) => `${server.url}${path}`;
const db = adminUsersFixtures(() => server);
const change = (jar: CookieJar, userId: string, fields: Record<string, string>) =>
  postForm(jar, at(`/admin/users/${userId}`), fields);
const opens = async (jar: CookieJar, path: string) => (await browse(jar, at(path))).status;

describe("one user", () => {
  it("shows a user of the church: name, e-mail, role, status, last sign-in", async () => {
    const maria = await db.userByEmail("member@grace.example");
    const response = await browse(admin, at(`/admin/users/${maria.id}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await pageText(response);
    for (const text of ["Maria Santos", "member@grace.example", "Member", "Active", "Never"])
      expect(html).toContain(text);
  });

  it("is a 404 for another church's user, an unknown id and a malformed one, and changes nothing", async () => {
    const hope = await signedInJar(server.url, "admin@hope.example");
    const maria = await db.userByEmail("member@grace.example");
    const { church_admin } = await db.roleIds();
    expect(await opens(hope, `/admin/users/${maria.id}`)).toBe(404);
    const attempts: Record<string, string>[] = [
      { intent: "role", roleId: church_admin },
      { intent: "deactivate" },
      { intent: "reactivate" },
    ];
    for (const fields of attempts) {
      expect((await change(hope, maria.id, fields)).status).toBe(404);
    }
    const after = await db.userByEmail("member@grace.example");
    expect({ roleId: after.roleId, status: after.status }).toEqual({ roleId: maria.roleId, status: maria.status });
    expect(await opens(admin, "/admin/users/00000000-0000-4000-8000-000000000000")).toBe(404);
    expect(await opens(admin, "/admin/users/not-a-user")).toBe(404);
  });

  it("answers 403 to a member", async () => {
    const member = await signedInJar(server.url, "member@grace.example");
    const leader = await db.userByEmail("leader@grace.example");
    expect(await opens(member, `/admin/users/${leader.id}`)).toBe(403);
    expect((await change(member, leader.id, { intent: "deactivate" })).status).toBe(403);
    expect((await db.userByEmail("leader@grace.example")).status).toBe("active");
  });
});

describe("changing a role", () => {
  it("takes effect on the user's next request, and is audited with the role names", async () => {
    const { member, church_admin } = await db.roleIds();
    const target = await db.addUser("promoted@grace.example", member);
    const jar = await signedInJar(server.url, "promoted@grace.example");
    expect(await opens(jar, "/admin/users")).toBe(403);

    const promoted = await change(admin, target.id, { intent: "role", roleId: church_admin });
    expect(promoted.status).toBe(200);
    expect(await pageText(promoted)).toContain("Role changed.");
    expect(await opens(jar, "/admin/users")).toBe(200);
    const [audit] = await db.auditOf("user.role_changed", target.id);
    expect(audit?.before).toMatchObject({ role: "Member", roleId: member });
    expect(audit?.after).toMatchObject({ role: "Church administrator", roleId: church_admin });

    expect((await change(admin, target.id, { intent: "role", roleId: member })).status).toBe(200);
    expect(await opens(jar, "/admin/users")).toBe(403);
  });

  it("refuses a platform role, another church's role and a malformed id with a field error", async () => {
    const { member, platform_admin } = await db.roleIds();
    const target = await db.addUser("unchanged@grace.example", member);
    const hope = await db.userByEmail("admin@hope.example");
    const [hopeRole] = await db.across((tx) =>
      tx.insert(roles).values({ churchId: hope.churchId, key: "custom", name: "Hope greeters" }).returning()
    );
    for (const roleId of [platform_admin, hopeRole!.id, "not-a-role"]) {
      const response = await change(admin, target.id, { intent: "role", roleId });
      expect(response.status, roleId).toBe(400);
      expect(await pageText(response)).toMatch(/Choose one of the (roles in the list|options)\./);
    }
    expect((await db.userByEmail("unchanged@grace.example")).roleId).toBe(member);
  });
});

describe("deactivating and reactivating", () => {
  it("ends the user's open session at once and keeps them out, until reactivated", async () => {
    const { member } = await db.roleIds();
    const target = await db.addUser("turned.off@grace.example", member);
    const jar = await signedInJar(server.url, "turned.off@grace.example");
    expect(await opens(jar, "/me")).toBe(200);

    const off = await change(admin, target.id, { intent: "deactivate" });
    expect(off.status).toBe(200);
    const html = await pageText(off);
    expect(html).toContain("Account deactivated.");
    expect(html).toContain("Deactivated");
    expect(await opens(jar, "/me")).toBe(302);
    expect((await signIn(server.url, "turned.off@grace.example")).finished.status).toBe(403);
    expect(await db.auditOf("user.deactivated", target.id)).toHaveLength(1);

    const on = await change(admin, target.id, { intent: "reactivate" });
    expect(on.status).toBe(200);
    expect(await pageText(on)).toContain("Account reactivated.");
    expect((await signIn(server.url, "turned.off@grace.example")).finished.status).toBe(302);
    const [audit] = await db.auditOf("user.reactivated", target.id);
    expect(audit?.before).toEqual({ status: "deactivated" });
    expect(audit?.after).toEqual({ status: "active" });
  });
});

describe("guards", () => {
  it("an administrator cannot change their own role or deactivate themselves", async () => {
    const { member } = await db.roleIds();
    const cristina = await db.userByEmail("admin@grace.example");
    const role = await change(admin, cristina.id, { intent: "role", roleId: member });
    expect(role.status).toBe(400);
    expect(await pageText(role)).toContain("You cannot change your own role. Ask another administrator to do it.");
    const off = await change(admin, cristina.id, { intent: "deactivate" });
    expect(off.status).toBe(400);
    expect(await pageText(off)).toContain("You cannot deactivate your own account.");
    const after = await db.userByEmail("admin@grace.example");
    expect({ roleId: after.roleId, status: after.status }).toEqual({ roleId: cristina.roleId, status: "active" });
    expect(await opens(admin, "/admin/users")).toBe(200);
  });

  it("nobody can demote or deactivate the last active church administrator", async () => {
    const { member, church_admin } = await db.roleIds();
    // A custom role that may manage users, but is not church_admin: the one who could otherwise do it.
    const grace = await db.userByEmail("admin@grace.example");
    const [secretaryRole] = await db.across((tx) =>
      tx
        .insert(roles)
        .values({ churchId: grace.churchId, key: "custom", name: "Secretary", permissions: ["manage:users"] })
        .returning()
    );
    await db.addUser("secretary@grace.example", secretaryRole!.id);
    // A deactivated administrator does not count.
    await db.addUser("dormant.admin@grace.example", church_admin, { status: "deactivated" });
    const secretary = await signedInJar(server.url, "secretary@grace.example");

    const demote = await change(secretary, grace.id, { intent: "role", roleId: member });
    expect(demote.status).toBe(400);
    expect(await pageText(demote)).toContain("This is the church's last active church administrator.");
    const off = await change(secretary, grace.id, { intent: "deactivate" });
    expect(off.status).toBe(400);
    expect(await pageText(off)).toContain("This is the church's last active church administrator.");
    const after = await db.userByEmail("admin@grace.example");
    expect({ roleId: after.roleId, status: after.status }).toEqual({ roleId: church_admin, status: "active" });

    // With a second active administrator, either may be demoted.
    const second = await db.addUser("second.admin@grace.example", church_admin);
    expect((await change(secretary, second.id, { intent: "role", roleId: member })).status).toBe(200);
    expect((await db.userByEmail("second.admin@grace.example")).roleId).toBe(member);
  });
});
