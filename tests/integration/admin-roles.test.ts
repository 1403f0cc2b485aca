import { BUILT_IN_ROLES } from "~/auth/permissions";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHURCH_PERMISSIONS } from "~/auth/permissions";
import { permissionKey } from "~/components/permission-checklist";
import { auditLog, churches, invitations, members, roles, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { resources } from "~/locales";
import { inviteUser } from "~/models/invitations.server";
import { builtInRoleIds } from "~/models/roles.server";
import { browse, type CookieJar } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * /admin/roles over HTTP against the real app: custom roles made, changed and
 * deleted by a church administrator, refused where they must be, audited, and
 * felt by their holders on their very next request.
 */

let server: TestServer;
let admin: CookieJar;
let member: CookieJar;
let leader: CookieJar;
let hopeAdmin: CookieJar;
let graceId: string;
let hopeId: string;
let builtIn: Awaited<ReturnType<typeof builtInRoleIds>>;

const db = () => server.database.db;
const at = (path: string) => `${server.url}${path}`;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
  member = await signedInJar(server.url, "member@grace.example");
  leader = await signedInJar(server.url, "leader@grace.example");
  hopeAdmin = await signedInJar(server.url, "admin@hope.example");
  await acrossChurches(async (tx) => {
    const rows = await tx.select().from(churches);
    graceId = rows.find((c) => c.slug === "grace")!.id;
    hopeId = rows.find((c) => c.slug === "hope")!.id;
    builtIn = await builtInRoleIds(tx);
  }, db());
});
afterAll(async () => {
  await server.close();
});

/** A form POST with repeated fields (checkboxes), as a browser sends it. */
function post(jar: CookieJar, path: string, fields: [string, string][]) {
  return browse(jar, at(path), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: new URLSearchParams(fields).toString(),
  });
}
const roleFields = (name: string, permissions: string[]): [string, string][] => [
  ["name", name],
  ...permissions.map((p): [string, string] => ["permissions", p]),
];

const page = async (jar: CookieJar, path: string) => {
  const response = await browse(jar, at(path));
  return { status: response.status, html: await response.text() };
};

const churchRoles = (churchId: string) =>
  acrossChurches((tx) => tx.select().from(roles).where(eq(roles.churchId, churchId)), db());
const roleNamed = async (name: string) => (await churchRoles(graceId)).find((role) => role.name === name);
const userByEmail = (email: string) =>
  acrossChurches(async (tx) => (await tx.select().from(users).where(eq(users.email, email)))[0]!, db());
const setUserRole = (email: string, roleId: string) =>
  acrossChurches((tx) => tx.update(users).set({ roleId }).where(eq(users.email, email)), db());
const auditFor = (action: string, recordId: string) =>
  acrossChurches(
    (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.recordId, recordId)))
        .orderBy(desc(auditLog.id)),
    db(),
  );
const directoryCount = async (jar: CookieJar) => {
  const { status, html } = await page(jar, "/directory");
  expect(status).toBe(200);
  return Number(/(\d+) members?</.exec(html)?.[1]);
};

describe("the roles list", () => {
  it("shows the church's assignable roles with how many users hold each, and no platform roles", async () => {
    const { status, html } = await page(admin, "/admin/roles");
    expect(status).toBe(200);
    for (const name of ["Member", "Group leader", "Church administrator"]) expect(html).toContain(`>${name}</a>`);
    expect(html).not.toContain("Support staff");
    expect(html).not.toContain("Platform administrator");
    // One demo account each for member, group leader and administrator in Grace.
    expect(html.match(/>1 user(<!-- -->)? ·/g)?.length).toBe(3);
    // The checklist, grouped by area, with plain labels.
    expect(html).toContain("People and roles");
    expect(html).toContain("See &#x27;leaders&#x27; fields of every member (for pastoral care)");
    expect(html).not.toContain('value="manage:churches"');
  });

  it("is closed to members and leaders", async () => {
    expect((await page(member, "/admin/roles")).status).toBe(403);
    expect((await page(leader, "/admin/roles")).status).toBe(403);
    expect((await post(leader, "/admin/roles", roleFields("Sneaky", ["view:directory"]))).status).toBe(403);
    expect(await roleNamed("Sneaky")).toBeUndefined();
  });

  it("labels every church permission in both languages", () => {
    for (const lng of ["en", "fil"] as const) {
      const items = resources[lng].adminRoles.permissions.items as Record<string, { label: string; help: string }>;
      for (const permission of CHURCH_PERMISSIONS) {
        expect(items[permissionKey(permission)]?.label, `${lng} ${permission}`).toBeTruthy();
        expect(items[permissionKey(permission)]?.help, `${lng} ${permission}`).toBeTruthy();
      }
    }
  });
});

