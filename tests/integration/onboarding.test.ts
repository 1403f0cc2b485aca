import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, churches, roles } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { verifyAuditChain } from "~/models/audit.server";
import { browse, postForm, type CookieJar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * The getting-started checklist on /admin and the church settings page, over
 * real HTTP, for a church onboarded from the platform console with nothing
 * but its first administrator: four steps "To do", and each one ticking
 * itself when the administrator does the real thing.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";

let server: TestServer;
let pastor: CookieJar;
let faithId: string;
const at = (p: string) => `${server.url}${p}`;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  const ops = await signedInJar(server.url, "ops@kapatiran.example");
  const onboarded = await postForm(ops, at("/platform/churches"), {
    name: "Faith Church",
    slug: "faith",
    timezone: "Asia/Singapore",
    defaultLocale: "en",
    adminEmail: "pastor@faith.example",
  });
  expect(onboarded.status).toBe(302);
  pastor = await signedInJar(server.url, "pastor@faith.example");
  faithId = await acrossChurches(async (tx) => {
    const [church] = await tx.select({ id: churches.id }).from(churches).where(eq(churches.slug, "faith"));
    return church!.id;
  }, server.database.db);
});
afterAll(async () => {
  await server?.close();
});

async function page(jar: CookieJar, path: string) {
  const response = await browse(jar, at(path));
  return { status: response.status, html: await response.text(), response };
}

/** "Done" or "To do", as the checklist says it in words, per step. */
async function checklist(jar = pastor, query = "?lng=en") {
  const { status, html } = await page(jar, `/admin${query}`);
  expect(status).toBe(200);
  const steps: Record<string, string> = {};
  for (const [, key, item] of html.matchAll(/<li[^>]*data-step="(\w+)"[^>]*>([\s\S]*?)<\/li>/g)) {
    const text = item!.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
    steps[key!] = text.includes("To do")
      ? "To do"
      : text.includes("Done")
      ? "Done"
      : text.includes("Gagawin pa")
      ? "Gagawin pa"
      : "?";
  }
  return { steps, html };
}

const reviewAudits = () =>
  acrossChurches(
    (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.churchId, faithId), eq(auditLog.action, "church.privacy_reviewed"))),
    server.database.db
  );

