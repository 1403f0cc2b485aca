// First: points SMTP_URL at a real local SMTP server before any app code reads the environment.
import { inbox, mailTo, stopSmtp } from "../support/smtp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, roles } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { adminUsersFixtures, between, pageText } from "../support/admin-users";
import { browse, type CookieJar, postForm } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signIn, signedInJar } from "../support/sign-in";

/**
 * /admin/users over real HTTP as Grace's administrator: the list, search and
 * paging, and invitations from the form to the e-mail (through a real SMTP
 * server) to the invitee's first sign-in.
 */

let server: TestServer;
let admin: CookieJar;
beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
});
afterAll(async () => {
  await server?.close();
  await stopSmtp();
});

const at = (path: string) => `${server.url}${path}`;
const db = adminUsersFixtures(() => server);
const usersPage = async (query = "") => pageText(await browse(admin, at(`/admin/users${query}`)));
const pendingSection = (html: string) => between(html, "Pending invitations", "Invite someone");
const invite = (email: string, roleId: string) =>
  postForm(admin, at("/admin/users"), { intent: "invite", email, roleId });

describe("the list of users", () => {
  it("shows the church's users with role, status and last sign-in, and no one else's", async () => {
    const response = await browse(admin, at("/admin/users"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await pageText(response);
    for (const name of ["Cristina Villanueva", "Jericho Ramos", "Maria Santos"]) expect(html).toContain(name);
    expect(html).toContain("Group leader");
    expect(html).toContain("Church administrator");
    expect(html).toContain("Active");
    // Cristina just signed in: today, as Manila reads it.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Manila" }).format(new Date());
    expect(between(html, "Cristina Villanueva", "</li>")).toContain(today);
    expect(html).not.toContain("Josefina Aquino");
    expect(html).not.toContain("admin@hope.example");
    expect(html).not.toContain("ops@kapatiran.example");
  });

  it("searches by name or e-mail", async () => {
    const byName = await usersPage("?q=jericho");
    expect(byName).toContain("Jericho Ramos");
    expect(byName).not.toContain("Maria Santos");
    const byEmail = await usersPage("?q=MEMBER%40grace");
    expect(byEmail).toContain("Maria Santos");
    expect(byEmail).not.toContain("Jericho Ramos");
    const wildcard = await browse(admin, at("/admin/users?q=%25_"));
    expect(wildcard.status).toBe(200);
    expect(await pageText(wildcard)).toContain("No user's name or e-mail contains “%_”.");
  });

  it("shows 50 a page, keeping the search in the page links", async () => {
    const { member } = await db.roleIds();
    for (let n = 1; n <= 55; n++) await db.addUser(`paging-${String(n).padStart(2, "0")}@grace.example`, member);
    const first = await usersPage("?q=paging-");
    expect(first).toContain("55 users");
    expect(first.match(/>paging-\d\d</g)).toHaveLength(50);
    expect(first).toContain('href="?q=paging-&page=2"');
    const second = await usersPage("?q=paging-&page=2");
    expect(second.match(/>paging-\d\d</g)).toHaveLength(5);
    expect(second).toContain("Page 2 of 2");
    // A page past the end shows the last one, not an error.
    expect((await browse(admin, at("/admin/users?q=paging-&page=99"))).status).toBe(200);
  });
});

describe("invitations", () => {
  it("invites by e-mail, delivers through SMTP, and the invitee lands with the role", async () => {
    const { group_leader } = await db.roleIds();
    const response = await invite("New.Person@Example.org", group_leader);
    expect(response.status).toBe(200);
    const html = await pageText(response);
    expect(html).toContain("Invitation sent to new.person@example.org.");
    expect(pendingSection(html)).toContain("new.person@example.org");
    expect(pendingSection(html)).toContain("Group leader");

    const mail = await mailTo("new.person@example.org");
    expect(mail.from).toBe("invitations@kapatiran.test");
    expect(mail.decoded).toContain("Subject: Invitation to Grace Fellowship (demo) on Kapatiran");
    // English, then Filipino: church, inviter, which Google account, the link, the expiry.
    expect(mail.decoded).toContain("Cristina Villanueva invited you to Grace Fellowship (demo) on Kapatiran");
    expect(mail.decoded).toContain("sign in with the Google account new.person@example.org");
    expect(mail.decoded).toContain(`${server.url}/auth/login`);
    expect(mail.decoded).toContain("expires in 14 days");
    expect(mail.decoded).toContain("Inimbitahan ka ni Cristina Villanueva sa Grace Fellowship (demo)");
    expect(mail.decoded).toContain("sa loob ng 14 araw");
    expect(mail.decoded).toContain("text/html");

    const invitation = await db.invitationFor("new.person@example.org");
    const days = (invitation!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const [audit] = await db.auditOf("invitation.created", invitation!.id);
    expect(audit?.after).toMatchObject({ email: "new.person@example.org", role: "Group leader" });

    const { jar, finished } = await signIn(server.url, "new.person@example.org", "/me");
    expect(finished.status).toBe(302);
    const me = await pageText(await browse(jar, at("/me")));
    expect(me).toContain("Group leader");
    expect(me).toContain("Grace Fellowship (demo)");
    expect(pendingSection(await usersPage())).not.toContain("new.person@example.org");
  });

  it("refuses a malformed e-mail with a field error, keeping what was typed", async () => {
    const { member } = await db.roleIds();
    const response = await invite("not-an-email", member);
    expect(response.status).toBe(400);
    const html = await pageText(response);
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Enter an e-mail address like name@example.com.");
    expect(await db.invitationFor("not-an-email")).toBeUndefined();
  });

  it("refuses an e-mail that has an account in any church, without naming the church", async () => {
    const { member } = await db.roleIds();
    for (const email of ["admin@hope.example", "Member@Grace.example"]) {
      const response = await invite(email, member);
      expect(response.status).toBe(400);
      const html = await pageText(response);
      expect(html).toContain("This e-mail already has a Kapatiran account");
      expect(html).not.toContain("Hope Chapel");
      expect(html).toContain(`value="${email}"`);
    }
    expect(await db.invitationFor("admin@hope.example")).toBeUndefined();
  });

  it("refuses a second invitation while one is pending, and points to Resend", async () => {
    const { member } = await db.roleIds();
    expect((await invite("twice@example.org", member)).status).toBe(200);
    const again = await invite("TWICE@example.org", member);
    expect(again.status).toBe(400);
    expect(await pageText(again)).toContain("This e-mail already has a pending invitation. Use Resend");
  });

  it("refuses a platform role, another church's role and a made-up one", async () => {
    const { platform_admin } = await db.roleIds();
    const hope = await db.userByEmail("admin@hope.example");
    const hopeRole = await db.across(async (tx) => {
      const [role] = await tx
        .insert(roles)
        .values({ churchId: hope.churchId, key: "custom", name: "Hope ushers", permissions: ["view:directory"] })
        .returning();
      return role!;
    });
    for (const roleId of [platform_admin, hopeRole.id, "00000000-0000-4000-8000-000000000000"]) {
      const response = await invite("role.test@example.org", roleId);
      expect(response.status).toBe(400);
      expect(await pageText(response)).toContain("Choose one of the roles in the list.");
    }
    const garbage = await invite("role.test@example.org", "not-a-role");
    expect(garbage.status).toBe(400);
    expect(await db.invitationFor("role.test@example.org")).toBeUndefined();
  });

  it("resends with a new 14-day expiry and a new e-mail; a revoked invitation lets no one in", async () => {
    const { member } = await db.roleIds();
    await invite("resend.me@example.org", member);
    const invitation = (await db.invitationFor("resend.me@example.org"))!;
    const soon = new Date(Date.now() + 86_400_000);
    await db.across((tx) => tx.update(invitations).set({ expiresAt: soon }).where(eq(invitations.id, invitation.id)));
    const mailsBefore = inbox.length;

    const resent = await postForm(admin, at("/admin/users"), { intent: "resend", invitationId: invitation.id });
    expect(resent.status).toBe(200);
    expect(await pageText(resent)).toContain("Invitation sent again to resend.me@example.org");
    expect((await mailTo("resend.me@example.org", mailsBefore)).decoded).toContain("expires in 14 days");
    const renewed = (await db.invitationFor("resend.me@example.org"))!;
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13.9 * 86_400_000);
    expect(await db.auditOf("invitation.resent", invitation.id)).toHaveLength(1);

    const revoked = await postForm(admin, at("/admin/users"), { intent: "revoke", invitationId: invitation.id });
    expect(revoked.status).toBe(200);
    const html = await pageText(revoked);
    expect(html).toContain("The invitation to resend.me@example.org is revoked");
    expect(pendingSection(html)).not.toContain("resend.me@example.org");
    expect(await db.auditOf("invitation.revoked", invitation.id)).toHaveLength(1);

    const attempt = await signIn(server.url, "resend.me@example.org");
    expect(attempt.finished.status).toBe(403);
    expect(attempt.jar.get("kapatiran_session")).toBeUndefined();

    for (const intent of ["resend", "revoke"]) {
      for (const invitationId of [invitation.id, "00000000-0000-4000-8000-000000000000", "garbage"]) {
        const response = await postForm(admin, at("/admin/users"), { intent, invitationId });
        expect(response.status, `${intent} ${invitationId}`).toBe(404);
        expect(await pageText(response)).toContain("That invitation is no longer pending");
      }
    }
  });

  it("will not resend an expired invitation; the e-mail can be invited afresh", async () => {
    const { member } = await db.roleIds();
    await invite("expired@example.org", member);
    const invitation = (await db.invitationFor("expired@example.org"))!;
    await db.across((tx) =>
      tx
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.id, invitation.id))
    );
    const resend = await postForm(admin, at("/admin/users"), { intent: "resend", invitationId: invitation.id });
    expect(resend.status).toBe(404);
    expect(pendingSection(await usersPage())).not.toContain("expired@example.org");
    expect((await invite("expired@example.org", member)).status).toBe(200);
  });

  it("keeps the invitation when the mail server refuses, and tells the admin", async () => {
    const { member } = await db.roleIds();
    const response = await invite("nobody@refused.example", member);
    expect(response.status).toBe(200);
    const html = await pageText(response);
    expect(html).toContain("The invitation for nobody@refused.example is saved, but the e-mail could not be sent.");
    expect(pendingSection(html)).toContain("nobody@refused.example");
    expect(await db.invitationFor("nobody@refused.example")).toBeDefined();
  });
});

