import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpArticles, helpRevisions } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { OWASP_XSS_PAYLOADS } from "../fixtures/owasp-xss-payloads";
import { problemsIn } from "../support/html-safety";
import { browse, CookieJar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Help text is written by support staff and read by everyone, signed in or
 * not: an account taken over, or a careless paste, must not turn a help page
 * into an attack on its readers. Every vector of the OWASP XSS filter evasion
 * cheat sheet goes in as an article body, an article title and an FAQ entry,
 * straight into the database as published (as if the editor had let it
 * through), and the pages are fetched as a browser would.
 */

let server: TestServer;
const WORD = "zxpayload";

// PostgreSQL text cannot hold NUL at all; the NUL vectors are covered by tests/unit/markdown.test.ts.
const storable = (text: string) => text.replace(/\u0000/g, "");
const slugOf = (i: number) => `zx-xss-${i}`;

beforeAll(async () => {
  server = await startTestServer();
  await acrossChurches(async (tx) => {
    const inserted = await tx
      .insert(helpArticles)
      .values([
        ...OWASP_XSS_PAYLOADS.map((payload, i) => ({
          locale: "en" as const,
          slug: slugOf(i),
          category: "support",
          position: i,
          title: storable(payload),
          body: `${WORD} before\n\n${storable(payload)}\n\n${WORD} after`,
          status: "published" as const,
        })),
        {
          locale: "en" as const,
          slug: "zx-xss-all",
          category: "support",
          title: `All at once ${OWASP_XSS_PAYLOADS.map(storable).join(" ")}`,
          body: OWASP_XSS_PAYLOADS.map(storable).join("\n\n"),
          status: "published" as const,
        },
        ...OWASP_XSS_PAYLOADS.map((payload, i) => ({
          locale: "en" as const,
          kind: "faq" as const,
          slug: `zx-xss-faq-${i}`,
          category: "faq",
          position: i,
          title: `${storable(payload)} ?`,
          body: storable(payload),
          status: "published" as const,
        })),
      ])
      .returning();
    await tx
      .insert(helpRevisions)
      .values(
        inserted.map((row) => ({
          articleId: row.id,
          revision: 1,
          title: row.title,
          body: row.body,
          status: row.status,
        })),
      );
  }, server.database.db);
});
afterAll(async () => {
  await server.close();
});

async function fetchPage(path: string) {
  const response = await browse(new CookieJar(), `${server.url}${path}`);
  return { status: response.status, html: await response.text() };
}

const articleOf = (html: string) => html.slice(html.indexOf("<article"), html.indexOf("</article>") + 10);
const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>") + 7);

describe("OWASP XSS filter evasion vectors in help content", () => {
  it("are a substantial list", () => {
    expect(OWASP_XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it("a clean page passes the check (the check itself sees what it should)", async () => {
    const { html } = await fetchPage("/help");
    expect(problemsIn(html, mainOf(html))).toEqual([]);
    expect(problemsIn('<a href=" jav&#x09;ascript:alert(1)">x</a><p onclick="x">', "")).toHaveLength(2);
    expect(problemsIn("<main><style>x</style><img src=x></main>", "<style><img src=x>")).not.toEqual([]);
  });

  it("in an article's title and body come out harmless", async () => {
    const failures: string[] = [];
    for (const [i, payload] of [...OWASP_XSS_PAYLOADS.entries(), [-1, "(all at once)"] as const]) {
      const slug = i === -1 ? "zx-xss-all" : slugOf(i);
      const { status, html } = await fetchPage(`/help/${slug}`);
      if (status !== 200) failures.push(`${slug}: status ${status}`);
      const article = articleOf(html);
      if (!article.startsWith("<article")) failures.push(`${slug}: no article element`);
      for (const problem of problemsIn(html, article)) failures.push(`${slug} ${JSON.stringify(payload)}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it("in FAQ questions and answers come out harmless", async () => {
    const { status, html } = await fetchPage("/help/faq");
    expect(status).toBe(200);
    expect(html).toContain('id="zx-xss-faq-0"');
    expect(html).toContain(`id="zx-xss-faq-${OWASP_XSS_PAYLOADS.length - 1}"`);
    expect(problemsIn(html, mainOf(html))).toEqual([]);
  });

  it("in search results (titles and excerpts) come out harmless", async () => {
    // PostgreSQL's parser skips what looks like a tag, so "script" may find nothing; the rest find payloads.
    for (const q of [WORD, `${WORD} before`, "alert", "javascript", "script", "onerror", "xss"]) {
      const { status, html } = await fetchPage(`/help?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      if (q !== "script") expect(html, q).toMatch(/href="\/help\/zx-xss-/);
      expect(problemsIn(html, mainOf(html)), q).toEqual([]);
    }
  });

  it("typed into the search box come back as text", async () => {
    for (const payload of OWASP_XSS_PAYLOADS.filter((_p, i) => i % 5 === 0)) {
      const { status, html } = await fetchPage(`/help?q=${encodeURIComponent(payload)}`);
      expect(status, payload).toBe(200);
      // The query is echoed in the search box's value: text there, never markup.
      const withoutValue = html.replace(/ value="[^"]*"/g, "");
      expect(problemsIn(withoutValue, mainOf(withoutValue)), payload).toEqual([]);
    }
  });
});
