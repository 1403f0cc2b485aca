import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpArticles, helpFeedback, users, type HelpArticle } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { withoutOwnScript } from "../support/html-safety";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The public help center over HTTP: published articles only, in Filipino
 * where translated and in English (said so) where not, the FAQ, full-text
 * search in both languages, "Was this helpful?" and the contextual "?" link.
 * Every article here is the test's own (zx-test-…), so the seeded guides
 * (migration 0012) may come and go without changing a result.
 */

let server: TestServer;
let member: CookieJar;
let memberUserId: string;
const rows: Record<string, HelpArticle> = {};

const db = () => server.database.db;
const at = (path: string) => `${server.url}${path}`;
const anonymous = () => new CookieJar();
const page = async (path: string, jar: CookieJar = anonymous()) => {
  const response = await browse(jar, at(path));
  return { status: response.status, html: await response.text(), headers: response.headers };
};
/** The page's own content, without the header and footer every page has. */
const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));

type NewArticle = typeof helpArticles.$inferInsert;
const insert = (values: NewArticle) =>
  acrossChurches(async (tx) => (await tx.insert(helpArticles).values(values).returning())[0]!, db());

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  member = await signedInJar(server.url, "member@grace.example");
  memberUserId = (
    await acrossChurches((tx) => tx.select().from(users).where(eq(users.email, "member@grace.example")), db())
  )[0]!.id;

  rows.choose = await insert({
    locale: "en",
    slug: "zx-test-choose",
    category: "privacy",
    position: 1,
    title: "Zx test: how to pick a zxquokka",
    body: "You can **choose** a zxquokka for your household.\n\nSee [your privacy](/me/privacy).",
    status: "published",
  });
  rows.fil = await insert({
    locale: "en",
    slug: "zx-test-fil",
    category: "privacy",
    position: 2,
    title: "Zx test: your friends",
    body: "Your friends are listed here. zxbalut",
    status: "published",
    revision: 3,
  });
  rows.filTranslation = await insert({
    locale: "fil",
    sourceId: rows.fil.id,
    sourceRevision: 3,
    slug: "zx-test-fil",
    category: "privacy",
    position: 2,
    title: "Zx pagsubok: ang iyong mga kaibígan",
    body: "Nakalista rito ang iyong mga **kaibígan**. zxbalut",
    status: "published",
  });
  rows.englishOnly = await insert({
    locale: "en",
    slug: "zx-test-english-only",
    category: "directory",
    title: "Zx test: only in English",
    body: "Nobody has translated this zxwombat yet.",
    status: "published",
  });
  // A translation still being written: the English article is shown meanwhile.
  rows.draftTranslation = await insert({
    locale: "fil",
    sourceId: rows.englishOnly.id,
    sourceRevision: 1,
    slug: "zx-test-english-only",
    category: "directory",
    title: "ZX BURADOR NA SALIN",
    body: "Hindi pa tapos.",
    status: "draft",
  });
  rows.draft = await insert({
    locale: "en",
    slug: "zx-test-draft",
    category: "privacy",
    title: "Zx test: a draft nobody may read",
    body: "Still zxquokka being written.",
    status: "draft",
  });
  rows.archived = await insert({
    locale: "en",
    slug: "zx-test-archived",
    category: "privacy",
    title: "Zx test: an archived guide",
    body: "Old zxquokka news.",
    status: "archived",
  });
  rows.faq = await insert({
    locale: "en",
    kind: "faq",
    slug: "zx-test-faq-phone",
    category: "faq",
    title: "Zx: who can see my zxphone number?",
    body: "Only **leaders** and administrators, unless you choose otherwise.",
    status: "published",
  });
  rows.faqTranslation = await insert({
    locale: "fil",
    kind: "faq",
    sourceId: rows.faq.id,
    sourceRevision: 1,
    slug: "zx-test-faq-phone",
    category: "faq",
    title: "Zx: sino ang nakakakita ng aking zxphone?",
    body: "Ang mga **lider** at tagapangasiwa lamang.",
    status: "published",
  });
  rows.faqDraft = await insert({
    locale: "en",
    kind: "faq",
    slug: "zx-test-faq-draft",
    category: "faq",
    title: "Zx: a question still in draft?",
    body: "Not yet.",
    status: "draft",
  });
});
afterAll(async () => {
  await server.close();
});