describe("who may use it", () => {
  it("answers 403 to a member, for the page and for an invitation", async () => {
    const member = await signedInJar(server.url, "member@grace.example");
    expect((await browse(member, at("/admin/users"))).status).toBe(403);
    const { member: memberRole } = await db.roleIds();
    const post = await postForm(member, at("/admin/users"), {
      intent: "invite",
      email: "sneaky@example.org",
      roleId: memberRole,
    });
    expect(post.status).toBe(403);
    expect(await db.invitationFor("sneaky@example.org")).toBeUndefined();
  });

  it("keeps another church's administrator away from Grace's invitations", async () => {
    const { member } = await db.roleIds();
    await invite("grace.only@example.org", member);
    const invitation = (await db.invitationFor("grace.only@example.org"))!;
    const hope = await signedInJar(server.url, "admin@hope.example");
    expect(await pageText(await browse(hope, at("/admin/users")))).not.toContain("grace.only@example.org");
    for (const intent of ["resend", "revoke"]) {
      const response = await postForm(hope, at("/admin/users"), { intent, invitationId: invitation.id });
      expect(response.status).toBe(404);
    }
    const after = (await db.invitationFor("grace.only@example.org"))!;
    expect(after.revokedAt).toBeNull();
    expect(after.expiresAt.getTime()).toBe(invitation.expiresAt.getTime());
  });
});
