import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, consentRecords, helpArticles, policyVersions, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Cookie consent and the privacy policy over HTTP against the real app:
 * before any choice only strictly necessary cookies are set; every choice is
 * a consent record (policy version, keyed address hash, user when signed in);
 * GPC/DNT refuse; a new policy version asks again; the policy is versioned in
 * English and Filipino, and only support staff publish a new version.
 */

let server: TestServer;
let staff: CookieJar;
let member: CookieJar;

const db = () => server.database.db;
const at = (path: string) => `${server.url}${path}`;
const NECESSARY = new Set(["kapatiran_session", "lng", "consent", "data_saver"]);
const BANNER = "Cookies on Kapatiran";

const page = async (jar: CookieJar, path: string, headers: Record<string, string> = {}) => {
  const response = await browse(jar, at(path), { headers });
  return { status: response.status, html: await response.text(), response };
};
const recordsOf = (consentId: string) =>
  acrossChurches(
    (tx) =>
      tx
        .select()
        .from(consentRecords)
        .where(eq(consentRecords.consentId, consentId))
        .orderBy(desc(consentRecords.createdAt)),
    db()
  );
const consentIdOf = (jar: CookieJar) => jar.get("consent")!.split(".")[0]!;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  staff = await signedInJar(server.url, "staff@kapatiran.example");
  member = await signedInJar(server.url, "member@grace.example");
});
afterAll(async () => {
  await server.close();
});

describe("before any choice", () => {
  it("sets no cookie beyond the strictly necessary ones on public pages", async () => {
    const jar = new CookieJar();
    const [article] = await acrossChurches(
      (tx) =>
        tx
          .select({ slug: helpArticles.slug })
          .from(helpArticles)
          .where(
            and(eq(helpArticles.locale, "en"), eq(helpArticles.status, "published"), eq(helpArticles.kind, "article"))
          )
          .limit(1),
      db()
    );
    const setNames: string[] = [];
    for (const path of [
      "/",
      "/help",
      "/help/faq",
      `/help/${article!.slug}`,
      "/privacy",
      "/cookies",
      "/help?q=privacy",
    ]) {
      const { status, html, response } = await page(jar, path);
      expect(status, path).toBe(200);
      expect(html, path).toContain(path === "/cookies" ? "Save choices" : BANNER);
      setNames.push(...response.headers.getSetCookie().map((cookie) => cookie.split("=")[0]!));
    }
    // The language switcher is a choice of the visitor's own: its cookie is necessary too.
    await postForm(jar, at("/language"), { lng: "fil", redirectTo: "/privacy" });
    for (const name of [...setNames, ...[...jar.cookies.values()].map((c) => c.name)]) {
      expect(NECESSARY.has(name), name).toBe(true);
    }
    expect(jar.get("consent")).toBeUndefined();
  });

  it("keeps the privacy policy out of the help center listing and search", async () => {
    const jar = new CookieJar();
    expect((await page(jar, "/help")).html).not.toContain("/help/privacy-policy");
    expect((await page(jar, "/help?q=Cognito")).html).not.toContain("/help/privacy-policy");
  });
});