describe("a custom role, from creation to deletion", () => {
  let pastoralId: string;

  it("is created with its name and chosen permissions, and audited", async () => {
    const response = await post(admin, "/admin/roles", roleFields("Pastoral care", ["view:directory", "view:leaders-fields:any"]));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/roles?done=created");
    const role = await roleNamed("Pastoral care");
    expect(role).toMatchObject({ key: "custom", builtIn: false, churchId: graceId });
    expect([...role!.permissions].sort()).toEqual(["view:directory", "view:leaders-fields:any"]);
    pastoralId = role!.id;
    const [entry] = await auditFor("role.created", pastoralId);
    expect(entry?.after).toEqual({ name: "Pastoral care", permissions: ["view:directory", "view:leaders-fields:any"] });
    const { html } = await page(admin, "/admin/roles?done=created");
    expect(html).toContain(`href="/admin/roles/${pastoralId}">Pastoral care</a>`);
    expect(html).toContain("The role was added.");
  });

  it("refuses a duplicate name (any case) and built-in names, keeping the input", async () => {
    const before = (await churchRoles(graceId)).length;
    const duplicate = await post(admin, "/admin/roles", roleFields("pastoral CARE", ["view:directory", "manage:groups"]));
    expect(duplicate.status).toBe(400);
    const html = await duplicate.text();
    expect(html).toContain("Your church already has a role with this name.");
    expect(html).toContain('value="pastoral CARE"');
    expect(html).toMatch(/checked="" value="manage:groups"/);
    expect(html).not.toMatch(/checked="" value="manage:users"/);
    const reserved = await post(admin, "/admin/roles", roleFields("church administrator", ["view:directory"]));
    expect(reserved.status).toBe(400);
    expect(await reserved.text()).toContain("This is the name of a built-in role.");
    expect((await churchRoles(graceId)).length).toBe(before);
  });

  it("refuses a forged platform permission, an unknown one, or none at all, saving nothing", async () => {
    for (const permissions of [["view:directory", "manage:churches"], ["drop:tables"], []]) {
      const response = await post(admin, "/admin/roles", roleFields("Forged", permissions));
      expect(response.status, permissions.join()).toBe(400);
      expect(await response.text()).toMatch(/Only the permissions listed here can be given|Choose at least one thing/);
    }
    expect(await roleNamed("Forged")).toBeUndefined();
    const blank = await post(admin, "/admin/roles", roleFields("  ", ["view:directory"]));
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain("This is required.");
  });

  it("changes its holders' rights on their very next request", async () => {
    // A member who shares their name with leaders only: hidden from plain members.
    await acrossChurches(async (tx) => {
      const [someone] = await tx
        .select()
        .from(members)
        .where(and(eq(members.churchId, graceId), isNull(members.userId), eq(members.listed, true)))
        .limit(1);
      await tx
        .update(members)
        .set({ privacy: { ...someone!.privacy, name: "leaders" } })
        .where(eq(members.id, someone!.id));
    }, db());
    const asMember = await directoryCount(member);
    expect((await page(member, "/admin/groups")).status).toBe(403);

    await setUserRole("member@grace.example", pastoralId);
    expect(await directoryCount(member)).toBe(asMember + 1);
    expect((await page(member, "/admin/groups")).status).toBe(403);

    const granted = await post(admin, `/admin/roles/${pastoralId}`, [
      ["intent", "update"],
      ...roleFields("Pastoral care", ["view:directory", "view:leaders-fields:any", "manage:groups"]),
    ]);
    expect(granted.status).toBe(302);
    expect(granted.headers.get("location")).toBe(`/admin/roles/${pastoralId}?done=saved`);
    // Same session, no new sign-in: the role row is read on every request.
    expect((await page(member, "/admin/groups")).status).toBe(200);
  });

  it("is renamed and its permissions changed, with before and after in the audit log", async () => {
    const response = await post(admin, `/admin/roles/${pastoralId}`, [
      ["intent", "update"],
      ...roleFields("Pastoral team", ["view:directory", "view:leaders-fields:any"]),
    ]);
    expect(response.status).toBe(302);
    const role = (await churchRoles(graceId)).find((r) => r.id === pastoralId)!;
    expect(role.name).toBe("Pastoral team");
    expect([...role.permissions].sort()).toEqual(["view:directory", "view:leaders-fields:any"]);
    const [entry] = await auditFor("role.updated", pastoralId);
    expect(entry?.before).toEqual({ name: "Pastoral care", permissions: ["view:directory", "view:leaders-fields:any", "manage:groups"] });
    expect(entry?.after).toEqual({ name: "Pastoral team", permissions: ["view:directory", "view:leaders-fields:any"] });
    expect((await page(member, "/admin/groups")).status).toBe(403);

    const forged = await post(admin, `/admin/roles/${pastoralId}`, [
      ["intent", "update"],
      ...roleFields("Pastoral team", ["view:directory", "manage:churches"]),
    ]);
    expect(forged.status).toBe(400);
    const taken = await post(admin, `/admin/roles/${pastoralId}`, [["intent", "update"], ...roleFields("Member", ["view:directory"])]);
    expect(taken.status).toBe(400);
    expect((await churchRoles(graceId)).find((r) => r.id === pastoralId)!.permissions).not.toContain("manage:churches");
  });

  it("cannot be deleted while held, unless its users move to another role in the same step", async () => {
    const memberUser = await userByEmail("member@grace.example");
    const adminUser = await userByEmail("admin@grace.example");
    const invitation = await inviteUser(
      { id: adminUser.id, churchId: graceId, permissions: BUILT_IN_ROLES.church_admin.permissions },
      { email: "new.pastor@example.com", roleId: pastoralId },
      {},
    );
    const detail = await page(admin, `/admin/roles/${pastoralId}`);
    expect(detail.html).toContain("1 user holds this role.");
    expect(detail.html).toContain("1 open invitation gives this role.");

    const unconfirmed = await post(admin, `/admin/roles/${pastoralId}`, [["intent", "delete"], ["moveTo", builtIn.member]]);
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Tick the box to confirm.");
    const unmoved = await post(admin, `/admin/roles/${pastoralId}`, [["intent", "delete"], ["confirm", "yes"]]);
    expect(unmoved.status).toBe(400);
    expect(await unmoved.text()).toContain("Choose the role its users should get instead.");
    const toItself = await post(admin, `/admin/roles/${pastoralId}`, [["intent", "delete"], ["confirm", "yes"], ["moveTo", pastoralId]]);
    expect(toItself.status).toBe(400);
    const toPlatform = await post(admin, `/admin/roles/${pastoralId}`, [
      ["intent", "delete"],
      ["confirm", "yes"],
      ["moveTo", builtIn.platform_admin],
    ]);
    expect(toPlatform.status).toBe(400);
    expect((await churchRoles(graceId)).some((r) => r.id === pastoralId)).toBe(true);
    expect((await userByEmail("member@grace.example")).roleId).toBe(pastoralId);

    const deleted = await post(admin, `/admin/roles/${pastoralId}`, [["intent", "delete"], ["confirm", "yes"], ["moveTo", builtIn.member]]);
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/admin/roles?done=deleted");
    expect((await churchRoles(graceId)).some((r) => r.id === pastoralId)).toBe(false);
    expect((await userByEmail("member@grace.example")).roleId).toBe(builtIn.member);
    const [moved] = await acrossChurches((tx) => tx.select().from(invitations).where(eq(invitations.id, invitation.id)), db());
    expect(moved?.roleId).toBe(builtIn.member);
    const [entry] = await auditFor("role.deleted", pastoralId);
    expect(entry?.before).toEqual({ name: "Pastoral team", permissions: ["view:directory", "view:leaders-fields:any"] });
    expect(entry?.after).toEqual({ movedToRoleId: builtIn.member, movedUserIds: [memberUser.id], movedInvitations: 1 });
    expect((await page(admin, `/admin/roles/${pastoralId}`)).status).toBe(404);
  });

  it("deletes an unused role without asking where its users go", async () => {
    await post(admin, "/admin/roles", roleFields("Ushers", ["view:directory"]));
    const ushers = (await roleNamed("Ushers"))!;
    expect((await page(admin, `/admin/roles/${ushers.id}`)).html).toContain("Nobody holds this role");
    const response = await post(admin, `/admin/roles/${ushers.id}`, [["intent", "delete"], ["confirm", "yes"]]);
    expect(response.status).toBe(302);
    expect(await roleNamed("Ushers")).toBeUndefined();
  });
});

