// First: points SMTP_URL at a real local SMTP server before any app code reads the environment.
import { inbox, mailTo, stopSmtp } from "../support/smtp";
import { and, eq, gte, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  churches,
  dataRequests,
  groupMemberships,
  groups,
  households,
  members,
  sessions,
  supportTickets,
  ticketMessages,
  users,
} from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { REMOVED_TEXT } from "~/models/erasure-tickets.server";
import { openTicket } from "~/models/support-tickets.server";
import { replyAsStaff } from "~/models/support-tickets-staff.server";
import { findCurrentUser } from "~/models/users.server";
import { browse, postForm, type CookieJar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signIn, signedInJar } from "../support/sign-in";

/**
 * The right to erasure over real HTTP: member@grace.example asks at
 * /me/data/delete, Grace's administrator decides at /admin/requests, and
 * approval anonymizes her — gone from the directory, the print view and the
 * CSV export, unable to sign in, told by e-mail (a real SMTP server) — while
 * her household and groups stay. Administrators may also erase directly.
 */

let server: TestServer;
let admin: CookieJar;
let member: CookieJar;
let leader: CookieJar;
let hopeAdmin: CookieJar;
let graceId: string;
let maria: {
  id: string;
  userId: string;
  householdId: string;
  givenName: string;
  familyName: string;
  email: string | null;
};
let startedAt: Date;

const db = () => server.database.db;
const at = (path: string) => `${server.url}${path}`;
const page = async (jar: CookieJar, path: string) => {
  const response = await browse(jar, at(path));
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
};
const post = (jar: CookieJar, path: string, fields: Record<string, string>) => postForm(jar, at(path), fields);
const across = <T>(work: Parameters<typeof acrossChurches<T>>[0]) => acrossChurches(work, db());
const requestsOf = (userId: string) =>
  across((tx) => tx.select().from(dataRequests).where(eq(dataRequests.userId, userId)));
const countOf = (text: string, needle: string) => text.split(needle).length - 1;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  startedAt = new Date();
  admin = await signedInJar(server.url, "admin@grace.example");
  member = await signedInJar(server.url, "member@grace.example");
  leader = await signedInJar(server.url, "leader@grace.example");
  hopeAdmin = await signedInJar(server.url, "admin@hope.example");
  await across(async (tx) => {
    const [grace] = await tx.select().from(churches).where(eq(churches.slug, "grace"));
    graceId = grace!.id;
    const [row] = await tx
      .select({ member: members, userId: users.id })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(users.email, "member@grace.example"));
    maria = {
      id: row!.member.id,
      userId: row!.userId,
      householdId: row!.member.householdId!,
      givenName: row!.member.givenName,
      familyName: row!.member.familyName,
      email: row!.member.email,
    };
  });
});
afterAll(async () => {
  await server?.close();
  await stopSmtp();
});

