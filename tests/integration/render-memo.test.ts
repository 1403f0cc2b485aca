import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionStore } from "~/auth/session.server";
import { members, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { metrics } from "~/utils/metrics.server";
import { browse, CookieJar } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The render memo (app/utils/rendered-pages.server.ts) on the built app: a page
 * that follows from its loader data is rendered once and its copy sent while
 * the loaders return the same data — with each response's own CSP nonce — and
 * never in place of sign-in, permissions or privacy, which run every time.
 */

let server: TestServer;
let member: CookieJar;
let admin: CookieJar;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  member = await signedInJar(server.url, "member@grace.example");
  admin = await signedInJar(server.url, "admin@grace.example");
});
afterAll(async () => {
  await server.close();
});

/** Pages rendered and pages sent from the memo so far (the process's Prometheus counter). */
async function renders(): Promise<{ rendered: number; memo: number }> {
  const { values } = await metrics().pageRenders.get();
  const count = (outcome: string) => values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
  return { rendered: count("rendered"), memo: count("memo") };
}

interface Page {
  status: number;
  html: string;
  /** The nonce the Content-Security-Policy header allows. */
  policyNonce: string | undefined;
  etag: string | null;
}

async function view(jar: CookieJar, path: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await browse(jar, `${server.url}${path}`, { headers });
  return {
    status: response.status,
    html: await response.text(),
    policyNonce: /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1],
    etag: response.headers.get("etag"),
  };
}

/** Every nonce attribute in the page. */
const noncesIn = (html: string) => [...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);

describe("the render memo", () => {
  it("sends the same directory page again from the memo, each time with that response's own nonce", async () => {
    const first = await view(member, "/directory");
    const before = await renders();
    const second = await view(member, "/directory");
    const after = await renders();

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(after.memo - before.memo).toBe(1);
    expect(after.rendered - before.rendered).toBe(0);
    // The scripts carry the nonce the header allows: new per response, never the placeholder.
    for (const page of [first, second]) {
      expect(page.policyNonce).toBeTruthy();
      expect(noncesIn(page.html).length).toBeGreaterThan(0);
      expect(new Set(noncesIn(page.html))).toEqual(new Set([page.policyNonce]));
    }
    expect(second.policyNonce).not.toBe(first.policyNonce);
    expect(second.html.replaceAll(second.policyNonce!, "N")).toBe(first.html.replaceAll(first.policyNonce!, "N"));
    // Member data is never stored by the browser (no-store), so there is nothing to revalidate.
    expect(second.etag).toBeNull();
  });

  it("renders again as soon as a member on the page changes", async () => {
    const page = await view(member, "/directory");
    const memberId = /href="\/directory\/([0-9a-f-]{36})"/.exec(page.html)?.[1];
    expect(memberId).toBeDefined();
    await acrossChurches((tx) => tx.update(members).set({ givenName: "Memoria" }).where(eq(members.id, memberId!)));

    const before = await renders();
    const changed = await view(member, "/directory");
    expect(changed.html).toContain("Memoria");
    expect((await renders()).rendered - before.rendered).toBe(1);
  });

  it("keeps each member's copy their own: an administrator's kept page never reaches a member", async () => {
    await view(admin, "/directory");
    const asAdmin = await view(admin, "/directory");
    const asMember = await view(member, "/directory");
    // The administrator's menu (root loader data: their permissions) is in their copy only.
    expect(asAdmin.html).toContain('href="/admin');
    expect(asMember.html).not.toContain('href="/admin');
  });

  it("keeps the data-saver page apart: no script of any kind, from the memo too", async () => {
    await view(member, "/directory", { "Save-Data": "on" });
    const before = await renders();
    const saver = await view(member, "/directory", { "Save-Data": "on" });
    expect((await renders()).memo - before.memo).toBe(1);
    expect(saver.html).not.toMatch(/<script/);
    expect((await view(member, "/directory")).html).toMatch(/<script/);
  });

  it("never stands in for sign-in: a revoked session gets no page, however recently rendered", async () => {
    const jar = await signedInJar(server.url, "member@grace.example");
    expect((await view(jar, "/directory")).status).toBe(200);
    const [maria] = await acrossChurches((tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, "member@grace.example")));
    // "Sign out everywhere", in whichever store holds sessions (PostgreSQL, or Redis with REDIS_URL).
    await sessionStore().destroyAllForUser(maria!.id);

    const after = await view(jar, "/directory");
    expect(after.status).toBe(302);
    expect(after.html).not.toContain("Maria Santos");
  });

  it("leaves pages that do not opt in alone: rendered for each request", async () => {
    const jar = await signedInJar(server.url, "member@grace.example");
    const before = await renders();
    expect((await view(jar, "/me")).status).toBe(200);
    expect((await view(jar, "/me")).status).toBe(200);
    expect(await renders()).toEqual(before);
  });

  it("shares an anonymous page between visitors, and still answers a browser's copy with a 304", async () => {
    const anonymous = () => new CookieJar();
    await view(anonymous(), "/help/getting-started");
    const before = await renders();
    const page = await view(anonymous(), "/help/getting-started");
    expect((await renders()).memo - before.memo).toBe(1);
    expect(page.etag).toMatch(/^W\/"/);
    const revalidated = await browse(anonymous(), `${server.url}/help/getting-started`, { headers: { "If-None-Match": page.etag! } });
    expect(revalidated.status).toBe(304);
  });
});