describe("the help center home", () => {
  it("lists published articles by topic, never drafts, archived articles or FAQ entries", async () => {
    const { status, html } = await page("/help");
    expect(status).toBe(200);
    expect(html).toContain('href="/help/zx-test-choose"');
    expect(html).toContain("Zx test: how to pick a zxquokka");
    expect(html).toContain('href="/help/zx-test-english-only"');
    expect(html).toContain("Your profile and privacy");
    expect(html).not.toContain("zx-test-draft");
    expect(html).not.toContain("zx-test-archived");
    expect(html).not.toContain('href="/help/zx-test-faq-phone"');
    expect(html).toContain('href="/help/faq"');
    expect(html).toMatch(/<label for="help-q"[^>]*>Search help<\/label>/);
    expect(html).toMatch(/<form method="get" action="\/help" role="search"/);
    // The articles of a topic in their order.
    expect(html.indexOf("zx-test-choose")).toBeLessThan(html.indexOf("zx-test-fil"));
  });

  it("shows Filipino titles where translated and marks English ones", async () => {
    const { html } = await page("/help?lng=fil");
    expect(html).toContain("Zx pagsubok: ang iyong mga kaibígan");
    expect(html).not.toContain("Zx test: your friends");
    expect(html).toMatch(/Zx test: only in English<\/a><span[^>]*> (<!-- -->)?\(sa Ingles\)/);
    expect(html).not.toContain("ZX BURADOR NA SALIN");
  });

  it("may be cached by shared caches for anonymous visitors only", async () => {
    const anon = await page("/help");
    expect(anon.headers.get("cache-control")).toBe("public, max-age=300");
    expect(anon.headers.get("vary")).toMatch(/Cookie/);
    const signedIn = await page("/help", member);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("an article", () => {
  it("shows the English article as sanitized HTML", async () => {
    const { status, html, headers } = await page("/help/zx-test-choose");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("public, max-age=300");
    expect(html).toMatch(/<h1 id="article-title"[^>]*>Zx test: how to pick a zxquokka<\/h1>/);
    expect(html).toContain("<strong>choose</strong>");
    expect(html).toContain('<a href="/me/privacy">your privacy</a>');
    expect(html).not.toContain("not yet available in Filipino");
    expect(html).toContain("Was this helpful?");
  });

  it("answers 404 for an unknown, draft or archived slug, and for a draft translation's text", async () => {
    for (const slug of ["zx-test-no-such", "zx-test-draft", "zx-test-archived", "NOT A SLUG", "%3Cscript%3E"]) {
      expect((await page(`/help/${slug}`)).status, slug).toBe(404);
    }
    const { html } = await page("/help/zx-test-no-such");
    expect(html).toContain("Page not found");
  });

  it("falls back to English in Filipino with a note, and shows the translation where there is one", async () => {
    const fallback = await page("/help/zx-test-english-only?lng=fil");
    expect(fallback.status).toBe(200);
    expect(fallback.html).toContain("Wala pang salin sa Filipino ang artikulong ito; Ingles ang ipinapakita.");
    expect(fallback.html).toContain("Zx test: only in English");
    expect(fallback.html).toContain('<article lang="en"');
    expect(fallback.html).not.toContain("ZX BURADOR NA SALIN");
    expect(fallback.html).toContain("Nakatulong ba ito?");

    const translated = await page("/help/zx-test-fil?lng=fil");
    expect(translated.html).toContain("Zx pagsubok: ang iyong mga kaibígan");
    expect(translated.html).toContain("<strong>kaibígan</strong>");
    expect(translated.html).toContain('<article lang="fil"');
    expect(translated.html).not.toContain("Wala pang salin sa Filipino");

    const english = await page("/help/zx-test-fil");
    expect(english.html).toContain("Zx test: your friends");
    expect(english.html).not.toContain("kaibígan");
  });

  it("stops showing a translation once its English source is archived", async () => {
    const source = await insert({
      locale: "en",
      slug: "zx-test-retired",
      category: "support",
      title: "Zx test: retired",
      body: "Gone.",
      status: "archived",
    });
    await insert({
      locale: "fil",
      sourceId: source.id,
      sourceRevision: 1,
      slug: "zx-test-retired",
      category: "support",
      title: "Zx pagsubok: retirado",
      body: "Wala na.",
      status: "published",
    });
    expect((await page("/help/zx-test-retired?lng=fil")).status).toBe(404);
    expect((await page("/help?lng=fil")).html).not.toContain("zx-test-retired");
  });
});

describe("the FAQ", () => {
  it("shows published questions with their answers, openable without JavaScript", async () => {
    const { status, html } = await page("/help/faq");
    expect(status).toBe(200);
    expect(html).toMatch(
      /<details id="zx-test-faq-phone"[^>]*><summary[^>]*><h\d[^>]*>Zx: who can see my zxphone number\?<\/h\d>/,
    );
    expect(html).toContain("Only <strong>leaders</strong> and administrators");
    expect(html).not.toContain("a question still in draft");
  });

  it("in Filipino where translated", async () => {
    const { html } = await page("/help/faq?lng=fil");
    expect(html).toContain("Zx: sino ang nakakakita ng aking zxphone?");
    expect(html).toContain("Ang mga <strong>lider</strong> at tagapangasiwa lamang.");
    expect(html).not.toContain("Zx: who can see my zxphone number?");
  });
});

describe("search", () => {
  const results = (html: string) => [...mainOf(html).matchAll(/href="\/help\/([a-z0-9-]+)"/g)].map((m) => m[1]);

  it("finds an English article by another form of a word (stemming), with the match marked", async () => {
    const { status, html } = await page("/help?q=choosing+zxquokka");
    expect(status).toBe(200);
    expect(results(html)).toContain("zx-test-choose");
    // Drafts and archived articles share the words but are never found.
    expect(results(html)).not.toContain("zx-test-draft");
    expect(results(html)).not.toContain("zx-test-archived");
    expect(html).toMatch(/<mark[^>]*>choose<\/mark>/);
    expect(html).toContain("Results for “choosing zxquokka”");
  });

  it("finds a Filipino article by a Filipino word with and without its accent", async () => {
    for (const q of ["kaibígan zxbalut", "kaibigan zxbalut", "KAIBIGAN"]) {
      const { status, html } = await page(`/help?lng=fil&q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(results(html), q).toContain("zx-test-fil");
      expect(html, q).toContain("Zx pagsubok: ang iyong mga kaibígan");
    }
  });

  it("finds English articles for a Filipino reader, preferring the translation when both match", async () => {
    const english = await page(`/help?lng=fil&q=zxwombat`);
    expect(results(english.html)).toEqual(["zx-test-english-only"]);
    expect(english.html).toContain("(sa Ingles)");
    // "zxbalut" is in both the English source and its translation: one result, in Filipino.
    const both = await page(`/help?lng=fil&q=zxbalut`);
    expect(results(both.html).filter((slug) => slug === "zx-test-fil")).toHaveLength(1);
    expect(both.html).toContain("Zx pagsubok: ang iyong mga kaibígan");
    expect(both.html).not.toContain("Zx test: your friends");
  });

  it("searches FAQ entries too", async () => {
    const { html } = await page("/help?q=zxphone");
    expect(results(html)).toContain("zx-test-faq-phone");
    expect(html).toContain("Question and answer");
  });

  it("says so when nothing matches, pointing to the FAQ and to support", async () => {
    const { status, html } = await page("/help?q=zxnothingmatchesthis");
    expect(status).toBe(200);
    expect(html).toContain("No help articles match “zxnothingmatchesthis”.");
    expect(mainOf(html)).toContain('href="/help/faq"');
    expect(mainOf(html)).toContain('href="/support"');
  });

  it("answers 200 for odd input: punctuation, quotes, stop words, markup, control characters, very long", async () => {
    const odd = [
      "&&&",
      "'",
      '"',
      "!!!",
      "the",
      "a | b & !c",
      "-",
      "<script>alert(1)</script>",
      "\u0000",
      "  ",
      "ñ",
      "x".repeat(5000),
    ];
    for (const q of odd) {
      const { status, html } = await page(`/help?q=${encodeURIComponent(q)}`);
      expect(status, JSON.stringify(q.slice(0, 20))).toBe(200);
      expect(withoutOwnScript(html)).not.toContain("<script");
    }
    const long = await page(`/help?q=${"zxquokka ".repeat(100)}`);
    expect(long.html).toContain("only its first 200 characters were used");
    expect(results(long.html)).toContain("zx-test-choose");
  });
});

describe("was this helpful?", () => {
  const feedbackOn = (articleId: string) =>
    acrossChurches((tx) => tx.select().from(helpFeedback).where(eq(helpFeedback.articleId, articleId)), db());

  it("stores a yes with a comment from an anonymous reader, then thanks them (PRG)", async () => {
    const jar = anonymous();
    const response = await postForm(jar, at("/help/zx-test-choose"), {
      helpful: "yes",
      comment: "  Clear, thank you!  ",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/help/zx-test-choose?feedback=thanks#feedback");
    expect(await feedbackOn(rows.choose!.id)).toEqual([
      expect.objectContaining({ helpful: true, comment: "Clear, thank you!", userId: null }),
    ]);
    const thanks = await page("/help/zx-test-choose?feedback=thanks", jar);
    expect(thanks.html).toMatch(/<p role="status"[^>]*>Thank you for your feedback/);
    expect(thanks.html).not.toContain('name="helpful"');
  });

  it("stores a no on the translation shown, with the signed-in reader", async () => {
    const response = await postForm(member, at("/help/zx-test-fil?lng=fil"), { helpful: "no" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/help/zx-test-fil?feedback=thanks&lng=fil#feedback");
    expect(await feedbackOn(rows.filTranslation!.id)).toEqual([
      expect.objectContaining({ helpful: false, comment: null, userId: memberUserId }),
    ]);
    // The English fallback is what a Filipino reader of zx-test-english-only sees: the answer goes there.
    await postForm(anonymous(), at("/help/zx-test-english-only?lng=fil"), { helpful: "yes" });
    expect(await feedbackOn(rows.englishOnly!.id)).toHaveLength(1);
    expect(await feedbackOn(rows.draftTranslation!.id)).toHaveLength(0);
  });

  it("re-renders with errors and the comment kept when the answer is missing or too long", async () => {
    const missing = await postForm(anonymous(), at("/help/zx-test-choose"), { comment: "Keep <this> comment" });
    expect(missing.status).toBe(400);
    expect(missing.headers.get("cache-control")).toBe("private, no-store");
    const html = await missing.text();
    expect(html).toContain("Choose Yes or No.");
    expect(html).toContain("Keep &lt;this&gt; comment</textarea>");

    const long = await postForm(anonymous(), at("/help/zx-test-choose"), { helpful: "yes", comment: "y".repeat(1001) });
    expect(long.status).toBe(400);
    const longHtml = await long.text();
    expect(longHtml).toContain("This is too long.");
    expect(longHtml).toContain('aria-invalid="true"');
    expect(longHtml).toContain(`${"y".repeat(1001)}</textarea>`);

    const odd = await postForm(anonymous(), at("/help/zx-test-choose"), { helpful: "maybe" });
    expect(odd.status).toBe(400);
    expect(await feedbackOn(rows.choose!.id)).toHaveLength(1);
  });

  it("answers 404 for feedback on an article nobody may read", async () => {
    expect((await postForm(anonymous(), at("/help/zx-test-draft"), { helpful: "yes" })).status).toBe(404);
    expect((await postForm(anonymous(), at("/help/zx-test-none"), { helpful: "yes" })).status).toBe(404);
    expect(await feedbackOn(rows.draft!.id)).toHaveLength(0);
  });
});

describe("the contextual ? link", () => {
  const helpLink = (html: string) => html.match(/<a href="([^"]*)" title="Help about this page"/)?.[1];

  it("points each page at the guide about it, and elsewhere at the help center", async () => {
    expect(helpLink((await page("/me/privacy", member)).html)).toBe("/help/choosing-who-sees-your-details");
    expect(helpLink((await page("/directory", member)).html)).toBe("/help/finding-members");
    expect(helpLink((await page("/me", member)).html)).toBe("/help/editing-your-profile");
    expect(helpLink((await page("/")).html)).toBe("/help");
    const filipino = await page("/me/privacy?lng=fil", member);
    expect(filipino.html).toContain('title="Tulong tungkol sa pahinang ito"');
    expect(filipino.html).toMatch(
      /<span aria-hidden="true">\?<\/span><span class="sr-only">Tulong tungkol sa pahinang ito<\/span>/,
    );
  });

  it("uses the deepest route's guide under a layout that names its own", async () => {
    const admin = await signedInJar(server.url, "admin@grace.example");
    expect(helpLink((await page("/admin/audit", admin)).html)).toBe("/help/reading-the-audit-log");
    expect(helpLink((await page("/admin/members/import", admin)).html)).toBe("/help/importing-members");
  });
});