describe("a member asks to delete their account", () => {
  it("explains what deletion does, refuses without the confirmation and keeps the note", async () => {
    const shown = await page(member, "/me/data/delete");
    expect(shown.status).toBe(200);
    expect(shown.html).toContain("Delete my account");
    expect(shown.html).toContain("within 30 days");
    expect(shown.html).toContain("Your household and the church&#x27;s groups stay");

    const refused = await post(member, "/me/data/delete", { intent: "request", note: "Moving abroad" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Tick the box to confirm.");
    expect(html).toContain("Moving abroad");
    expect(await requestsOf(maria.userId)).toHaveLength(0);
  });

  it("sends one request, refuses a second, and lets the member withdraw it", async () => {
    const sent = await post(member, "/me/data/delete", { intent: "request", note: "Moving abroad", confirm: "yes" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/me/data/delete?done=requested");
    const [request] = await requestsOf(maria.userId);
    expect(request).toMatchObject({
      status: "pending",
      requesterName: "Maria Santos",
      memberId: maria.id,
      note: "Moving abroad",
    });
    expect(request!.dueAt.getTime() - request!.requestedAt.getTime()).toBe(30 * 86_400_000);

    const shown = await page(member, "/me/data/delete");
    expect(shown.html).toContain("Your request is waiting");
    expect(shown.html).toContain("Withdraw request");

    const second = await post(member, "/me/data/delete", { intent: "request", note: "Again", confirm: "yes" });
    expect(second.status).toBe(400);
    expect(await second.text()).toContain("You already have a request waiting");
    expect(await requestsOf(maria.userId)).toHaveLength(1);

    const withdrawn = await post(member, "/me/data/delete", { intent: "withdraw" });
    expect(withdrawn.status).toBe(302);
    expect((await requestsOf(maria.userId))[0]!.status).toBe("withdrawn");

    const again = await post(member, "/me/data/delete", {
      intent: "request",
      note: "Please delete me",
      confirm: "yes",
    });
    expect(again.status).toBe(302);
    const statuses = (await requestsOf(maria.userId)).map((r) => r.status).sort();
    expect(statuses).toEqual(["pending", "withdrawn"]);

    const created = await across((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "data_request.created"), eq(auditLog.actorUserId, maria.userId)))
    );
    expect(created).toHaveLength(2);
  });
});

describe("administrators decide", () => {
  const pendingId = async () => (await requestsOf(maria.userId)).find((r) => r.status === "pending")!.id;

  it("lists the request with its deadline; other churches and members are kept out", async () => {
    const list = await page(admin, "/admin/requests");
    expect(list.status).toBe(200);
    expect(list.html).toContain("Maria Santos");
    expect(list.html).toMatch(/due \d{1,2} [A-Z][a-z]{2} \d{4} — 30 days left/);
    expect(list.html).toContain(`/admin/requests/${await pendingId()}`);
    expect(list.html).toContain("Withdrawn by the member");
    expect(list.html).toContain("Data requests");

    expect((await page(member, "/admin/requests")).status).toBe(403);
    expect((await page(hopeAdmin, `/admin/requests/${await pendingId()}`)).status).toBe(404);
    expect(
      (await post(hopeAdmin, `/admin/requests/${await pendingId()}`, { decision: "decline", reason: "no" })).status
    ).toBe(404);
    expect((await page(hopeAdmin, "/admin/requests")).html).not.toContain("Maria Santos");

    const detail = await page(admin, `/admin/requests/${await pendingId()}`);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain("Please delete me");
    expect(detail.html).toContain("Approve and anonymize");
  });

  it("needs a reason to decline and a confirmation to approve, keeping what was typed", async () => {
    const id = await pendingId();
    const noReason = await post(admin, `/admin/requests/${id}`, { decision: "decline", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Write a reason.");

    const unconfirmed = await post(admin, `/admin/requests/${id}`, { decision: "approve", reason: "As you asked" });
    expect(unconfirmed.status).toBe(400);
    const html = await unconfirmed.text();
    expect(html).toContain("Tick the box to confirm.");
    expect(html).toContain("As you asked");

    const nonsense = await post(admin, `/admin/requests/${id}`, { decision: "maybe" });
    expect(nonsense.status).toBe(400);
    expect((await requestsOf(maria.userId)).find((r) => r.id === id)!.status).toBe("pending");
  });

  it("approval anonymizes the member everywhere, keeps her household and groups, and tells her", async () => {
    const id = await pendingId();
    const csvBefore = await (await browse(admin, at("/admin/members/export.csv"))).text();
    const printBefore = (await page(admin, "/directory/print")).html;
    const groupsBefore = await across((tx) =>
      tx
        .select({ groupId: groupMemberships.groupId })
        .from(groupMemberships)
        .where(eq(groupMemberships.memberId, maria.id))
    );
    expect(groupsBefore.length).toBeGreaterThan(0);
    expect((await page(member, "/directory")).status).toBe(200);
    // A support question of hers, answered by staff.
    const opened = await openTicket((await findCurrentUser(maria.userId))!, {
      subject: "Maria's question about her household",
      message: "My husband's number is 0917 000 1111.",
    });
    if (!opened.ok) throw new Error("could not open the test ticket");
    const [staffUser] = await across((tx) => tx.select().from(users).where(eq(users.email, "staff@kapatiran.example")));
    expect((await replyAsStaff((await findCurrentUser(staffUser!.id))!, opened.id, { message: "Updated for you.", status: "waiting" })).ok).toBe(true);
    const mailsBefore = inbox.length;

    const approved = await post(admin, `/admin/requests/${id}`, {
      decision: "approve",
      reason: "Done as asked",
      confirm: "yes",
    });
    expect(approved.status).toBe(302);
    expect(approved.headers.get("location")).toBe("/admin/requests?done=approved");

    // Her sessions are gone, and she cannot sign in again.
    const after = await page(member, "/directory");
    expect(after.status).toBe(302);
    expect(after.location).toContain("/auth/login");
    const again = await signIn(server.url, "member@grace.example");
    expect(again.finished.status).toBe(403);

    // Not in the directory (searched by name, as a leader), not on her card, the print view or the CSV export.
    const search = await page(leader, `/directory?q=${encodeURIComponent(`${maria.givenName} ${maria.familyName}`)}`);
    expect(search.status).toBe(200);
    expect(search.html).not.toContain(maria.id);
    expect((await page(leader, `/directory/${maria.id}`)).status).toBe(404);
    expect((await page(admin, `/admin/members/${maria.id}`)).status).toBe(404);
    const printAfter = (await page(admin, "/directory/print")).html;
    expect(printAfter).not.toContain("member@grace.example");
    expect(countOf(printAfter, maria.givenName)).toBeLessThan(countOf(printBefore, maria.givenName));
    const csvAfter = await (await browse(admin, at("/admin/members/export.csv"))).text();
    expect(csvAfter).not.toContain("member@grace.example");
    const lines = (csv: string) =>
      csv.split("\n").filter((line) => line.includes(maria.givenName) && line.includes(maria.familyName));
    expect(lines(csvAfter).length).toBe(lines(csvBefore).length - 1);

    // The records: emptied and soft-deleted, the account closed; household and groups stay.
    await across(async (tx) => {
      const [record] = await tx.select().from(members).where(eq(members.id, maria.id));
      expect(record).toMatchObject({
        givenName: "Former member",
        familyName: "",
        email: null,
        phone: null,
        address: null,
        birthday: null,
        photoKey: null,
        listed: false,
        userId: null,
        householdId: null,
      });
      expect(record!.deletedAt).not.toBeNull();
      expect(Object.values(record!.privacy).every((level) => level === "hidden")).toBe(true);
      const [account] = await tx.select().from(users).where(eq(users.id, maria.userId));
      expect(account!.email).toMatch(/^erased-[0-9a-f-]{36}@invalid$/);
      expect(account).toMatchObject({
        displayName: "Former member",
        status: "deactivated",
        cognitoSub: null,
        googleId: null,
      });
      expect(await tx.select().from(sessions).where(eq(sessions.userId, maria.userId))).toHaveLength(0);
      expect(await tx.select().from(groupMemberships).where(eq(groupMemberships.memberId, maria.id))).toHaveLength(0);
      const [household] = await tx.select().from(households).where(eq(households.id, maria.householdId));
      expect(household).toBeDefined();
      const housemates = await tx
        .select()
        .from(members)
        .where(and(eq(members.householdId, maria.householdId), isNull(members.deletedAt)));
      expect(housemates.length).toBe(3);
      for (const { groupId } of groupsBefore) {
        expect(await tx.select().from(groups).where(eq(groups.id, groupId))).toHaveLength(1);
      }
      const [request] = await tx.select().from(dataRequests).where(eq(dataRequests.id, id));
      expect(request).toMatchObject({ status: "approved", decisionReason: "Done as asked" });
      // Her words in support tickets are replaced; the staff reply stays.
      const [ticket] = await tx.select().from(supportTickets).where(eq(supportTickets.id, opened.id));
      expect(ticket).toMatchObject({ subject: REMOVED_TEXT, status: "closed" });
      const thread = await tx.select().from(ticketMessages).where(eq(ticketMessages.ticketId, opened.id));
      expect(thread.map((message) => message.body).sort()).toEqual([REMOVED_TEXT, "Updated for you."].sort());
    });
    const households_ = await page(admin, "/admin/members/households");
    expect(households_.status).toBe(200);

    // Told at the address she had.
    const mail = await mailTo("member@grace.example", mailsBefore);
    expect(mail.decoded).toContain("Your account has been deleted");
    expect(mail.decoded).toContain("Done as asked");

    // The audit trail records the decision, without her details.
    const entries = await across((tx) => tx.select().from(auditLog).where(gte(auditLog.createdAt, startedAt)));
    const approval = entries.find((e) => e.action === "data_request.approved" && e.recordId === id);
    expect(approval).toBeDefined();
    expect(approval!.after).toMatchObject({ erasedMemberId: maria.id, groupsLeft: groupsBefore.length });
    const erasureEntries = entries.filter((e) => e.action.startsWith("data_request."));
    const text = JSON.stringify(erasureEntries);
    for (const secret of ["Maria", "Santos", "member@grace.example", ...(maria.email ? [maria.email] : [])]) {
      expect(text).not.toContain(secret);
    }

    const list = await page(admin, "/admin/requests?done=approved");
    expect(list.html).toContain("Approved: anonymized");
    expect(list.html).toContain("decided the same day");
  });
});

describe("when the outcome e-mail cannot be sent", () => {
  it("the decision stands (the mail server refusing is logged, not shown as a failure)", async () => {
    const [someone] = await across(async (tx) => {
      const [role] = await tx
        .select({ roleId: users.roleId })
        .from(users)
        .where(eq(users.email, "leader@grace.example"));
      return tx
        .insert(users)
        .values({
          churchId: graceId,
          email: "gone@refused.example",
          displayName: "Refused Mailbox",
          roleId: role!.roleId,
        })
        .returning();
    });
    const [request] = await across((tx) =>
      tx
        .insert(dataRequests)
        .values({
          churchId: graceId,
          userId: someone!.id,
          requesterName: "Refused Mailbox",
          dueAt: new Date(Date.now() + 86_400_000),
        })
        .returning()
    );
    const declined = await post(admin, `/admin/requests/${request!.id}`, {
      decision: "decline",
      reason: "Records needed",
    });
    expect(declined.status).toBe(302);
    const [after] = await across((tx) => tx.select().from(dataRequests).where(eq(dataRequests.id, request!.id)));
    expect(after).toMatchObject({ status: "declined", decisionReason: "Records needed" });
    const [account] = await across((tx) => tx.select().from(users).where(eq(users.id, someone!.id)));
    expect(account).toMatchObject({ email: "gone@refused.example", status: "active" });
  });
});

describe("an administrator erases a member directly", () => {
  it("confirms with a reason, anonymizes and audits; other churches get a 404", async () => {
    const [target] = await across((tx) =>
      tx
        .select({ id: members.id, givenName: members.givenName, familyName: members.familyName })
        .from(members)
        .where(and(eq(members.churchId, graceId), isNull(members.userId), isNull(members.deletedAt)))
        .limit(1)
    );
    const path = `/admin/members/${target!.id}/erase`;
    const shown = await page(admin, path);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain("Erase this member");
    expect((await page(admin, `/admin/members/${target!.id}`)).html).toContain(path);
    expect((await page(hopeAdmin, path)).status).toBe(404);
    expect((await page(member, path)).status).toBe(302);
    expect((await page(leader, path)).status).toBe(403);

    const noReason = await post(admin, path, { reason: "", confirm: "yes" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Write a reason.");
    const unconfirmed = await post(admin, path, { reason: "Asked in person" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Asked in person");

    const erased = await post(admin, path, { reason: "Asked in person", confirm: "yes" });
    expect(erased.status).toBe(302);
    expect((await page(admin, `/admin/members/${target!.id}`)).status).toBe(404);
    expect((await page(leader, `/directory/${target!.id}`)).status).toBe(404);

    const [entry] = await across((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "member.erased"), eq(auditLog.recordId, target!.id)))
    );
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain(target!.givenName);
    expect(JSON.stringify(entry)).not.toContain(target!.familyName);
    const [record] = await across((tx) => tx.select().from(members).where(eq(members.id, target!.id)));
    expect(record).toMatchObject({ givenName: "Former member", listed: false });
  });
});
