import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { verifyAuditChain } from "~/models/audit.server";
import { browse, type CookieJar, postForm } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";
import { memberFixtures, visibleText } from "./member-admin-fixtures";

/**
 * /admin/members over real HTTP as Grace's administrator: the list and
 * search, adding and editing members as privacy allows, households, removal,
 * merging duplicates and the CSV export — and none of it for Hope's
 * administrator or a plain member.
 */

let server: TestServer;
let admin: CookieJar;
let hopeAdmin: CookieJar;
let member: CookieJar;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
  hopeAdmin = await signedInJar(server.url, "admin@hope.example");
  member = await signedInJar(server.url, "member@grace.example");
});
afterAll(async () => {
  await server?.close();
});

const db = memberFixtures(() => server);
const at = (path: string) => `${server.url}${path}`;
const post = (jar: CookieJar, path: string, fields: Record<string, string>) => postForm(jar, at(path), fields);
const DEFAULT = { name: "church", photo: "church", phone: "leaders", email: "leaders", address: "admins", birthday: "admins" } as const;

describe("the member list", () => {
  it("lists the church's members 50 a page, unlisted ones too, and never another church's", async () => {
    const unlisted = await db.graceMember();
    await db.update(unlisted.id, { listed: false });
    const { status, response, html } = await db.page(admin, `/admin/members?q=${encodeURIComponent(unlisted.givenName + " " + unlisted.familyName)}`);
    expect(status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(html).toContain(`${unlisted.givenName} ${unlisted.familyName}`);
    expect(html).toContain("Not in the directory");

    const all = await db.page(admin, "/admin/members");
    expect(all.html.match(/href="\/admin\/members\/[0-9a-f-]{36}"/g)).toHaveLength(50);
    expect(all.html).toMatch(/\d+ members/);
    expect(all.html).toContain('href="?page=2"');
    expect(all.html).not.toContain("Josefina Aquino");
    await db.update(unlisted.id, { listed: true });
  });

  it("finds members by name, accents and typos forgiven, but not by a name they hid", async () => {
    const hidden = await db.addMember({ givenName: "Perpetua", familyName: "Lualhati", privacy: { ...DEFAULT, name: "hidden" } });
    await db.addMember({ givenName: "Perpetua", familyName: "Dimaculangan" });
    const found = await db.page(admin, "/admin/members?q=perpetwa");
    expect(found.html).toContain("Perpetua Dimaculangan");
    expect(found.html).not.toContain("Lualhati");
    expect(found.html).not.toContain(hidden.id);
    // Listed without a search, as a placeholder that says why.
    expect((await db.page(admin, `/admin/members/${hidden.id}`)).html).toContain("Name hidden by the member");
  });

  it("shows only what the privacy policy gives the administrator: never a hidden field", async () => {
    const target = await db.addMember({
      givenName: "Crisanto",
      familyName: "Hiwaga",
      phone: "+63 917 000 1111",
      email: "crisanto@example.com",
      privacy: { ...DEFAULT, phone: "hidden" },
    });
    const list = await db.page(admin, "/admin/members?q=Crisanto+Hiwaga");
    expect(list.html).toContain("crisanto@example.com");
    expect(list.html).not.toContain("000 1111");
    const detail = await db.page(admin, `/admin/members/${target.id}`);
    expect(detail.html).toContain("Hidden by the member");
    expect(detail.html).not.toContain("000 1111");
    expect(detail.html).not.toContain('name="phone"');
  });
});

describe("adding and editing a member", () => {
  it("adds a member in a new household, audited, found by the directory", async () => {
    const response = await post(admin, "/admin/members", {
      intent: "add",
      givenName: "Marikit",
      familyName: "Bagong-Dating",
      email: "Marikit@Example.com",
      phone: "+63 917 555 0101",
      address: "",
      birthday: "1991-04-05",
      householdId: "new",
      householdName: "",
    });
    expect(response.status).toBe(302);
    const id = response.headers.get("location")!.match(/\/admin\/members\/([0-9a-f-]{36})\?done=created/)![1]!;
    const created = await db.member(id);
    expect(created).toMatchObject({ givenName: "Marikit", familyName: "Bagong-Dating", email: "marikit@example.com", birthday: "1991-04-05" });
    expect((await db.household(created!.householdId!))?.name).toBe("Bagong-Dating Family");
    const [entry] = await db.audit("member.created", id);
    expect(entry?.after).toMatchObject({ givenName: "Marikit", email: "marikit@example.com", newHousehold: "Bagong-Dating Family" });
    expect((await db.page(admin, "/directory?q=Marikit")).html).toContain("Marikit Bagong-Dating");
  });

  it("refuses a bad form with the errors and the input kept (400, not 500)", async () => {
    const response = await post(admin, "/admin/members", {
      intent: "add",
      givenName: "",
      familyName: "Walang-Pangalan",
      email: "not-an-email",
      phone: "",
      address: "",
      birthday: "",
      householdId: "",
      householdName: "",
    });
    expect(response.status).toBe(400);
    const text = visibleText(await response.text());
    expect(text).toContain("This is required.");
    expect(text).toContain("Enter an e-mail address like name@example.com.");
    expect(text).not.toContain("Walang-Pangalan Family");
    expect(await db.membersWhere(eq(members.familyName, "Walang-Pangalan"))).toEqual([]);
  });

  it("saves what changed, audited before → after, and never touches a hidden field", async () => {
    const target = await db.addMember({
      givenName: "Dalisay",
      familyName: "Ilagan",
      phone: "+63 917 222 3333",
      privacy: { ...DEFAULT, phone: "hidden" },
    });
    const response = await post(admin, `/admin/members/${target.id}`, {
      intent: "details",
      givenName: "Dalisay",
      familyName: "Ilagan-Cruz",
      email: "dalisay@example.com",
      address: "",
      birthday: "",
      // Not on the form: a hand-made field must change nothing.
      phone: "+63 999 999 9999",
    });
    expect(response.status).toBe(302);
    const saved = await db.member(target.id);
    expect(saved).toMatchObject({ familyName: "Ilagan-Cruz", email: "dalisay@example.com", phone: "+63 917 222 3333" });
    const [entry] = await db.audit("member.updated", target.id);
    expect(entry?.before).toEqual({ familyName: "Ilagan", email: null });
    expect(entry?.after).toEqual({ familyName: "Ilagan-Cruz", email: "dalisay@example.com" });
  });

  it("moves a member to another household, audited", async () => {
    const household = await db.addHousehold("Lakandula Household");
    const target = await db.addMember({ givenName: "Tala", familyName: "Lakandula" });
    const response = await post(admin, `/admin/members/${target.id}`, { intent: "household", householdId: household.id, householdName: "" });
    expect(response.status).toBe(302);
    expect((await db.member(target.id))?.householdId).toBe(household.id);
    const [entry] = await db.audit("member.updated", target.id);
    expect(entry).toMatchObject({ before: { householdId: null }, after: { householdId: household.id } });
  });
});

describe("removing a member", () => {
  it("asks for confirmation, then soft-deletes: gone from the directory, the audit trail kept", async () => {
    const target = await db.addMember({ givenName: "Liwayway", familyName: "Paalam" });
    const youth = await db.group("Youth Ministry");
    await db.join(youth.id, target.id);
    const edited = await post(admin, `/admin/members/${target.id}`, {
      intent: "details",
      givenName: "Liwayway",
      familyName: "Paalam",
      email: "",
      address: "3 Bagong Araw St.",
      birthday: "",
      phone: "",
    });
    expect(edited.status).toBe(302);
    expect((await db.page(admin, "/directory?q=Liwayway+Paalam")).html).toContain(`href="/directory/${target.id}"`);

    const unconfirmed = await post(admin, `/admin/members/${target.id}`, { intent: "remove" });
    expect(unconfirmed.status).toBe(400);
    expect(visibleText(await unconfirmed.text())).toContain("Tick the box to confirm.");
    expect((await db.member(target.id))?.deletedAt).toBeNull();

    const removed = await post(admin, `/admin/members/${target.id}`, { intent: "remove", confirm: "yes" });
    expect(removed.status).toBe(302);
    expect(removed.headers.get("location")).toBe("/admin/members?removed=1");
    expect((await db.member(target.id))?.deletedAt).toBeInstanceOf(Date);
    expect(await db.membershipsOf(target.id)).toEqual([]);
    const directory = await db.page(admin, "/directory?q=Liwayway+Paalam");
    expect(directory.html).toContain("0 matches");
    expect(directory.html).not.toContain(target.id);
    expect((await db.page(admin, `/directory/${target.id}`)).status).toBe(404);
    expect((await db.page(admin, `/admin/members/${target.id}`)).status).toBe(404);
    const trail = (await db.auditOfRecord(target.id)).map((entry) => entry.action);
    // The unconfirmed post showed the record again, admins-level details included: an access event.
    expect(trail).toEqual(["member.updated", "member.viewed_private_fields", "member.removed"]);
    const [entry] = await db.audit("member.removed", target.id);
    expect(entry?.before).toMatchObject({ groups: [{ groupId: youth.id, role: "member" }] });
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
  });
});

describe("merging duplicates", () => {
  it("fills empty fields, moves groups without duplicates, links the account, removes the duplicate — one audited step", async () => {
    const youth = await db.group("Youth Ministry");
    const worship = await db.group("Worship Team");
    const account = await db.addUser("bituin.duplicate@example.com");
    const keep = await db.addMember({ givenName: "Bituin", familyName: "Marangal", email: "bituin@example.com" });
    const other = await db.addMember({
      givenName: "Bituin",
      familyName: "Marangal",
      email: "old-bituin@example.com",
      phone: "+63 917 444 5555",
      birthday: "1988-08-08",
      address: "Lihim na Daan 1",
      userId: account.id,
      privacy: { ...DEFAULT, address: "hidden" },
    });
    await db.join(youth.id, keep.id);
    await db.join(youth.id, other.id, "leader");
    await db.join(worship.id, other.id);

    const found = await db.page(admin, `/admin/members/${keep.id}?find=Bituin+Marangal`);
    expect(found.html).toContain(`value="${other.id}"`);
    expect(found.html).not.toContain(`value="${keep.id}"`);

    const response = await post(admin, `/admin/members/${keep.id}?find=Bituin+Marangal`, { intent: "merge", otherId: other.id, confirm: "yes" });
    expect(response.status).toBe(302);
    const merged = await db.member(keep.id);
    expect(merged).toMatchObject({
      email: "bituin@example.com",
      phone: "+63 917 444 5555",
      birthday: "1988-08-08",
      address: "Lihim na Daan 1",
      userId: account.id,
      deletedAt: null,
    });
    // The address the duplicate hid stays hidden on the merged record.
    expect(merged?.privacy.address).toBe("hidden");
    expect(await db.member(other.id)).toMatchObject({ userId: null, deletedAt: expect.any(Date) });
    const memberships = await db.membershipsOf(keep.id);
    expect(memberships.map((m) => [m.groupId, m.role]).sort()).toEqual([[worship.id, "member"], [youth.id, "leader"]].sort());
    expect(await db.membershipsOf(other.id)).toEqual([]);
    const [entry] = await db.audit("member.merged", keep.id);
    expect(entry?.after).toMatchObject({ mergedMemberId: other.id, phone: "+63 917 444 5555", address: "(not visible to you)", userId: account.id });
    expect(JSON.stringify(entry)).not.toContain("Lihim na Daan");
    expect(await db.audit("member.merged", other.id)).toHaveLength(1);
    // The merged page no longer offers the removed duplicate.
    expect((await db.page(admin, `/admin/members/${keep.id}?find=Bituin+Marangal`)).html).not.toContain(`value="${other.id}"`);
  });

  it("refuses to merge a member into themselves, or two records that both sign in", async () => {
    const one = await db.addMember({ givenName: "Kidlat", familyName: "Dalawa", userId: (await db.addUser("kidlat1@example.com")).id });
    const two = await db.addMember({ givenName: "Kidlat", familyName: "Dalawa", userId: (await db.addUser("kidlat2@example.com")).id });
    const self = await post(admin, `/admin/members/${one.id}`, { intent: "merge", otherId: one.id, confirm: "yes" });
    expect(self.status).toBe(400);
    const both = await post(admin, `/admin/members/${one.id}`, { intent: "merge", otherId: two.id, confirm: "yes" });
    expect(both.status).toBe(400);
    expect(visibleText(await both.text())).toContain("Both records have their own sign-in account.");
    expect((await db.member(two.id))?.deletedAt).toBeNull();
  });
});

describe("households", () => {
  it("lists households with their members, renames one and merges two, audited", async () => {
    const first = await db.addHousehold("Masigla Household");
    const second = await db.addHousehold("Masigla Family");
    const a = await db.addMember({ givenName: "Amihan", familyName: "Masigla", householdId: first.id });
    const b = await db.addMember({ givenName: "Habagat", familyName: "Masigla", householdId: second.id });
    const listed = await db.page(admin, "/admin/members/households?q=Masigla");
    expect(listed.status).toBe(200);
    expect(listed.html).toContain("Amihan Masigla");
    expect(listed.html).toContain("Habagat Masigla");

    const renamed = await post(admin, "/admin/members/households", { intent: "rename", householdId: first.id, name: "Masigla-Reyes Family" });
    expect(renamed.status).toBe(302);
    expect((await db.household(first.id))?.name).toBe("Masigla-Reyes Family");
    expect((await db.audit("household.updated", first.id))[0]).toMatchObject({
      before: { name: "Masigla Household" },
      after: { name: "Masigla-Reyes Family" },
    });
    const blank = await post(admin, "/admin/members/households", { intent: "rename", householdId: first.id, name: " " });
    expect(blank.status).toBe(400);

    const merged = await post(admin, "/admin/members/households", { intent: "merge", fromId: second.id, intoId: first.id });
    expect(merged.status).toBe(302);
    expect(await db.household(second.id)).toBeUndefined();
    expect((await db.member(b.id))?.householdId).toBe(first.id);
    expect((await db.member(a.id))?.householdId).toBe(first.id);
    expect((await db.audit("household.merged", first.id))[0]?.after).toMatchObject({ movedMemberIds: [b.id] });
    expect((await post(admin, "/admin/members/households", { intent: "merge", fromId: first.id, intoId: first.id })).status).toBe(400);
  });
});

describe("the CSV export", () => {
  it("has only what the policy allows, quoted safely, with a BOM, not cached, and audited with the row count", async () => {
    const hidden = await db.addMember({
      givenName: "Mayumi",
      familyName: "Tahimik",
      phone: "+63 917 777 8888",
      email: "mayumi@example.com",
      privacy: { ...DEFAULT, phone: "hidden" },
    });
    await db.addMember({ givenName: "=HYPERLINK(\"http://x\")", familyName: "Santos, Jr.", address: "+1 Formula Road" });

    const response = await browse(admin, at("/admin/members/export.csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Manila" }).format(new Date());
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="members-grace-${today}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe("given_name,family_name,email,phone,address,birthday,household,groups");
    expect(lines).toContain("Mayumi,Tahimik,mayumi@example.com,,,,,");
    expect(lines).toContain(`"'=HYPERLINK(""http://x"")","Santos, Jr.",,,'+1 Formula Road,,,`);
    expect(lines.join("\n")).not.toContain("777 8888");

    const [entry] = await db.audit("members.exported");
    const current = await db.membersWhere(and(eq(members.churchId, hidden.churchId), isNull(members.deletedAt))!);
    expect(entry?.after).toMatchObject({ rows: current.length });
    expect(lines.filter((line) => line !== "")).toHaveLength(current.length + 1);
  });
});

describe("who may", () => {
  it("another church's administrator gets 404 for every Grace id, and changes nothing", async () => {
    const target = await db.addMember({ givenName: "Lihim", familyName: "Ngbiyaya", email: "lihim@example.com" });
    const household = await db.addHousehold("Ngbiyaya Household");
    const hopeMember = await db.addMember({ givenName: "Hope", familyName: "Person" }, "hope");
    expect((await db.page(hopeAdmin, `/admin/members/${target.id}`)).status).toBe(404);
    const forms: Record<string, string>[] = [
      { intent: "details", givenName: "X", familyName: "Y", email: "", phone: "", address: "", birthday: "" },
      { intent: "remove", confirm: "yes" },
      { intent: "household", householdId: "", householdName: "" },
    ];
    for (const form of forms) {
      expect((await post(hopeAdmin, `/admin/members/${target.id}`, form)).status).toBe(404);
    }
    // Hope's own member page, pointed at Grace's records.
    expect((await post(hopeAdmin, `/admin/members/${hopeMember.id}`, { intent: "merge", otherId: target.id, confirm: "yes" })).status).toBe(404);
    expect((await post(hopeAdmin, `/admin/members/${hopeMember.id}`, { intent: "household", householdId: household.id, householdName: "" })).status).toBe(404);
    expect((await post(hopeAdmin, "/admin/members/households", { intent: "rename", householdId: household.id, name: "Taken" })).status).toBe(404);
    const hopeHousehold = await db.addHousehold("Hope Household", "hope");
    expect((await post(hopeAdmin, "/admin/members/households", { intent: "merge", fromId: household.id, intoId: hopeHousehold.id })).status).toBe(404);
    expect(await db.member(target.id)).toMatchObject({ givenName: "Lihim", deletedAt: null, householdId: null });
    expect((await db.household(household.id))?.name).toBe("Ngbiyaya Household");
    expect((await db.member(hopeMember.id))?.householdId).toBeNull();
    // Hope's list and export hold none of Grace's members.
    expect((await db.page(hopeAdmin, "/admin/members?q=Lihim")).html).not.toContain("Ngbiyaya");
    const csv = await (await browse(hopeAdmin, at("/admin/members/export.csv"))).text();
    expect(csv).not.toContain("Ngbiyaya");
    expect(csv).toContain("Hope,Person");
  });

  it("a plain member gets 403 everywhere here", async () => {
    const target = await db.graceMember();
    for (const path of ["/admin/members", `/admin/members/${target.id}`, "/admin/members/households", "/admin/members/export.csv"]) {
      expect((await browse(member, at(path))).status, path).toBe(403);
    }
    expect((await post(member, `/admin/members/${target.id}`, { intent: "remove", confirm: "yes" })).status).toBe(403);
    expect((await db.member(target.id))?.deletedAt).toBeNull();
  });
});
