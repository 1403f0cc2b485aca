import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, churches, groupMemberships, groups, members, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { builtInRoleIds } from "~/models/roles.server";
import { browse, postForm, type CookieJar } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * /admin/groups over HTTP against the real app: administrators run every
 * group; a leader keeps the roster of the group they lead and nothing else;
 * leading a group moves a plain member to the group_leader role and back;
 * another church sees none of it.
 */

let server: TestServer;
let admin: CookieJar;
let leader: CookieJar;
let member: CookieJar;
let hopeAdmin: CookieJar;
let graceId: string;
let hopeId: string;
let youthId: string;
let otherGroupId: string;
let maria: { id: string; userId: string | null };
let jericho: { id: string };
let builtIn: Awaited<ReturnType<typeof builtInRoleIds>>;

const db = () => server.database.db;
const at = (path: string) => `${server.url}${path}`;
const page = async (jar: CookieJar, path: string) => {
  const response = await browse(jar, at(path));
  return { status: response.status, html: await response.text() };
};
const post = (jar: CookieJar, path: string, fields: Record<string, string>) => postForm(jar, at(path), fields);

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
  leader = await signedInJar(server.url, "leader@grace.example");
  member = await signedInJar(server.url, "member@grace.example");
  hopeAdmin = await signedInJar(server.url, "admin@hope.example");
  await acrossChurches(async (tx) => {
    const all = await tx.select().from(churches);
    graceId = all.find((c) => c.slug === "grace")!.id;
    hopeId = all.find((c) => c.slug === "hope")!.id;
    const graceGroups = await tx.select().from(groups).where(eq(groups.churchId, graceId));
    youthId = graceGroups.find((g) => g.name === "Youth Ministry")!.id;
    otherGroupId = graceGroups.find((g) => g.name === "Worship Team")!.id;
    const accountMember = async (email: string) => {
      const [row] = await tx
        .select({ id: members.id, userId: members.userId })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(eq(users.email, email));
      return row!;
    };
    maria = await accountMember("member@grace.example");
    jericho = await accountMember("leader@grace.example");
    builtIn = await builtInRoleIds(tx);
  }, db());
});
afterAll(async () => {
  await server.close();
});

const groupNamed = async (name: string, churchId = graceId) =>
  (await acrossChurches((tx) => tx.select().from(groups).where(and(eq(groups.churchId, churchId), eq(groups.name, name))), db()))[0];
const rosterOf = (groupId: string) =>
  acrossChurches((tx) => tx.select().from(groupMemberships).where(eq(groupMemberships.groupId, groupId)), db());
const roleOf = async (email: string) =>
  (await acrossChurches((tx) => tx.select().from(users).where(eq(users.email, email)), db()))[0]!.roleId;
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
/** A listed Grace member without an account who is not in `groupId`. */
const outsider = async (groupId: string) =>
  acrossChurches(async (tx) => {
    const inGroup = (await tx.select().from(groupMemberships).where(eq(groupMemberships.groupId, groupId))).map((m) => m.memberId);
    const rows = await tx
      .select()
      .from(members)
      .where(and(eq(members.churchId, graceId), isNull(members.userId), eq(members.listed, true), isNull(members.deletedAt)));
    return rows.find((row) => !inGroup.includes(row.id) && row.privacy.name === "church")!;
  }, db());

describe("the groups list", () => {
  it("shows an administrator every group of the church with member and leader counts", async () => {
    const { status, html } = await page(admin, "/admin/groups");
    expect(status).toBe(200);
    const graceGroups = await acrossChurches((tx) => tx.select().from(groups).where(eq(groups.churchId, graceId)), db());
    expect(graceGroups.length).toBe(8);
    for (const group of graceGroups) expect(html).toContain(`href="/admin/groups/${group.id}"`);
    expect(html).not.toContain("Bible Study");
    const youth = await rosterOf(youthId);
    const leaders = youth.filter((m) => m.role === "leader").length;
    expect(html).toMatch(new RegExp(`${youth.length} people(<!-- -->)? · (<!-- -->)?${leaders} leaders?`));
    expect(html).toContain("Add a group");
  });

  it("shows a leader only the groups they lead, without the add form; members get 403", async () => {
    const { status, html } = await page(leader, "/admin/groups");
    expect(status).toBe(200);
    expect(html).toContain(`href="/admin/groups/${youthId}"`);
    expect(html).not.toContain(`href="/admin/groups/${otherGroupId}"`);
    expect(html).not.toContain("Add a group");
    const adminHome = await browse(leader, at("/admin"));
    expect(adminHome.status).toBe(302);
    expect(adminHome.headers.get("location")).toBe("/admin/groups");
    expect((await page(member, "/admin/groups")).status).toBe(403);
    expect((await page(member, `/admin/groups/${youthId}`)).status).toBe(403);
  });
});