describe("built-in roles", () => {
  it("are shown read-only and refuse every change", async () => {
    const { status, html } = await page(admin, `/admin/roles/${builtIn.group_leader}`);
    expect(status).toBe(200);
    expect(html).toContain("This is a built-in role: it cannot be changed or deleted.");
    expect(html).toContain("Keep the rosters of the groups they lead");
    // No form to change or delete it (the page frame's own forms, such as data saver, aside).
    expect(html).not.toMatch(/name="intent"[^>]*value="(?:update|delete)"|value="(?:update|delete)"[^>]*name="intent"/);
    expect(html).toMatch(/name="intent"[^>]*value="data-saver"/);
    for (const fields of [
      [["intent", "update"], ...roleFields("Group leader", ["view:directory"])],
      [["intent", "delete"], ["confirm", "yes"], ["moveTo", builtIn.member]],
    ] as [string, string][][]) {
      const response = await post(admin, `/admin/roles/${builtIn.group_leader}`, fields);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("Built-in roles cannot be changed or deleted.");
    }
    const [row] = await acrossChurches((tx) => tx.select().from(roles).where(eq(roles.id, builtIn.group_leader)), db());
    expect(row?.permissions).toContain("manage:roster:group");
    expect((await userByEmail("leader@grace.example")).roleId).toBe(builtIn.group_leader);
  });

  it("platform roles and nonsense ids are not found", async () => {
    expect((await page(admin, `/admin/roles/${builtIn.platform_admin}`)).status).toBe(404);
    expect((await page(admin, "/admin/roles/not-a-uuid")).status).toBe(404);
  });
});

