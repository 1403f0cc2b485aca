import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, churches, groups, members, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { verifyAuditChain } from "~/models/audit.server";
import { browse, postForm, type CookieJar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar, signIn } from "../support/sign-in";

/**
 * The platform console's churches page over HTTP: the list with each church's
 * size, onboarding a church with its first administrator, and who may not.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";

/** The card of one church on the page, by slug. */
function cardOf(html: string, slug: string): string | undefined {
  const start = html.indexOf(`data-slug="${slug}"`);
  return start < 0 ? undefined : html.slice(start, html.indexOf("</li>", start));
}

const countIn = (card: string, what: string) => Number(new RegExp(`data-count="${what}">(\\d+)<`).exec(card)?.[1]);

const faith = {
  name: "Faith Church",
  slug: "faith",
  timezone: "Asia/Singapore",
  defaultLocale: "fil",
  adminEmail: "Pastor@Faith.example",
};

describe(`/platform/churches (${engine})`, () => {
  let server: TestServer;
  let ops: CookieJar;
  const at = (p: string) => `${server.url}${p}`;

  beforeAll(async () => {
    server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
    ops = await signedInJar(server.url, "ops@kapatiran.example");
  });
  afterAll(async () => {
    await server.close();
  });

  it("lists every church with its members, users and groups", async () => {
    const response = await browse(ops, at("/platform/churches"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await response.text();
    const expected = await acrossChurches(async (tx) => {
      const [grace] = await tx.select().from(churches).where(eq(churches.slug, "grace"));
      return {
        members: await tx.$count(members, and(eq(members.churchId, grace!.id), isNull(members.deletedAt))),
        users: await tx.$count(users, and(eq(users.churchId, grace!.id), eq(users.status, "active"))),
        groups: await tx.$count(groups, eq(groups.churchId, grace!.id)),
      };
    }, server.database.db);
    const grace = cardOf(html, "grace")!;
    expect(grace).toContain("Grace Fellowship (demo)");
    expect(grace).toContain("Asia/Manila");
    expect(countIn(grace, "members")).toBe(expected.members);
    expect(expected.members).toBeGreaterThanOrEqual(300);
    expect(countIn(grace, "users")).toBe(expected.users);
    expect(countIn(grace, "groups")).toBe(8);
    const hope = cardOf(html, "hope")!;
    expect(countIn(hope, "groups")).toBe(3);
    expect(countIn(hope, "members")).toBeGreaterThanOrEqual(50);
  });

  it("refuses a bad form with 400, field errors and the input kept", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ slug: "grace" }, "slug", "This is already in use."],
      [{ slug: "Faith Church!" }, "slug", "Use lowercase letters, digits and dashes"],
      [{ slug: "ab" }, "slug", "Use lowercase letters, digits and dashes"],
      [{ timezone: "Mars/Olympus_Mons" }, "timezone", "Choose one of the options."],
      [{ adminEmail: "not-an-email" }, "adminEmail", "Enter an e-mail address"],
      [{ adminEmail: "admin@grace.example" }, "adminEmail", "already belongs to a Kapatiran account"],
      [{ name: "" }, "name", "This is required."],
      [{ defaultLocale: "de" }, "defaultLocale", "Choose one of the options."],
    ];
    for (const [change, field, message] of cases) {
      const response = await postForm(ops, at("/platform/churches"), { ...faith, ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      const html = await response.text();
      expect(html).toMatch(new RegExp(`id="field-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-${field}"`));
      expect(html, JSON.stringify(change)).toContain(message);
      if (field !== "name") expect(html).toContain('value="Faith Church"');
      if (field !== "adminEmail") expect(html).toContain('value="Pastor@Faith.example"');
    }
    const none = await acrossChurches((tx) => tx.$count(churches, eq(churches.slug, "faith")), server.database.db);
    expect(none).toBe(0);
  });

  it("onboards a church with its first administrator, audited on both chains", async () => {
    const response = await postForm(ops, at("/platform/churches"), faith);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/platform/churches?onboarded=faith");
    const html = await (await browse(ops, at(response.headers.get("location")!))).text();
    expect(html).toContain("Faith Church is ready.");
    const card = cardOf(html, "faith")!;
    expect(card).toContain("Asia/Singapore");
    expect([countIn(card, "members"), countIn(card, "users"), countIn(card, "groups")]).toEqual([0, 0, 0]);

    const { church, entries } = await acrossChurches(async (tx) => {
      const [church] = await tx.select().from(churches).where(eq(churches.slug, "faith"));
      const entries = await tx
        .select({ churchId: auditLog.churchId, action: auditLog.action, after: auditLog.after })
        .from(auditLog)
        .where(sql`${auditLog.churchId} = ${church!.id} or (${auditLog.churchId} is null and ${auditLog.recordId} = ${church!.id})`);
      return { church: church!, entries };
    }, server.database.db);
    expect(church).toMatchObject({ name: "Faith Church", timezone: "Asia/Singapore", defaultLocale: "fil" });
    expect(entries.map((e) => `${e.churchId ? "church" : "platform"}:${e.action}`).sort()).toEqual([
      "church:church.onboarded",
      "church:invitation.created",
      "platform:church.onboarded",
    ]);
    expect(entries.find((e) => e.action === "invitation.created")!.after).toMatchObject({ email: "pastor@faith.example" });
    expect(await verifyAuditChain(server.database.db, { churchId: church.id })).toEqual({ ok: true, checked: 2 });
    expect(await verifyAuditChain(server.database.db, { churchId: null })).toMatchObject({ ok: true });

    const again = await postForm(ops, at("/platform/churches"), { ...faith, adminEmail: "other@faith.example" });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("This is already in use.");
  });

  it("lets the invited e-mail sign in as the new church's administrator", async () => {
    const { jar, finished } = await signIn(server.url, "pastor@faith.example");
    expect(finished.status).toBe(302);
    const me = await (await browse(jar, at("/me?lng=en"))).text();
    expect(me).toContain("Faith Church");
    expect(me).toContain("Church administrator");
    // Their own church's audit log, with the onboarding in it.
    const audit = await browse(jar, at("/admin/audit"));
    expect(audit.status).toBe(200);
    const html = await audit.text();
    expect(html).toContain("church.onboarded");
    expect(html).toContain("invitation.accepted");
    expect(html).toContain("Kapatiran staff");
    expect((await browse(jar, at("/platform/churches"))).status).toBe(403);
  });

  it("is refused to church administrators and members (403) and sends visitors to sign in", async () => {
    for (const email of ["admin@grace.example", "member@grace.example"]) {
      const jar = await signedInJar(server.url, email);
      expect((await browse(jar, at("/platform/churches"))).status, email).toBe(403);
      const post = await postForm(jar, at("/platform/churches"), { ...faith, slug: "sneaky" });
      expect(post.status, email).toBe(403);
    }
    const anonymous = await fetch(at("/platform/churches"), { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    const none = await acrossChurches((tx) => tx.$count(churches, eq(churches.slug, "sneaky")), server.database.db);
    expect(none).toBe(0);
  });
});
