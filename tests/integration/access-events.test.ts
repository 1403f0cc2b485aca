import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, groupMemberships, groups, users, type Member } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { browse, type CookieJar } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";
import { memberFixtures } from "./member-admin-fixtures";

/**
 * Access logging (issue 7, point 6) over real HTTP: an administrator opening
 * a member's record that shows `admins`-level details is an audited access
 * event naming those fields; a record with only church-level details, a
 * hidden detail (never shown) and a leader's directory card are not. The
 * member export is audited, and the audit page labels these acts.
 */

let server: TestServer;
let admin: CookieJar;
let leader: CookieJar;
let adminUserId: string;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
  leader = await signedInJar(server.url, "leader@grace.example");
  adminUserId = (await db.across((tx) => tx.select().from(users).where(eq(users.email, "admin@grace.example"))))[0]!.id;
});
afterAll(async () => {
  await server?.close();
});

const db = memberFixtures(() => server);
const CHURCH_ONLY = {
  name: "church",
  photo: "church",
  phone: "church",
  email: "church",
  address: "church",
  birthday: "church",
} as const;

const viewEvents = (memberId: string) =>
  db.across((tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "member.viewed_private_fields"), eq(auditLog.recordId, memberId)))
  );

async function openAsAdmin(member: Member) {
  const response = await browse(admin, db.at(`/admin/members/${member.id}`));
  expect(response.status).toBe(200);
  return response.text();
}

describe("an administrator opening a member's record", () => {
  it("records one access event naming the admins-level detail it showed", async () => {
    const member = await db.addMember({
      givenName: "Lorna",
      familyName: "Access",
      address: "88 Private Lane, Pasig",
      phone: "+63 917 222 3333",
      privacy: { ...CHURCH_ONLY, address: "admins" },
    });
    expect(await openAsAdmin(member)).toContain("88 Private Lane, Pasig");
    const events = await viewEvents(member.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: adminUserId,
      churchId: member.churchId,
      recordType: "member",
      after: { fields: ["address"] },
    });
    expect(events[0]!.requestId).toBeTruthy();
  });

  it("records nothing for a member whose details are all at church level", async () => {
    const member = await db.addMember({
      givenName: "Openly",
      familyName: "Shared",
      address: "1 Public Road",
      birthday: "1990-01-01",
      privacy: CHURCH_ONLY,
    });
    expect(await openAsAdmin(member)).toContain("1 Public Road");
    expect(await viewEvents(member.id)).toEqual([]);
  });

  it("records nothing for a detail the member hid: the page does not show it", async () => {
    const member = await db.addMember({
      givenName: "Quiet",
      familyName: "Keeper",
      address: "5 Secret Street",
      privacy: { ...CHURCH_ONLY, address: "hidden" },
    });
    const html = await openAsAdmin(member);
    expect(html).not.toContain("5 Secret Street");
    expect(html).toContain("Hidden by the member");
    expect(await viewEvents(member.id)).toEqual([]);
  });
});

describe("an administrator reading the members list", () => {
  it("records one access event for a page showing an admins-level phone, naming whose and which", async () => {
    const member = await db.addMember({
      givenName: "Zenaida",
      familyName: "Listview",
      phone: "+63 917 444 5555",
      privacy: { ...CHURCH_ONLY, phone: "admins" },
    });
    const response = await browse(admin, db.at("/admin/members?q=Listview"));
    expect(await response.text()).toContain("+63 917 444 5555");
    const events = await db.across((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "members.viewed_private_fields"))
    );
    const naming = events.filter((event) => JSON.stringify(event.after).includes(member.id));
    expect(naming).toHaveLength(1);
    expect(naming[0]).toMatchObject({
      actorUserId: adminUserId,
      churchId: member.churchId,
      recordType: "member",
      recordId: null,
      after: { members: [{ memberId: member.id, fields: ["phone"] }] },
    });
  });

  it("records nothing for a page whose details are all at church level", async () => {
    await db.addMember({
      givenName: "Quintin",
      familyName: "Openbook",
      phone: "+63 917 666 7777",
      privacy: CHURCH_ONLY,
    });
    const before = await db.across((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "members.viewed_private_fields"))
    );
    expect((await browse(admin, db.at("/admin/members?q=Openbook"))).status).toBe(200);
    const after = await db.across((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "members.viewed_private_fields"))
    );
    expect(after).toHaveLength(before.length);
  });
});

describe("an administrator searching for a duplicate to merge", () => {
  it("records an access event for a candidate's admins-level birthday, and none for the record's own member", async () => {
    const record = await db.addMember({ givenName: "Rosario", familyName: "Mergefinder", privacy: CHURCH_ONLY });
    const candidate = await db.addMember({
      givenName: "Rosa",
      familyName: "Mergefinder",
      birthday: "1984-03-09",
      privacy: { ...CHURCH_ONLY, birthday: "admins" },
    });
    const response = await browse(admin, db.at(`/admin/members/${record.id}?find=Mergefinder`));
    expect(await response.text()).toContain("1984-03-09");
    const events = await db.across((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "members.viewed_private_fields"))
    );
    const naming = events.filter((event) => JSON.stringify(event.after).includes(candidate.id));
    expect(naming).toHaveLength(1);
    expect(naming[0]!.after).toEqual({ members: [{ memberId: candidate.id, fields: ["birthday"] }] });
    expect(JSON.stringify(naming[0]!.after)).not.toContain(record.id);
  });
});

describe("other views", () => {
  it("a leader's directory card of a member of their group records no access event", async () => {
    const member = await db.addMember({
      givenName: "Youthful",
      familyName: "Member",
      phone: "+63 917 444 5555",
      address: "9 Admins Only St",
      listed: true,
      privacy: { ...CHURCH_ONLY, phone: "leaders", address: "admins" },
    });
    await db.across(async (tx) => {
      const [youth] = await tx
        .select()
        .from(groups)
        .where(and(eq(groups.churchId, member.churchId), eq(groups.name, "Youth Ministry")));
      await tx.insert(groupMemberships).values({ churchId: member.churchId, groupId: youth!.id, memberId: member.id });
    });
    const card = await browse(leader, db.at(`/directory/${member.id}`));
    expect(card.status).toBe(200);
    const html = await card.text();
    expect(html).toContain("+63 917 444 5555");
    expect(html).not.toContain("9 Admins Only St");
    expect(await viewEvents(member.id)).toEqual([]);
  });

  it("the member export is audited as members.exported", async () => {
    const response = await browse(admin, db.at("/admin/members/export.csv"));
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const entries = await db.across((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "members.exported"), eq(auditLog.actorUserId, adminUserId)))
    );
    expect(entries).toHaveLength(1);
  });

  it("the audit page labels access events in words", async () => {
    const response = await browse(admin, db.at("/admin/audit?action=member.viewed_private_fields"));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Viewed a member&#x27;s private details");
    expect(html).toContain("member.viewed_private_fields");
  });
});