describe("administrators", () => {
  let choirId: string;

  it("create a group, refusing a name already taken (any case) and keeping the input", async () => {
    const created = await post(admin, "/admin/groups", { name: "Choir", description: "Sings on Sundays." });
    expect(created.status).toBe(302);
    const choir = await groupNamed("Choir");
    expect(choir).toMatchObject({ churchId: graceId, description: "Sings on Sundays." });
    choirId = choir!.id;
    expect(created.headers.get("location")).toBe(`/admin/groups/${choirId}?done=created`);
    expect((await auditFor("group.created", choirId))[0]?.after).toEqual({ name: "Choir", description: "Sings on Sundays." });

    const duplicate = await post(admin, "/admin/groups", { name: "choir", description: "Another" });
    expect(duplicate.status).toBe(400);
    const html = await duplicate.text();
    expect(html).toContain("Your church already has a group with this name.");
    expect(html).toContain('value="choir"');
    expect(html).toContain('value="Another"');
    expect((await post(admin, "/admin/groups", { name: " ", description: "" })).status).toBe(400);
    expect((await post(admin, "/admin/groups", { name: "x".repeat(81) })).status).toBe(400);
  });

  it("rename and describe a group, with before and after audited", async () => {
    const response = await post(admin, `/admin/groups/${choirId}`, { intent: "update", name: "Church Choir", description: "" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/admin/groups/${choirId}?done=saved`);
    expect(await groupNamed("Church Choir")).toMatchObject({ id: choirId, description: null });
    const [entry] = await auditFor("group.updated", choirId);
    expect(entry?.before).toEqual({ name: "Choir", description: "Sings on Sundays." });
    expect(entry?.after).toEqual({ name: "Church Choir", description: null });
    const clash = await post(admin, `/admin/groups/${choirId}`, { intent: "update", name: "Youth Ministry", description: "" });
    expect(clash.status).toBe(400);
    expect(await clash.text()).toContain("Your church already has a group with this name.");
  });

  it("find members by name and add them, one Add button each, with no JavaScript", async () => {
    const { status, html } = await page(admin, `/admin/groups/${choirId}?q=Maria%20Santos`);
    expect(status).toBe(200);
    expect(html).toContain('role="search"');
    expect(html).toMatch(/Maria Santos<\/span><form method="post">/);
    expect(html).toContain(`name="memberId" value="${maria.id}"`);

    const added = await post(admin, `/admin/groups/${choirId}?q=Maria%20Santos`, { intent: "add", memberId: maria.id });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(`/admin/groups/${choirId}?q=Maria+Santos&done=added`);
    expect(await rosterOf(choirId)).toEqual([expect.objectContaining({ memberId: maria.id, role: "member", churchId: graceId })]);
    expect((await auditFor("group.member_added", choirId))[0]?.after).toEqual({ memberId: maria.id, role: "member" });
    // Already in: no longer offered, and refused if posted again.
    const offered = `<input type="hidden" name="intent" value="add"/><input type="hidden" name="memberId" value="${maria.id}"/>`;
    expect(html).toContain(offered);
    expect((await page(admin, `/admin/groups/${choirId}?q=Maria%20Santos`)).html).not.toContain(offered);
    const again = await post(admin, `/admin/groups/${choirId}`, { intent: "add", memberId: maria.id });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("This member is already in the group.");
  });

  it("make a member with a plain member account a leader, which makes them group_leader, and back", async () => {
    expect(await roleOf("member@grace.example")).toBe(builtIn.member);
    const made = await post(admin, `/admin/groups/${choirId}`, { intent: "setRole", memberId: maria.id, role: "leader" });
    expect(made.status).toBe(302);
    expect((await rosterOf(choirId))[0]?.role).toBe("leader");
    expect(await roleOf("member@grace.example")).toBe(builtIn.group_leader);
    const [set] = await auditFor("group.leader_set", choirId);
    expect(set?.before).toEqual({ memberId: maria.id, role: "member" });
    expect(set?.after).toEqual({ memberId: maria.id, role: "leader" });
    const [promoted] = await auditFor("user.role_changed", maria.userId!);
    expect(promoted?.before).toMatchObject({ roleId: builtIn.member });
    expect(promoted?.after).toMatchObject({ roleId: builtIn.group_leader });
    // Her next request: she may keep the Choir's roster, and only that.
    const asLeader = await page(member, "/admin/groups");
    expect(asLeader.status).toBe(200);
    expect(asLeader.html).toContain(`href="/admin/groups/${choirId}"`);
    expect(asLeader.html).not.toContain(`href="/admin/groups/${youthId}"`);

    const back = await post(admin, `/admin/groups/${choirId}`, { intent: "setRole", memberId: maria.id, role: "member" });
    expect(back.status).toBe(302);
    expect(await roleOf("member@grace.example")).toBe(builtIn.member);
    expect((await auditFor("user.role_changed", maria.userId!))[0]?.after).toMatchObject({ roleId: builtIn.member });
    expect((await page(member, "/admin/groups")).status).toBe(403);
  });

  it("leave an administrator's role alone when they lead a group", async () => {
    const cristina = await acrossChurches(
      async (tx) =>
        (await tx.select({ id: members.id }).from(members).innerJoin(users, eq(users.id, members.userId)).where(eq(users.email, "admin@grace.example")))[0]!,
      db(),
    );
    await post(admin, `/admin/groups/${choirId}`, { intent: "add", memberId: cristina.id });
    await post(admin, `/admin/groups/${choirId}`, { intent: "setRole", memberId: cristina.id, role: "leader" });
    expect(await roleOf("admin@grace.example")).toBe(builtIn.church_admin);
    await post(admin, `/admin/groups/${choirId}`, { intent: "remove", memberId: cristina.id });
    expect(await roleOf("admin@grace.example")).toBe(builtIn.church_admin);
  });

  it("remove a member, audited", async () => {
    const response = await post(admin, `/admin/groups/${choirId}`, { intent: "remove", memberId: maria.id });
    expect(response.status).toBe(302);
    expect(await rosterOf(choirId)).toEqual([]);
    expect((await auditFor("group.member_removed", choirId))[0]?.before).toEqual({ memberId: maria.id, role: "member" });
    expect((await post(admin, `/admin/groups/${choirId}`, { intent: "remove", memberId: maria.id })).status).toBe(404);
  });

  it("delete a group only when confirmed; its memberships go, and its leaders lead nothing", async () => {
    await post(admin, `/admin/groups/${choirId}`, { intent: "add", memberId: maria.id });
    await post(admin, `/admin/groups/${choirId}`, { intent: "setRole", memberId: maria.id, role: "leader" });
    expect(await roleOf("member@grace.example")).toBe(builtIn.group_leader);

    const unconfirmed = await post(admin, `/admin/groups/${choirId}`, { intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Tick the box to confirm.");
    expect(await groupNamed("Church Choir")).toBeDefined();

    const deleted = await post(admin, `/admin/groups/${choirId}`, { intent: "delete", confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/admin/groups?done=deleted");
    expect(await groupNamed("Church Choir")).toBeUndefined();
    expect(await rosterOf(choirId)).toEqual([]);
    expect(await roleOf("member@grace.example")).toBe(builtIn.member);
    const [entry] = await auditFor("group.deleted", choirId);
    expect(entry?.before).toEqual({ name: "Church Choir", description: null, memberships: [{ memberId: maria.id, role: "leader" }] });
    expect((await page(admin, `/admin/groups/${choirId}`)).status).toBe(404);
  });
});

describe("a group leader", () => {
  it("keeps the roster of the group they lead: add and remove plain members", async () => {
    const { status, html } = await page(leader, `/admin/groups/${youthId}`);
    expect(status).toBe(200);
    expect(html).not.toContain('value="setRole"');
    expect(html).not.toContain("Delete this group");
    const newcomer = await outsider(youthId);
    const search = await page(leader, `/admin/groups/${youthId}?q=${encodeURIComponent(`${newcomer.givenName} ${newcomer.familyName}`)}`);
    expect(search.html).toContain(`value="${newcomer.id}"`);
    expect((await post(leader, `/admin/groups/${youthId}`, { intent: "add", memberId: newcomer.id })).status).toBe(302);
    expect((await rosterOf(youthId)).some((m) => m.memberId === newcomer.id && m.role === "member")).toBe(true);
    expect((await post(leader, `/admin/groups/${youthId}`, { intent: "remove", memberId: newcomer.id })).status).toBe(302);
    expect((await rosterOf(youthId)).some((m) => m.memberId === newcomer.id)).toBe(false);
    const [leaderUser] = await acrossChurches((tx) => tx.select().from(users).where(eq(users.email, "leader@grace.example")), db());
    expect((await auditFor("group.member_removed", youthId))[0]).toMatchObject({
      actorUserId: leaderUser!.id,
      before: { memberId: newcomer.id, role: "member" },
    });
  });

  it("may not change who leads, rename or delete their group, nor create groups", async () => {
    const before = await rosterOf(youthId);
    const plain = before.find((m) => m.role === "member")!;
    expect((await post(leader, `/admin/groups/${youthId}`, { intent: "setRole", memberId: plain.memberId, role: "leader" })).status).toBe(403);
    expect((await post(leader, `/admin/groups/${youthId}`, { intent: "remove", memberId: jericho.id })).status).toBe(403);
    expect((await post(leader, `/admin/groups/${youthId}`, { intent: "update", name: "Renamed", description: "" })).status).toBe(403);
    expect((await post(leader, `/admin/groups/${youthId}`, { intent: "update", name: "", description: "" })).status).toBe(403);
    expect((await post(leader, `/admin/groups/${youthId}`, { intent: "delete", confirm: "yes" })).status).toBe(403);
    expect((await post(leader, `/admin/groups/${youthId}`, { intent: "delete" })).status).toBe(403);
    expect((await post(leader, "/admin/groups", { name: "Leader's own group", description: "" })).status).toBe(403);
    expect(await rosterOf(youthId)).toEqual(before);
    expect(await groupNamed("Youth Ministry")).toBeDefined();
    expect(await groupNamed("Leader's own group")).toBeUndefined();
  });

  it("gets 403 on a group they do not lead, and changes nothing there", async () => {
    const before = await rosterOf(otherGroupId);
    const newcomer = await outsider(otherGroupId);
    expect((await page(leader, `/admin/groups/${otherGroupId}`)).status).toBe(403);
    expect((await post(leader, `/admin/groups/${otherGroupId}`, { intent: "add", memberId: newcomer.id })).status).toBe(403);
    expect((await post(leader, `/admin/groups/${otherGroupId}`, { intent: "remove", memberId: before[0]!.memberId })).status).toBe(403);
    expect(await rosterOf(otherGroupId)).toEqual(before);
  });

  it("finds only members whose name the privacy policy lets them see", async () => {
    const shy = await outsider(youthId);
    await acrossChurches(
      (tx) => tx.update(members).set({ privacy: { ...shy.privacy, name: "admins" } }).where(eq(members.id, shy.id)),
      db(),
    );
    const q = encodeURIComponent(`${shy.givenName} ${shy.familyName}`);
    expect((await page(leader, `/admin/groups/${youthId}?q=${q}`)).html).not.toContain(`value="${shy.id}"`);
    expect((await page(admin, `/admin/groups/${youthId}?q=${q}`)).html).toContain(`value="${shy.id}"`);
    const forged = await post(leader, `/admin/groups/${youthId}`, { intent: "add", memberId: shy.id });
    expect(forged.status).toBe(400);
    expect((await rosterOf(youthId)).some((m) => m.memberId === shy.id)).toBe(false);
  });
});

describe("tenancy", () => {
  it("another church's administrator gets 404 on every Grace group and member id, and nothing changes", async () => {
    const youthBefore = await rosterOf(youthId);
    const plain = youthBefore.find((m) => m.role === "member")!;
    const hopeList = await page(hopeAdmin, "/admin/groups");
    expect(hopeList.status).toBe(200);
    expect(hopeList.html).not.toContain(youthId);
    expect(hopeList.html).not.toContain("Youth Ministry");
    expect((await page(hopeAdmin, `/admin/groups/${youthId}`)).status).toBe(404);
    for (const fields of [
      { intent: "update", name: "Hacked", description: "" } as Record<string, string>,
      { intent: "delete", confirm: "yes" },
      { intent: "add", memberId: maria.id },
      { intent: "remove", memberId: plain.memberId },
      { intent: "setRole", memberId: plain.memberId, role: "leader" },
    ]) {
      expect((await post(hopeAdmin, `/admin/groups/${youthId}`, fields)).status, fields.intent).toBe(404);
    }
    expect(await rosterOf(youthId)).toEqual(youthBefore);
    expect(await groupNamed("Youth Ministry")).toBeDefined();
  });

  it("a Grace member cannot be added to another church's group, nor found from there", async () => {
    const bibleStudy = (await groupNamed("Bible Study", hopeId))!;
    const search = await page(hopeAdmin, `/admin/groups/${bibleStudy.id}?q=Maria%20Santos`);
    expect(search.status).toBe(200);
    expect(search.html).not.toContain(maria.id);
    const response = await post(hopeAdmin, `/admin/groups/${bibleStudy.id}`, { intent: "add", memberId: maria.id });
    expect(response.status).toBe(400);
    expect((await rosterOf(bibleStudy.id)).some((m) => m.memberId === maria.id)).toBe(false);
  });
});
