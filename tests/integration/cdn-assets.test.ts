import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

// Before the app's modules parse the environment (vi.hoisted runs ahead of the imports).
const cdn = vi.hoisted(() => {
  process.env.CDN_URL = "https://cdn.kapatiran.test/";
  return "https://cdn.kapatiran.test";
});

/**
 * CDN_URL set: a page names the CDN's host for every fingerprinted asset (the
 * stylesheet, the module scripts and their preloads, the route manifest; the
 * rewrite itself is tests/unit/cdn-assets.test.ts), the
 * CSP allows that host, and the app still serves /build/ itself for the CDN to
 * fetch, with a year of caching and CORS for module scripts. HTML stays private.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const page = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual" });
// A page reached from another of ours links the stylesheet; a first visit has it inline (first-visit-css.test.ts).
const nextPage = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual", headers: { referer: `${server.url}/` } });
const attributeValues = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!);

describe("with CDN_URL", () => {
  it("links the stylesheet from the CDN", async () => {
    const html = await (await nextPage("/")).text();
    const stylesheets = attributeValues(html, /<link rel="stylesheet" href="([^"]+)"/g);
    expect(stylesheets).toHaveLength(1);
    expect(stylesheets[0]).toMatch(new RegExp(`^${cdn}/build/_assets/app\\.build-[A-Z0-9]+\\.css$`));
    // Nothing else moves to the CDN: the favicon and the operations script stay on the app.
    expect(html).toContain('href="/favicon.svg"');
    expect(html).toContain('src="/ops.js"');
  });

  it("hands the browser route modules on the CDN when it asks for more of the manifest", async () => {
    // No page hydrates yet (a route opts in with handle.hydrate), so the module
    // scripts show here: the manifest patches a hydrated page fetches as it navigates
    // come from the same rewritten build as <Scripts> and its modulepreload links.
    const build = (await import(pathToFileURL(path.resolve("build/remix/index.js")).href)) as ServerBuild;
    const response = await page(`/__manifest?p=/help&p=/directory&version=${build.assets.version}`);
    expect(response.status).toBe(200);
    const patches = Object.values((await response.json()) as Record<string, { module: string; imports?: string[] }>);
    expect(patches.length).toBeGreaterThan(0);
    const modules = patches.flatMap((route) => [route.module, ...(route.imports ?? [])]);
    for (const href of modules) expect(href.startsWith(`${cdn}/build/`), href).toBe(true);
  });

  it("allows the CDN's origin in the CSP for scripts and styles", async () => {
    const csp = (await page("/")).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(new RegExp(`script-src 'self' ${cdn} 'nonce-`));
    expect(csp).toMatch(new RegExp(`style-src 'self' ${cdn}`));
  });

  it("still serves /build/ for the CDN to fetch: a year, immutable, readable from any origin", async () => {
    const html = await (await nextPage("/")).text();
    const stylesheet = attributeValues(html, /<link rel="stylesheet" href="([^"]+)"/g)[0]!;
    const asset = await page(new URL(stylesheet).pathname);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("keeps HTML out of shared caches", async () => {
    expect((await page("/")).headers.get("cache-control")).toBe("private, no-cache");
  });
});
