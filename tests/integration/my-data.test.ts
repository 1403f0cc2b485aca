import { and, eq, isNull, ne } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  consentRecords,
  groupMemberships,
  groups,
  helpArticles,
  helpFeedback,
  members,
  sessions,
  users,
  type Member,
} from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { openTicket } from "~/models/support-tickets.server";
import { findCurrentUser } from "~/models/users.server";
import type { MyData } from "~/models/my-data-shape";
import { browse, CookieJar, postForm } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * /me/data over real HTTP: member@grace.example downloads everything
 * Kapatiran holds about her, as JSON and as a zip of CSV files — her own
 * hidden details included, other people only as the privacy policy shows
 * them to her, no session key, no other person's id — and each download is
 * audited. Platform staff get theirs too; anonymous visitors are sent to sign in.
 */

let server: TestServer;
let maria: CookieJar;
let admin: CookieJar;
let staff: CookieJar;
let mariaUser: { id: string };
let mariaMember: Member;
let adminUserId: string;
let staffUserId: string;
let ticketId: string;
let shownRelative: Member;
let hiddenNameRelative: Member;

const db = () => server.database.db;
const at = (path: string) => `${server.url}${path}`;

// Strings planted in the data, so their presence or absence can be checked in the files.
const MY_HIDDEN_PHONE = "+63 917 555 0199";
const RELATIVE_HIDDEN_PHONE = "+63 917 000 4242";
const MY_ADDRESS = '=HYPERLINK("http://evil.example") 7 Rizal Ave';
const CONSENT_ID = "consent-for-my-data-test";

const CSV_FILES = [
  "account.csv",
  "member.csv",
  "household.csv",
  "groups.csv",
  "consent.csv",
  "sessions.csv",
  "invitations.csv",
  "tickets.csv",
  "ticket-messages.csv",
  "help-feedback.csv",
  "forum-posts.csv",
  "forum-profile.csv",
  "forum-flags.csv",
  "forum-subscriptions.csv",
  "audit.csv",
];

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  maria = await signedInJar(server.url, "member@grace.example");
  admin = await signedInJar(server.url, "admin@grace.example");
  staff = await signedInJar(server.url, "staff@kapatiran.example");

  // Her own details, one of them hidden from everyone else (it is still hers to download).
  const saved = await postForm(maria, at("/me"), {
    intent: "profile",
    givenName: "Maria",
    familyName: "Santos",
    phone: MY_HIDDEN_PHONE,
    email: "maria.s@example.com",
    address: MY_ADDRESS,
    birthday: "1988-03-14",
  });
  expect(saved.status).toBe(302);

  await acrossChurches(async (tx) => {
    const byEmail = async (email: string) => (await tx.select().from(users).where(eq(users.email, email)))[0]!;
    mariaUser = await byEmail("member@grace.example");
    adminUserId = (await byEmail("admin@grace.example")).id;
    staffUserId = (await byEmail("staff@kapatiran.example")).id;
    mariaMember = (await tx.select().from(members).where(eq(members.userId, mariaUser.id)))[0]!;
    await tx
      .update(members)
      .set({ privacy: { ...mariaMember.privacy, phone: "hidden" } })
      .where(eq(members.id, mariaMember.id));
    // Her household (four people in the demo): one relative hides a phone, another their name.
    const relatives = await tx
      .select()
      .from(members)
      .where(
        and(
          eq(members.householdId, mariaMember.householdId!),
          ne(members.id, mariaMember.id),
          isNull(members.deletedAt)
        )
      );
    expect(relatives.length).toBeGreaterThanOrEqual(2);
    [shownRelative, hiddenNameRelative] = relatives as [Member, Member];
    await tx
      .update(members)
      .set({
        phone: RELATIVE_HIDDEN_PHONE,
        listed: true,
        privacy: { ...shownRelative.privacy, name: "church", phone: "hidden" },
      })
      .where(eq(members.id, shownRelative.id));
    await tx
      .update(members)
      .set({ privacy: { ...hiddenNameRelative.privacy, name: "hidden" } })
      .where(eq(members.id, hiddenNameRelative.id));
    // A cookie choice she made, and an answer she gave in the help center.
    await tx.insert(consentRecords).values({
      consentId: CONSENT_ID,
      policyVersion: 1,
      categories: { preferences: true, analytics: false },
      source: "banner",
      userId: mariaUser.id,
      userAgent: "MyDataTest/1.0",
    });
    const [article] = await tx
      .insert(helpArticles)
      .values({
        locale: "en",
        slug: "my-data-test-article",
        category: "faq",
        title: "A test article",
        body: "Body",
        status: "published",
      })
      .returning();
    await tx
      .insert(helpFeedback)
      .values({ articleId: article!.id, helpful: false, comment: "Please say more", userId: mariaUser.id });
  }, db());

  // A support question she opened, through the data layer.
  const asMaria = await findCurrentUser(mariaUser.id);
  const opened = await openTicket(asMaria!, {
    subject: "Where is my group?",
    message: "I cannot find the Women's group.",
  });
  if (!opened.ok) throw new Error("could not open the test ticket");
  ticketId = opened.id;

  // An administrator opens her record (an access event about her, by someone else).
  expect((await browse(admin, at(`/admin/members/${mariaMember.id}`))).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

const exportsOf = (userId: string) =>
  acrossChurches(
    (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "data.exported"), eq(auditLog.recordId, userId))),
    db()
  );

