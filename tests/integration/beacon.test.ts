import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~/db/seed/demo.server";
import { takeMinute } from "~/ops/minute-recorder.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Page-load figures from public/ops.js over real HTTP: taken into the current
 * minute's histograms only from a browser that accepted analytics cookies,
 * refused from one that did not (or says "do not track"), and never a 500 for
 * bad input. The page itself tells the script whether to measure at all.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
});
afterAll(async () => {
  await server.close();
});

const at = (path: string) => `${server.url}${path}`;
const FIGURES = { lcp: 1234.5, inp: 180, cls: 0.05, sessionSeconds: 42 };

/** As navigator.sendBeacon sends a string: text/plain, same origin, with the page's cookies. */
const beacon = (jar: CookieJar, body: unknown, headers: Record<string, string> = {}) =>
  browse(jar, at("/api/beacon"), {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "text/plain;charset=UTF-8", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function consenting(choice: "all" | "necessary") {
  const jar = new CookieJar();
  const answer = await postForm(jar, at("/cookies"), { choice, source: "banner", returnTo: "/help" });
  expect(answer.status).toBe(302);
  return jar;
}

const scriptTag = async (jar: CookieJar, path = "/help") => {
  const html = await (await browse(jar, at(path))).text();
  return /<script[^>]*src="\/ops\.js"[^>]*>/.exec(html)?.[0] ?? "";
};

describe("the page-load beacon", () => {
  it("is taken into this minute's figures with analytics consent", async () => {
    const jar = await consenting("all");
    takeMinute();
    const response = await beacon(jar, FIGURES);
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toBeNull();
    const { vitals } = takeMinute();
    expect(vitals.lcp).toMatchObject({ count: 1, sum: 1234.5, buckets: { "1500": 1 } });
    expect(vitals.inp).toMatchObject({ count: 1, sum: 180, buckets: { "200": 1 } });
    expect(vitals.cls).toMatchObject({ count: 1, sum: 50 });
    expect(vitals.session).toMatchObject({ count: 1, sum: 42 });
  });

  it("is refused without analytics consent, and from a browser that asks not to be tracked", async () => {
    takeMinute();
    expect((await beacon(new CookieJar(), FIGURES)).status).toBe(403);
    expect((await beacon(await consenting("necessary"), FIGURES)).status).toBe(403);
    expect((await beacon(await consenting("all"), FIGURES, { "Sec-GPC": "1" })).status).toBe(403);
    expect(takeMinute().vitals).toEqual({});
  });

  it("answers bad input with 400 and an oversized body with 413, never a 500", async () => {
    const jar = await consenting("all");
    takeMinute();
    for (const body of ["not json", "{}", { ...FIGURES, lcp: -1 }, { ...FIGURES, inp: "fast" }, { ...FIGURES, cls: 1e9 }]) {
      const response = await beacon(jar, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.text()).toBe("Not a page-load beacon.");
    }
    expect((await beacon(jar, { ...FIGURES, padding: "x".repeat(3000) })).status).toBe(413);
    expect(takeMinute().vitals).toEqual({});
  });

  it("is asked for by the page only with consent; error reporting is on every page", async () => {
    const without = await scriptTag(new CookieJar());
    expect(without).toContain('data-analytics="0"');
    expect(without).toMatch(/ defer/);
    expect(without).toMatch(/nonce="[^"]+"/);
    expect(await scriptTag(await consenting("all"))).toContain('data-analytics="1"');
    expect(await scriptTag(await consenting("necessary"))).toContain('data-analytics="0"');
    // The route pattern, never the path with its ids.
    expect(await scriptTag(new CookieJar(), "/help/getting-started")).toContain('data-route="/help/:slug"');
    expect(await scriptTag(new CookieJar(), "/no/such/page?q=x")).toContain('data-route="/*"');
  });

  it("serves the script itself from the app", async () => {
    const response = await fetch(at("/ops.js"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
  });
});
