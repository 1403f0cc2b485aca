import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, rollback } from "~/db/migrations.server";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: "manual" });

describe("health", () => {
  it("/healthz answers without touching the database, naming the release, commit and build time", async () => {
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    // Written by `npm run build` (scripts/build-info.ts): git's commit here, the Docker build arguments in the image.
    const built = JSON.parse(fs.readFileSync("build/build-info.json", "utf8")) as Record<string, string>;
    expect(built.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(Date.parse(built.builtAt!)).not.toBeNaN();
    expect(await response.json()).toEqual({
      status: "ok",
      release: process.env.RELEASE || built.release,
      commit: built.commit,
      builtAt: built.builtAt,
    });
  });

  it("/readyz is 200 when migrations are current and 503 when one is missing", async () => {
    expect((await get("/readyz")).status).toBe(200);
    await rollback(server.database.db, 1);
    const notReady = await get("/readyz");
    expect(notReady.status).toBe(503);
    expect((await notReady.json()).status).toBe("migrations-pending");
    await migrate(server.database.db);
    expect((await get("/readyz")).status).toBe(200);
  });
});

describe("metrics", () => {
  it("answers Prometheus text to the box itself", async () => {
    const response = await get("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain("# TYPE kapatiran_sign_in_failures_total counter");
    expect(text).toContain("kapatiran_process_cpu_seconds_total");
  });

  it("hides from anything that came through a proxy", async () => {
    expect((await get("/metrics", { "X-Forwarded-For": "203.0.113.5" })).status).toBe(404);
  });
});

describe("request ids", () => {
  it("generates one and echoes it", async () => {
    const response = await get("/healthz");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a well-formed id from the caller and replaces a malformed one", async () => {
    expect((await get("/", { "X-Request-Id": "abc-123" })).headers.get("x-request-id")).toBe("abc-123");
    const replaced = (await get("/", { "X-Request-Id": "bad id <script>" })).headers.get("x-request-id");
    expect(replaced).not.toContain("<");
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("server timing", () => {
  it("tells how long the server took over a page, and nothing more", async () => {
    const timing = (await get("/")).headers.get("server-timing");
    expect(timing).toMatch(/^app;dur=\d+\.\d$/);
  });
});

describe("language", () => {
  // Remix cookies hold base64 JSON.
  const lngCookie = (lng: string) => `lng=${encodeURIComponent(btoa(JSON.stringify(lng)))}`;
  const langOf = async (response: Response) => /<html lang="([^"]+)"/.exec(await response.text())?.[1];

  it("follows Accept-Language, reading Tagalog as Filipino", async () => {
    expect(await langOf(await get("/", { "Accept-Language": "fil" }))).toBe("fil");
    expect(await langOf(await get("/", { "Accept-Language": "tl-PH,tl;q=0.9,en;q=0.5" }))).toBe("fil");
    expect(await langOf(await get("/", { "Accept-Language": "ja,en;q=0.5" }))).toBe("en");
    expect(await langOf(await get("/", { "Accept-Language": "ja" }))).toBe("en");
  });

  it("puts ?lng= before the cookie and the cookie before Accept-Language", async () => {
    expect(await langOf(await get("/", { Cookie: lngCookie("fil"), "Accept-Language": "en" }))).toBe("fil");
    expect(await langOf(await get("/?lng=en", { Cookie: lngCookie("fil") }))).toBe("en");
  });

  it("shows Filipino text to a Filipino reader", async () => {
    const html = await (await get("/", { "Accept-Language": "fil" })).text();
    expect(html).toContain("Ang iyong pamilya sa simbahan, abot-kamay");
  });

  it("the switcher form remembers the choice and goes back to a same-origin page only", async () => {
    const post = (redirectTo: string) =>
      fetch(`${server.url}/language`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ lng: "fil", redirectTo }),
      });
    const response = await post("/help?q=pag-sign");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/help?q=pag-sign");
    expect(response.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax/);
    expect(response.headers.get("set-cookie")?.startsWith(`${lngCookie("fil")};`)).toBe(true);
    expect((await post("https://evil.example/")).headers.get("location")).toBe("/");
  });
});

describe("errors", () => {
  it("an unknown path is a 404 page in the reader's language", async () => {
    const english = await get("/no/such/page", { "Accept-Language": "en" });
    expect(english.status).toBe(404);
    expect(await english.text()).toContain("Page not found");
    const filipino = await get("/no/such/page", { "Accept-Language": "fil" });
    expect(filipino.status).toBe(404);
    expect(await filipino.text()).toContain("Hindi makita ang pahina");
  });
});

describe("security", () => {
  it("sends a nonce-based CSP and the other protective headers", async () => {
    const response = await get("/");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // Kept although it slows a first visit (ADR 015).
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
    // HSTS only in production (tests run as NODE_ENV=test): on localhost it would pin http.
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("uses a new nonce for every response", async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await get("/")).headers.get("content-security-policy") ?? "")?.[1];
    expect(await nonce()).not.toBe(await nonce());
  });

  it("keeps HTML out of shared caches", async () => {
    expect((await get("/")).headers.get("cache-control")).toBe("private, no-cache");
  });

  it("refuses a POST from another site, or from nowhere", async () => {
    const form = new URLSearchParams({ lng: "fil", redirectTo: "/" });
    const foreign = await fetch(`${server.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(foreign.status).toBe(403);
    const anonymous = await fetch(`${server.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(anonymous.status).toBe(403);
    const viaReferer = await fetch(`${server.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { Referer: `${server.url}/`, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(viaReferer.status).toBe(302);
  });

  it("compresses responses for clients that accept it", async () => {
    const response = await get("/", { "Accept-Encoding": "gzip" });
    expect(response.headers.get("content-encoding")).toBe("gzip");
  });

  it("serves fingerprinted assets with a year-long cache", async () => {
    const html = await (await get("/")).text();
    const css = /href="(\/build\/_assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const response = await get(css!);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});
