import http from "node:http";
import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpArticles, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { saveArticle } from "~/models/help-editing.server";
import type { CookieJar } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The help center over HTTP on the built app: a weak ETag, 304 Not Modified
 * without a body while nothing that shapes the page changed, a new page after
 * an edit, and Brotli (or gzip) on the wire.
 */

let server: TestServer;
let member: CookieJar;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  member = await signedInJar(server.url, "member@grace.example");
});
afterAll(async () => {
  await server.close();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes on the wire, still compressed. */
  body: Buffer;
}

/** A plain GET that leaves Accept-Encoding and the body alone (fetch would decompress). */
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
  });
}

describe("ETag and 304 on help pages", () => {
  it.each(["/help", "/help/getting-started", "/help/faq"])("%s: 304 with no body for the tag it sent", async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers.vary).toMatch(/Save-Data/);
    // Nothing changed: the same tag again (the request id and CSP nonce are not part of it).
    const again = await get(path);
    expect(again.headers.etag).toBe(etag);
    const revalidated = await get(path, { "If-None-Match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.headers["cache-control"]).toBe("public, max-age=300");
    expect((await get(path, { "If-None-Match": 'W/"something-else"' })).status).toBe(200);
  });

  it("another language, data saver or Save-Data is another page, with another tag", async () => {
    const tags = await Promise.all(
      ([{}, { "Accept-Language": "fil" }, { Cookie: "data_saver=1" }, { "Save-Data": "on" }] as Record<string, string>[]).map(
        async (headers) => (await get("/help/getting-started", headers)).headers.etag,
      ),
    );
    expect(new Set(tags).size).toBe(4);
  });

  it("signed in, the page carries the member's name: its own tag, and private", async () => {
    const anonymous = (await get("/help")).headers.etag;
    const cookie = member.headerFor(`${server.url}/help`);
    const signedIn = await get("/help", { Cookie: cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.etag).not.toBe(anonymous);
    expect(signedIn.headers["cache-control"]).toMatch(/^private/);
    expect((await get("/help", { Cookie: cookie, "If-None-Match": anonymous! })).status).toBe(200);
  });

  it("after an edit of the article, the old tag gets the new page", async () => {
    const before = await get("/help/getting-started");
    const etag = before.headers.etag!;
    const [article] = await acrossChurches(
      (tx) => tx.select().from(helpArticles).where(eq(helpArticles.slug, "getting-started")),
      server.database.db,
    );
    const [staff] = await acrossChurches(
      (tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, "staff@kapatiran.example")),
      server.database.db,
    );
    const saved = await saveArticle(staff!, article!.id, {
      expectedRevision: article!.revision,
      title: "Getting started, edited for the ETag test",
      body: article!.body,
      category: "getting-started",
      status: "published",
    });
    expect(saved.ok).toBe(true);
    const after = await get("/help/getting-started", { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.toString("utf8")).toContain("Getting started, edited for the ETag test");
  });
});

describe("compression", () => {
  it("sends Brotli when the browser takes it, even when it takes gzip too", async () => {
    const response = await get("/help/faq", { "Accept-Encoding": "gzip, deflate, br" });
    expect(response.headers["content-encoding"]).toBe("br");
    const html = zlib.brotliDecompressSync(response.body).toString("utf8");
    expect(html).toContain("<!DOCTYPE html>");
    expect(response.body.length).toBeLessThan(html.length / 2);
  });

  it("sends gzip to a browser without Brotli, and plain text to one that asks for nothing", async () => {
    const gzipped = await get("/help/faq", { "Accept-Encoding": "gzip" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzipped.body).toString("utf8")).toContain("<!DOCTYPE html>");
    const plain = await get("/help/faq", { "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toContain("<!DOCTYPE html>");
  });
});
