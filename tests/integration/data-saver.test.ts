// First: uploads go to a throwaway folder (DATA_DIR), not the shared ./data.
import "../support/photo-storage-local";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/*
 * Data saver over HTTP (issue 11, item 4): with `Save-Data: on`, or the
 * device's own choice, pages carry no script of any kind and no photo; an
 * explicit "off" beats the header; caches are told the page varies with it.
 */

let server: TestServer;
let member: CookieJar;
let memberId: string;

const at = (path: string) => `${server.url}${path}`;
const SAVE_DATA = { "save-data": "on" };

async function get(jar: CookieJar, path: string, headers: Record<string, string> = {}) {
  const response = await browse(jar, at(path), { headers });
  return { response, html: await response.text() };
}

/** Any way a page could make the browser fetch or run JavaScript. */
function scriptsIn(html: string): string[] {
  return html.match(/<script\b[^>]*>|modulepreload|\.js["']|\son[a-z]+=/gi) ?? [];
}

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  member = await signedInJar(server.url, "member@grace.example");
  memberId = await acrossChurches(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, "member@grace.example"));
    const [row] = await tx.select().from(members).where(eq(members.userId, user!.id));
    return row!.id;
  }, server.database.db);
  // A real photo through the real upload form, so there is something to leave out.
  const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 15, g: 118, b: 110 } } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.set("intent", "upload");
  form.set("photo", new Blob([new Uint8Array(png)], { type: "image/png" }), "me.png");
  const uploaded = await browse(member, at("/me/photo"), { method: "POST", headers: { origin: server.url }, body: form });
  expect(uploaded.headers.get("location")).toBe("/me?photo=saved#photo");
});
afterAll(async () => {
  await server?.close();
});

describe("Save-Data: on", () => {
  it("the landing page, the help center and a help article come without any script", async () => {
    const anonymous = new CookieJar();
    for (const path of ["/", "/help", "/help/finding-members", "/help?q=directory"]) {
      const normal = await get(anonymous, path);
      // The same page without the header does load /ops.js: the check below can fail.
      expect(scriptsIn(normal.html), path).not.toEqual([]);
      const saver = await get(anonymous, path, SAVE_DATA);
      expect(saver.response.status, path).toBe(200);
      expect(scriptsIn(saver.html), path).toEqual([]);
      expect(saver.html, path).not.toContain("/ops.js");
      expect(saver.html, path).toContain("It is on because your browser asked to save data (Save-Data).");
    }
  });

  it("the directory, its search and paging, and a member card come without scripts or photos", async () => {
    const withPhotos = await get(member, "/directory?q=Maria&photos=1");
    expect(withPhotos.html).toContain(`/photos/${memberId}/96`);
    const card = await get(member, `/directory/${memberId}`);
    expect(card.html).toContain(`/photos/${memberId}/320`);

    for (const path of ["/directory", "/directory?page=2", "/directory?q=Maria&photos=1", `/directory/${memberId}`, "/me"]) {
      const { response, html } = await get(member, path, SAVE_DATA);
      expect(response.status, path).toBe(200);
      expect(scriptsIn(html), path).toEqual([]);
      expect(html, path).not.toContain("<img");
      expect(html, path).not.toContain("/photos/");
    }
    const search = await get(member, "/directory?q=Maria", SAVE_DATA);
    expect(search.html).toContain(`href="/directory/${memberId}"`);
    expect(search.html).toContain("Data saver is on, so photos are not loaded.");
    expect(search.html).toMatch(/<form method="get"[^>]*role="search"/);
    expect((await get(member, "/directory", SAVE_DATA)).html).toContain('href="?page=2" rel="next"');
  });

  it("every page names Save-Data in Vary; member pages stay private, public ones keep their other keys", async () => {
    const directory = await get(member, "/directory", SAVE_DATA);
    expect(directory.response.headers.get("vary")).toMatch(/\bSave-Data\b/);
    expect(directory.response.headers.get("cache-control")).toMatch(/^private/);
    const help = await get(new CookieJar(), "/help", SAVE_DATA);
    expect(help.response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(help.response.headers.get("vary")).toMatch(/\bCookie\b.*\bSave-Data\b|\bSave-Data\b.*\bCookie\b/);
    const landing = await get(new CookieJar(), "/");
    expect(landing.response.headers.get("vary")).toMatch(/\bSave-Data\b/);
  });

  it("keeps the content security policy and its nonce: nothing needs it, nothing breaks", async () => {
    const { response } = await get(new CookieJar(), "/help", SAVE_DATA);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'/);
  });
});

describe("the device's own choice", () => {
  it("an explicit 'off' beats the browser's header, from the footer switch, signed out", async () => {
    const device = new CookieJar();
    const page = await get(device, "/help", SAVE_DATA);
    expect(page.html).toMatch(/<form method="post" action="\/me\/photo"[^>]*aria-labelledby="data-saver-switch-title"/);
    expect(page.html).toContain('<input type="hidden" name="redirectTo" value="/help"/>');
    expect(page.html).toMatch(/<button type="submit" name="dataSaver" value="off"[^>]*>Turn data saver off<\/button>/);

    const off = await postForm(device, at("/me/photo"), { intent: "data-saver", redirectTo: "/help", dataSaver: "off" });
    expect(off.status).toBe(302);
    expect(off.headers.get("location")).toBe("/help");
    expect(off.headers.get("set-cookie")).toMatch(/^data_saver=0; Max-Age=\d{8}; Path=\/; SameSite=Lax; HttpOnly/);

    const after = await get(device, "/help", SAVE_DATA);
    expect(after.html).toContain('src="/ops.js"');
    expect(after.html).not.toContain("because your browser asked");
    expect(after.html).toMatch(/value="on"[^>]*>Turn data saver on<\/button>/);
  });

  it("an explicit 'on' works without the header, and the signed-in card then has no photo", async () => {
    const saver = member.clone();
    const on = await postForm(saver, at("/me/photo"), { intent: "data-saver", redirectTo: `/directory/${memberId}`, dataSaver: "on" });
    expect(on.headers.get("location")).toBe(`/directory/${memberId}`);
    const card = await get(saver, `/directory/${memberId}`);
    expect(scriptsIn(card.html)).toEqual([]);
    expect(card.html).not.toContain("/photos/");
    expect(card.html).toContain("Data saver is on: pages come without any scripts or photos");
    expect(card.html).not.toContain("because your browser asked");
    // Back to automatic from /me: the cookie is cleared and the header decides again.
    const auto = await postForm(saver, at("/me/photo"), { intent: "data-saver", dataSaver: "auto" });
    expect(auto.headers.get("location")).toBe("/me?photo=dataSaverAuto#photo");
    expect(auto.headers.get("set-cookie")).toMatch(/^data_saver=; Max-Age=0/);
    expect((await get(saver, `/directory/${memberId}`)).html).toContain(`/photos/${memberId}/320`);
    expect((await get(saver, "/me?photo=dataSaverAuto", SAVE_DATA)).html).toContain("Data saver now follows your browser");
  });

  it("the footer switch refuses to send anyone off-site", async () => {
    const off = await postForm(new CookieJar(), at("/me/photo"), { intent: "data-saver", redirectTo: "//evil.example/", dataSaver: "on" });
    expect(off.headers.get("location")).toBe("/");
  });

  it("says so in Filipino too", async () => {
    const { html } = await get(new CookieJar(), "/help?lng=fil", SAVE_DATA);
    expect(html).toContain("Naka-on ito dahil humiling ang iyong browser na magtipid ng data (Save-Data).");
    expect(html).toContain("I-off ang data saver");
  });
});