describe(`the getting-started checklist (${engine})`, () => {
  it("shows a new church's administrator four steps to do, each linked to its page and help", async () => {
    const { steps, html } = await checklist();
    expect(steps).toEqual({ inviteAdmin: "To do", importMembers: "To do", reviewPrivacy: "To do", addGroups: "To do" });
    expect(html).toContain("0 of 4 steps done.");
    for (const href of ["/admin/users", "/admin/members/import", "/admin/settings", "/admin/groups"]) {
      expect(html).toContain(`href="${href}"`);
    }
    for (const slug of ["managing-users-and-roles", "importing-members", "church-settings", "groups-and-leaders"]) {
      expect(html).toContain(`href="/help/${slug}"`);
    }
    const filipino = await checklist(pastor, "?lng=fil");
    expect(Object.values(filipino.steps)).toEqual(["Gagawin pa", "Gagawin pa", "Gagawin pa", "Gagawin pa"]);
  });

  it("ticks “Invite another administrator” for an invitation to the administrator role, not to a member", async () => {
    const roleIds = await acrossChurches(
      (tx) => tx.select({ id: roles.id, key: roles.key }).from(roles).where(isNull(roles.churchId)),
      server.database.db
    );
    const roleId = (key: string) => roleIds.find((r) => r.key === key)!.id;
    const asMember = await postForm(pastor, at("/admin/users"), {
      intent: "invite",
      email: "usher@faith.example",
      roleId: roleId("member"),
    });
    expect(asMember.status).toBe(200);
    expect((await checklist()).steps.inviteAdmin).toBe("To do");

    const asAdmin = await postForm(pastor, at("/admin/users"), {
      intent: "invite",
      email: "deacon@faith.example",
      roleId: roleId("church_admin"),
    });
    expect(asAdmin.status).toBe(200);
    expect((await checklist()).steps).toEqual({
      inviteAdmin: "Done",
      importMembers: "To do",
      reviewPrivacy: "To do",
      addGroups: "To do",
    });
  });

  it("ticks “Import your members” once an import has added members", async () => {
    const form = new FormData();
    const csv = "First Name,Last Name,Email\nAna,Reyes,ana@faith.example\nBenjamin,Cruz,ben@faith.example\n";
    form.set("file", new Blob([csv], { type: "text/csv" }), "faith.csv");
    const uploaded = await browse(pastor, at("/admin/members/import"), {
      method: "POST",
      body: form,
      headers: { origin: server.url },
    });
    expect(uploaded.status).toBe(302);
    const importId = /\/admin\/members\/import\/([0-9a-f-]{36})$/.exec(uploaded.headers.get("location")!)![1]!;
    expect((await checklist()).steps.importMembers).toBe("To do");

    const mapped = await postForm(pastor, at(`/admin/members/import/${importId}`), {
      intent: "map",
      "column-0": "given_name",
      "column-1": "family_name",
      "column-2": "email",
    });
    expect(mapped.status).toBe(302);
    const imported = await postForm(pastor, at(`/admin/members/import/${importId}/preview`), {
      intent: "import",
      duplicates: "skip",
    });
    expect(imported.status).toBe(302);
    expect(imported.headers.get("location")).toBe(`/admin/members/import/${importId}/result`);
    expect((await checklist()).steps).toEqual({
      inviteAdmin: "Done",
      importMembers: "Done",
      reviewPrivacy: "To do",
      addGroups: "To do",
    });
  });

  it("ticks “Review privacy defaults” from /admin/settings, once, audited", async () => {
    const before = await page(pastor, "/admin/settings?lng=en");
    expect(before.status).toBe(200);
    expect(before.response.headers.get("cache-control")).toBe("private, no-store");
    expect(before.html).toContain("Nobody has confirmed these defaults yet.");
    // The defaults as the schema applies them, in the privacy page's own words.
    expect(before.html).toMatch(/data-field="name"[\s\S]*?Everyone in my church/);
    expect(before.html).toMatch(/data-field="phone"[\s\S]*?Leaders of my groups and administrators/);
    expect(before.html).toMatch(/data-field="birthday"[\s\S]*?Church administrators only/);
    expect(before.html).toContain("Yes, until the member opts out");
    expect(before.html).toContain("I have reviewed these defaults");

    const reviewed = await postForm(pastor, at("/admin/settings"), { intent: "review-privacy" });
    expect(reviewed.status).toBe(302);
    expect(reviewed.headers.get("location")).toBe("/admin/settings?done=reviewed");
    const after = await page(pastor, "/admin/settings?done=reviewed&lng=en");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Singapore" }).format(new Date());
    expect(after.html).toContain("The review is recorded in the audit log.");
    expect(after.html).toMatch(new RegExp(`Reviewed on (<!-- -->)?${today}(<!-- -->)? by `));
    expect(after.html).not.toContain("I have reviewed these defaults");

    const [church] = await acrossChurches(
      (tx) => tx.select().from(churches).where(eq(churches.id, faithId)),
      server.database.db
    );
    const reviewedAt = church!.privacyReviewedAt;
    expect(reviewedAt).toBeInstanceOf(Date);
    const entries = await reviewAudits();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ recordType: "church", recordId: faithId });
    expect(entries[0]!.after).toMatchObject({
      privacyReviewedAt: reviewedAt!.toISOString(),
      defaults: { name: "church", address: "admins" },
    });

    // Again (a second tab, a double tap): nothing changes, nothing more is written.
    const again = await postForm(pastor, at("/admin/settings"), { intent: "review-privacy" });
    expect(again.headers.get("location")).toBe("/admin/settings?done=already");
    expect(await reviewAudits()).toHaveLength(1);
    const [still] = await acrossChurches(
      (tx) => tx.select().from(churches).where(eq(churches.id, faithId)),
      server.database.db
    );
    expect(still!.privacyReviewedAt!.toISOString()).toBe(reviewedAt!.toISOString());
    expect(await verifyAuditChain(server.database.db, { churchId: faithId })).toMatchObject({ ok: true });

    expect((await checklist()).steps).toEqual({
      inviteAdmin: "Done",
      importMembers: "Done",
      reviewPrivacy: "Done",
      addGroups: "To do",
    });
    expect((await postForm(pastor, at("/admin/settings"), { intent: "something-else" })).status).toBe(400);
  });

  it("ticks “Add groups” with the first group, and then shrinks to one line", async () => {
    const created = await postForm(pastor, at("/admin/groups"), { name: "Choir", description: "" });
    expect(created.status).toBe(302);
    const { steps, html } = await checklist();
    expect(steps).toEqual({});
    expect(html).toContain("All set: the four getting-started steps are done.");
    expect(html).not.toContain("To do");
    expect(html).toContain('href="/admin/settings"');
  });

  it("is per church: Grace's administrator still has Grace's own steps to do", async () => {
    const grace = await signedInJar(server.url, "admin@grace.example");
    const { steps } = await checklist(grace);
    expect(steps.reviewPrivacy).toBe("To do");
    // Grace's 300 members were entered without an import: nothing left to import.
    expect(steps.importMembers).toBe("Done");
    expect(steps.addGroups).toBe("Done");
  });
});

describe(`/admin/settings for others (${engine})`, () => {
  it("refuses members and leaders (403) on GET and POST, and changes nothing", async () => {
    for (const email of ["member@grace.example", "leader@grace.example"]) {
      const jar = await signedInJar(server.url, email);
      expect((await browse(jar, at("/admin/settings"))).status, email).toBe(403);
      expect((await postForm(jar, at("/admin/settings"), { intent: "review-privacy" })).status, email).toBe(403);
    }
    const grace = await acrossChurches(async (tx) => {
      const [church] = await tx.select().from(churches).where(eq(churches.slug, "grace"));
      const entries = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.churchId, church!.id), eq(auditLog.action, "church.privacy_reviewed")));
      return { reviewedAt: church!.privacyReviewedAt, entries };
    }, server.database.db);
    expect(grace).toEqual({ reviewedAt: null, entries: [] });
  });

  it("sends visitors to sign in", async () => {
    const response = await fetch(at("/admin/settings"), { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/auth/login");
  });
});