describe("choosing", () => {
  it("records 'preferences only' with the policy version and a hashed address, and hides the banner", async () => {
    const jar = new CookieJar();
    const answer = await postForm(jar, at("/cookies"), {
      choice: "save",
      preferences: "on",
      source: "preferences",
      returnTo: "/help",
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/cookies?saved=1&returnTo=%2Fhelp");
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith("consent="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(jar.get("consent")).toMatch(/^[A-Za-z0-9_-]{22}\.2\.10$/);
    const [record] = await recordsOf(consentIdOf(jar));
    expect(record).toMatchObject({
      policyVersion: 2,
      categories: { preferences: true, analytics: false },
      source: "preferences",
      userId: null,
    });
    expect(record!.addressHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record!.addressHash).not.toContain("127.0.0.1");
    expect((await page(jar, "/help")).html).not.toContain(BANNER);
    const saved = await page(jar, "/cookies?saved=1&returnTo=%2Fhelp");
    expect(saved.html).toContain("Your cookie choice is saved.");
    expect(saved.html).toContain('href="/help"');
  });

  it("stores the user of a signed-in visitor and keeps the consent id across choices", async () => {
    const jar = member.clone();
    await postForm(jar, at("/cookies"), { choice: "all", source: "banner", returnTo: "/directory" }).then((r) =>
      expect(r.headers.get("location")).toBe("/directory")
    );
    const id = consentIdOf(jar);
    await postForm(jar, at("/cookies"), { choice: "necessary", source: "preferences" });
    expect(consentIdOf(jar)).toBe(id);
    const records = await recordsOf(id);
    const [user] = await acrossChurches(
      (tx) => tx.select().from(users).where(eq(users.email, "member@grace.example")),
      db()
    );
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.userId === user!.id)).toBe(true);
    expect(records.map((r) => r.categories)).toContainEqual({ preferences: true, analytics: true });
    expect(records.map((r) => r.categories)).toContainEqual({ preferences: false, analytics: false });
  });

  it.each([
    ["Sec-GPC", "sec-gpc"],
    ["DNT", "dnt"],
  ])("honours %s: refused whatever the form says, and the banner says why", async (_label, header) => {
    const jar = new CookieJar();
    const signal = { [header]: "1" };
    const before = await page(jar, "/help", signal);
    expect(before.html).toContain("Your browser asked us not to track you (Global Privacy Control / Do Not Track)");
    expect(before.html).not.toContain(">Accept all<");
    expect((await page(jar, "/cookies", signal)).html).toContain("Your browser asked us not to track you");
    await browse(jar, at("/cookies"), {
      method: "POST",
      headers: { ...signal, "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams({ choice: "all", source: "banner", returnTo: "/help" }).toString(),
    });
    const [record] = await recordsOf(consentIdOf(jar));
    expect(record).toMatchObject({ categories: { preferences: false, analytics: false }, source: "browser-signal" });
    expect(jar.get("consent")).toMatch(/\.00$/);
  });

  it("treats a malformed consent cookie as no choice, without an error", async () => {
    for (const value of ["garbage", "abc.1.10", `${"a".repeat(22)}.x.10`, `${"a".repeat(22)}.1.12`, "%00%ff"]) {
      const jar = new CookieJar();
      jar.cookies.set("consent;/", { name: "consent", value, path: "/" });
      const { status, html } = await page(jar, "/help");
      expect(status, value).toBe(200);
      expect(html, value).toContain(BANNER);
      expect((await page(jar, "/cookies")).html).toContain("You have not made a choice yet.");
    }
  });

  it("re-renders the form with errors for nonsense input", async () => {
    const jar = new CookieJar();
    const bad = await postForm(jar, at("/cookies"), { choice: "maybe", preferences: "yes", returnTo: "/help" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Choose one of the buttons");
    expect(html).toContain("A box is either ticked or not");
    expect(html).toContain('value="/help"');
    expect(jar.get("consent")).toBeUndefined();
    const offsite = await postForm(jar, at("/cookies"), {
      choice: "necessary",
      source: "banner",
      returnTo: "//evil.example/x",
    });
    expect(offsite.headers.get("location")).toBe("/");
  });
});

describe("the privacy policy", () => {
  it("shows version 2 in English and in Filipino, and 404 for an unknown version", async () => {
    const jar = new CookieJar();
    const en = await page(jar, "/privacy");
    expect(en.status).toBe(200);
    expect(en.html).toContain("Privacy policy");
    expect(en.html).toContain("Version 2, published");
    expect(en.html).toContain("Philippine Data Privacy Act of 2012");
    expect(en.response.headers.get("cache-control")).toBe("public, max-age=300");
    const fil = await page(jar, "/privacy?lng=fil");
    expect(fil.html).toContain("Patakaran sa privacy");
    expect(fil.html).toContain("Bersyon 2, inilathala noong");
    expect(fil.html).toContain('lang="fil"');
    expect((await page(jar, "/privacy?version=1")).status).toBe(200);
    expect((await page(jar, "/privacy?version=7")).status).toBe(404);
    expect((await page(jar, "/privacy?version=abc")).status).toBe(404);
  });

  it("lets only support staff publish, refuses an unchanged policy, and asks visitors again after a new version", async () => {
    expect((await postForm(member, at("/staff/privacy"), { summary: "Nope" })).status).toBe(403);
    expect((await page(member, "/staff/privacy")).status).toBe(403);

    const status = await page(staff, "/staff/privacy");
    expect(status.html).toContain("Publish as version 3");
    expect(status.html).toContain("has not changed since the current version");
    const unchanged = await postForm(staff, at("/staff/privacy"), { summary: "Nothing really" });
    expect(unchanged.status).toBe(400);
    expect(await unchanged.text()).toContain("Nothing has changed since the last version");
    expect((await postForm(staff, at("/staff/privacy"), { summary: "  " })).status).toBe(400);

    // A visitor who chose under version 2.
    const visitor = new CookieJar();
    await postForm(visitor, at("/cookies"), { choice: "necessary", source: "banner", returnTo: "/" });
    expect((await page(visitor, "/help")).html).not.toContain(BANNER);

    // Staff edit the text in the help editor (a new published revision), then publish version 3.
    const [article] = await acrossChurches(
      (tx) =>
        tx
          .select()
          .from(helpArticles)
          .where(and(eq(helpArticles.slug, "privacy-policy"), eq(helpArticles.locale, "en"))),
      db()
    );
    expect(status.html).toContain(`/staff/help/${article!.id}`);
    const saved = await postForm(staff, at(`/staff/help/${article!.id}`), {
      intent: "save",
      title: article!.title,
      body: `${article!.body}\n\nWe now keep application logs for 60 days.\n`,
      category: "policy",
      status: "published",
      expectedRevision: String(article!.revision),
    });
    expect(saved.status).toBe(302);
    expect((await page(staff, "/staff/privacy")).html).toContain("has published changes");
    const published = await postForm(staff, at("/staff/privacy"), { summary: "Logs are kept for 60 days" });
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe("/staff/privacy?published=3");

    const [v3] = await acrossChurches(
      (tx) => tx.select().from(policyVersions).where(eq(policyVersions.version, 3)),
      db()
    );
    expect(v3).toMatchObject({ englishRevision: article!.revision + 1, filipinoRevision: 2 });
    const audits = await acrossChurches(
      (tx) => tx.select().from(auditLog).where(eq(auditLog.action, "privacy_policy.published")),
      db()
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.churchId).toBeNull();

    const again = await page(visitor, "/help");
    expect(again.html).toContain(BANNER);
    expect(again.html).toContain("We updated our privacy policy (version 3)");
    const current = await page(visitor, "/privacy");
    expect(current.html).toContain("We now keep application logs for 60 days.");
    expect(current.html).toContain('href="/privacy?version=1"');
    const old = await page(visitor, "/privacy?version=1");
    expect(old.html).not.toContain("We now keep application logs for 60 days.");
    expect(old.html).toContain("an earlier version");

    await postForm(visitor, at("/cookies"), { choice: "necessary", source: "banner", returnTo: "/" });
    expect(visitor.get("consent")).toMatch(/\.3\.00$/);
    expect((await page(visitor, "/help")).html).not.toContain(BANNER);
  });
});