describe("keeping an administrator", () => {
  it("refuses a change that leaves nobody able to manage users and roles", async () => {
    await post(admin, "/admin/roles", roleFields("Elders", ["view:directory", "manage:users", "manage:roles"]));
    const elders = (await roleNamed("Elders"))!;
    await setUserRole("admin@grace.example", elders.id);
    try {
      const response = await post(admin, `/admin/roles/${elders.id}`, [["intent", "update"], ...roleFields("Elders", ["view:directory", "manage:roles"])]);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("This would leave nobody who can manage users and roles.");
      const deleted = await post(admin, `/admin/roles/${elders.id}`, [["intent", "delete"], ["confirm", "yes"], ["moveTo", builtIn.member]]);
      expect(deleted.status).toBe(400);
      expect((await roleNamed("Elders"))?.permissions).toContain("manage:users");
      expect((await userByEmail("admin@grace.example")).roleId).toBe(elders.id);
    } finally {
      await setUserRole("admin@grace.example", builtIn.church_admin);
    }
  });
});

describe("tenancy", () => {
  it("another church's administrator can neither see nor touch Grace's roles", async () => {
    await post(admin, "/admin/roles", roleFields("Deacons", ["view:directory"]));
    const deacons = (await roleNamed("Deacons"))!;
    expect((await page(hopeAdmin, "/admin/roles")).html).not.toContain("Deacons");
    expect((await page(hopeAdmin, `/admin/roles/${deacons.id}`)).status).toBe(404);
    const update = await post(hopeAdmin, `/admin/roles/${deacons.id}`, [["intent", "update"], ...roleFields("Hacked", ["manage:users"])]);
    expect(update.status).toBe(404);
    const remove = await post(hopeAdmin, `/admin/roles/${deacons.id}`, [["intent", "delete"], ["confirm", "yes"]]);
    expect(remove.status).toBe(404);
    const after = (await roleNamed("Deacons"))!;
    expect(after.permissions).toEqual(["view:directory"]);
    expect(await auditFor("role.updated", deacons.id)).toEqual([]);
  });

  it("a Grace role cannot be deleted into another church's role", async () => {
    const [hopeRole] = await acrossChurches(
      (tx) => tx.insert(roles).values({ churchId: hopeId, key: "custom", name: "Hope helpers", permissions: ["view:directory"] }).returning(),
      db(),
    );
    await post(admin, "/admin/roles", roleFields("Greeters", ["view:directory"]));
    const greeters = (await roleNamed("Greeters"))!;
    await setUserRole("member@grace.example", greeters.id);
    const response = await post(admin, `/admin/roles/${greeters.id}`, [["intent", "delete"], ["confirm", "yes"], ["moveTo", hopeRole!.id]]);
    expect(response.status).toBe(400);
    expect((await userByEmail("member@grace.example")).roleId).toBe(greeters.id);
    const [count] = await acrossChurches((tx) => tx.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.roleId, hopeRole!.id)), db());
    expect(count?.n).toBe(0);
    await setUserRole("member@grace.example", builtIn.member);
  });
});
