import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/*
 * A first visit — no Referer of our own — gets the stylesheet inside the page,
 * allowed by its hash in the CSP, and prefetches the file for the next page;
 * a page reached from one of ours links the (cached) file instead
 * (app/utils/first-visit-css.server.ts).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: "manual" });
const inlineStyles = (html: string) => [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
const linked = (html: string, rel: string) => [...html.matchAll(new RegExp(`<link rel="${rel}"(?: as="style")? href="([^"]+)"`, "g"))].map((m) => m[1]!);

describe("the stylesheet on a first visit", () => {
  it("comes inside the page, allowed by its SHA-256 alone, with the file prefetched for the next page", async () => {
    const response = await get("/");
    const html = await response.text();
    const [inline, ...more] = inlineStyles(html);
    expect(more).toEqual([]);
    expect(linked(html, "stylesheet")).toEqual([]);
    const [prefetched] = linked(html, "prefetch");
    expect(prefetched).toMatch(/^\/build\/_assets\/app\.build-[A-Z0-9]+\.css$/);
    // Exactly the built file's text, and the CSP names exactly its hash.
    expect(inline).toBe(fs.readFileSync(path.resolve("public", prefetched!.slice(1)), "utf8"));
    const hash = crypto.createHash("sha256").update(inline!, "utf8").digest("base64");
    const styleSrc = /style-src ([^;]*)/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "";
    expect(styleSrc.split(" ")).toEqual(expect.arrayContaining(["'self'", `'sha256-${hash}'`]));
    expect(styleSrc).not.toContain("unsafe-inline");
  });

  it("is linked, not inlined, on a page reached from another of ours", async () => {
    const html = await (await get("/help", { referer: `${server.url}/` })).text();
    expect(inlineStyles(html)).toEqual([]);
    expect(linked(html, "stylesheet")).toHaveLength(1);
    expect(linked(html, "prefetch")).toEqual([]);
  });

  it("is inlined again for a visitor arriving from another site", async () => {
    const html = await (await get("/help", { referer: "https://www.google.com/" })).text();
    expect(inlineStyles(html)).toHaveLength(1);
  });

  it("with data saver, is inlined and not prefetched: the page is the whole visit", async () => {
    const html = await (await get("/help", { "save-data": "on" })).text();
    expect(inlineStyles(html)).toHaveLength(1);
    expect(linked(html, "prefetch")).toEqual([]);
  });

  it("gives the two forms of a help page different ETags, so a 304 never swaps one for the other", async () => {
    const first = (await get("/help")).headers.get("etag");
    const next = (await get("/help", { referer: `${server.url}/help` })).headers.get("etag");
    expect(first).toBeTruthy();
    expect(next).toBeTruthy();
    expect(first).not.toBe(next);
  });
});