describe("the /me/data page", () => {
  it("explains the export and links to both downloads and to deletion; /me links to it", async () => {
    const response = await browse(maria, at("/me/data"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const html = await response.text();
    expect(html).toContain("My data");
    expect(html).toContain('href="/me/data.json"');
    expect(html).toContain('href="/me/data.zip"');
    expect(html).toContain('href="/me/data/delete"');
    expect(html).toContain("Your forum posts (hidden and deleted ones too");
    expect(await (await browse(maria, at("/me"))).text()).toContain('href="/me/data"');
  });

  it("sends anonymous visitors to sign in, for the page and both downloads", async () => {
    for (const path of ["/me/data", "/me/data.json", "/me/data.zip"]) {
      const response = await browse(new CookieJar(), at(path));
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/auth/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });
});

describe("the JSON download", () => {
  let text: string;
  let data: MyData;

  beforeAll(async () => {
    const response = await browse(maria, at("/me/data.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="kapatiran-data-\d{4}-\d{2}-\d{2}\.json"$/
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    text = await response.text();
    data = JSON.parse(text) as MyData;
  });

  it("says what it is and what each section holds", () => {
    expect(data.format).toBe("kapatiran-export/1");
    expect(Date.parse(data.exportedAt)).not.toBeNaN();
    for (const section of [
      "account",
      "member",
      "household",
      "groups",
      "privacy",
      "sessions",
      "consentRecords",
      "auditEntries",
      "forumPosts",
      "forumActivity",
    ]) {
      expect(data.about[section as keyof MyData["about"]], section).toBeTruthy();
    }
    // She never posted in the forum: nothing there, said as empty lists (forum-moderation.test.ts exports posts).
    expect(data.forumPosts).toEqual([]);
    expect(data.forumActivity).toEqual({ profile: null, flags: [], subscriptions: [] });
  });

  it("holds her account and her whole member record, her own hidden phone included", () => {
    expect(data.account).toMatchObject({
      id: mariaUser.id,
      email: "member@grace.example",
      church: "Grace Fellowship (demo)",
    });
    expect(data.account!.cognitoSub).toBeTruthy();
    expect(data.member).toEqual([
      expect.objectContaining({
        id: mariaMember.id,
        givenName: "Maria",
        phone: MY_HIDDEN_PHONE,
        address: MY_ADDRESS,
        birthday: "1988-03-14",
      }),
    ]);
    expect(data.privacy).toEqual({
      choices: { ...mariaMember.privacy, phone: "hidden" },
      listedInDirectory: mariaMember.listed,
    });
    expect(data.photo).toEqual({ stored: false, storageKeys: [] });
  });

  it("names her household's members only as the privacy policy shows them to her", () => {
    expect(data.household?.name).toBeTruthy();
    const names = data.household!.otherMembers.map((other) => other.name);
    expect(names).toContain(`${shownRelative.givenName} ${shownRelative.familyName}`);
    expect(names).not.toContain(`${hiddenNameRelative.givenName} ${hiddenNameRelative.familyName}`);
    for (const other of data.household!.otherMembers) expect(Object.keys(other)).toEqual(["name"]);
    // A relative's hidden phone appears nowhere in the file.
    expect(text).not.toContain(RELATIVE_HIDDEN_PHONE);
  });

  it("lists her groups with her role in each", async () => {
    const expected = await acrossChurches(
      (tx) =>
        tx
          .select({ name: groups.name, role: groupMemberships.role })
          .from(groupMemberships)
          .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
          .where(eq(groupMemberships.memberId, mariaMember.id)),
      db()
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(data.groups.map(({ name, role }) => ({ name, role })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a, b) => a.name.localeCompare(b.name))
    );
  });

  it("lists her sessions without the session keys", async () => {
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.sessions[0]).toEqual({
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
      expiresAt: expect.any(String),
      userAgent: expect.any(String),
      ipAddress: expect.any(String),
    });
    const hashes = await acrossChurches(
      (tx) => tx.select({ idHash: sessions.idHash }).from(sessions).where(eq(sessions.userId, mariaUser.id)),
      db()
    );
    // With REDIS_URL the sessions live in Redis and the table is empty; the
    // pattern check below covers a key from either store.
    for (const { idHash } of hashes) expect(text).not.toContain(idHash);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });

  it("holds her consent records, her support question and her help feedback", () => {
    expect(data.consentRecords).toEqual([
      expect.objectContaining({
        consentId: CONSENT_ID,
        policyVersion: 1,
        categories: { preferences: true, analytics: false },
        source: "banner",
      }),
    ]);
    expect(data.supportTickets).toEqual([
      expect.objectContaining({
        id: ticketId,
        subject: "Where is my group?",
        status: "open",
        messages: [expect.objectContaining({ from: "you", body: "I cannot find the Women's group." })],
      }),
    ]);
    expect(data.helpFeedback).toEqual([
      expect.objectContaining({ article: "my-data-test-article", helpful: false, comment: "Please say more" }),
    ]);
  });

  it("holds her audit entries, others' acts as 'someone else' and never another person's id", () => {
    const actions = data.auditEntries.map((entry) => `${entry.action} by ${entry.by}`);
    expect(actions).toContain("member.profile_updated by you");
    expect(actions).toContain("ticket.opened by you");
    const viewed = data.auditEntries.find((entry) => entry.action === "member.viewed_private_fields");
    expect(viewed).toMatchObject({
      by: "someone else",
      recordType: "member",
      recordId: mariaMember.id,
      ipAddress: null,
    });
    expect((viewed!.after as { fields: string[] }).fields).toContain("address");
    expect(text).not.toContain(adminUserId);
  });
});

describe("the zip download", () => {
  it("unpacks to one CSV per section with a header row each, and a README", async () => {
    const response = await browse(maria, at("/me/data.zip"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="kapatiran-data-\d{4}-\d{2}-\d{2}\.zip"$/
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([...CSV_FILES, "README.txt"].sort());
    const read = (name: string) => strFromU8(files[name]!).replace(/^\uFEFF/, "");
    for (const name of CSV_FILES) expect(read(name).split("\r\n")[0], name).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
    expect(read("README.txt")).toContain("Former member");

    expect(read("account.csv")).toContain("member@grace.example");
    const member = read("member.csv");
    expect(member).toContain(MY_HIDDEN_PHONE);
    // A formula she typed stays text in a spreadsheet.
    expect(member).toContain(`"'=HYPERLINK(""http://evil.example"") 7 Rizal Ave"`);
    expect(read("household.csv")).toContain(`${shownRelative.givenName} ${shownRelative.familyName}`);
    expect(read("consent.csv")).toContain(CONSENT_ID);
    expect(read("sessions.csv").split("\r\n").filter(Boolean).length).toBeGreaterThan(1);
    expect(read("tickets.csv")).toContain("Where is my group?");
    expect(read("ticket-messages.csv")).toContain("I cannot find the Women's group.");
    expect(read("help-feedback.csv")).toContain("my-data-test-article");
    expect(read("audit.csv")).toContain("member.viewed_private_fields");

    const everything = Object.keys(files).map(read).join("\n");
    expect(everything).not.toContain(RELATIVE_HIDDEN_PHONE);
    expect(everything).not.toContain(adminUserId);
    expect(everything).not.toMatch(/[0-9a-f]{64}/);
  });

  it("audits both downloads in her church's log, and the next export shows the earlier ones", async () => {
    const entries = await exportsOf(mariaUser.id);
    expect(entries.map((entry) => (entry.after as { format: string }).format).sort()).toEqual(["json", "zip"]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ churchId: mariaMember.churchId, actorUserId: mariaUser.id, recordType: "user" });
    }
    const again = JSON.parse(await (await browse(maria, at("/me/data.json"))).text()) as MyData;
    expect(again.auditEntries.filter((entry) => entry.action === "data.exported").length).toBe(2);
  });
});

describe("platform staff", () => {
  it("download their own account, sessions and audit entries, audited in the platform's log", async () => {
    expect((await browse(staff, at("/me/data"))).status).toBe(200);
    const response = await browse(staff, at("/me/data.json"));
    expect(response.status).toBe(200);
    const data = JSON.parse(await response.text()) as MyData;
    expect(data.account).toMatchObject({ id: staffUserId, email: "staff@kapatiran.example", church: null });
    expect(data.member).toEqual([]);
    expect(data.household).toBeNull();
    expect(data.sessions.length).toBeGreaterThan(0);
    const zip = await browse(staff, at("/me/data.zip"));
    expect(zip.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toContain("account.csv");
    const entries = await exportsOf(staffUserId);
    expect(entries.length).toBe(2);
    for (const entry of entries) expect(entry.churchId).toBeNull();
    // The first download shows in the second.
    const later = JSON.parse(await (await browse(staff, at("/me/data.json"))).text()) as MyData;
    expect(later.auditEntries.some((entry) => entry.action === "data.exported" && entry.by === "you")).toBe(true);
  });
});
