import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, helpArticles, helpFeedback, helpRevisions, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { verifyAuditChain } from "~/models/audit.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * /staff/help over HTTP against the real app: support staff write, preview,
 * publish, edit, diff and restore help articles, translate them into
 * Filipino and see when a translation falls behind its English source; two
 * staff saving the same article at once cannot overwrite each other; nobody
 * else gets in; every change is audited.
 */

let server: TestServer;
let staff: CookieJar;
let otherStaff: CookieJar;
let member: CookieJar;
let admin: CookieJar;
let staffId: string;

const db = () => server.database.db;
const at = (path: string) => `${server.url}${path}`;
const page = async (jar: CookieJar, path: string) => {
  const response = await browse(jar, at(path));
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
};
const post = async (jar: CookieJar, path: string, fields: Record<string, string>) => {
  const response = await postForm(jar, at(path), fields);
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
};

const articleBySlug = async (slug: string, locale: "en" | "fil" = "en") =>
  (
    await acrossChurches(
      (tx) =>
        tx
          .select()
          .from(helpArticles)
          .where(and(eq(helpArticles.slug, slug), eq(helpArticles.locale, locale))),
      db()
    )
  )[0];
const revisionsOf = (articleId: string) =>
  acrossChurches(
    (tx) =>
      tx
        .select()
        .from(helpRevisions)
        .where(eq(helpRevisions.articleId, articleId))
        .orderBy(asc(helpRevisions.revision)),
    db()
  );
const auditOf = (articleId: string) =>
  acrossChurches(
    (tx) => tx.select().from(auditLog).where(eq(auditLog.recordId, articleId)).orderBy(desc(auditLog.id)),
    db()
  );

/** The part of a page between an element with `marker` and the end of that element's first closing `tag`. */
function sectionOf(html: string, marker: string, tag = "section"): string {
  const start = html.indexOf(marker);
  expect(start, `${marker} on the page`).toBeGreaterThan(-1);
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end);
}
/** One entry of the staff list: from its data-slug to the next entry. */
function listEntry(html: string, slug: string): string {
  const start = html.indexOf(`data-slug="${slug}"`);
  expect(start, `${slug} in the staff list`).toBeGreaterThan(-1);
  const next = html.indexOf("data-slug=", start + 10);
  return html.slice(start, next === -1 ? undefined : next);
}
const expectedRevisionIn = (html: string) => html.match(/name="expectedRevision" value="(\d+)"/)?.[1];

const DANGEROUS = [
  "## Welcome to the church portal",
  "",
  "Hello **friends**, this line stays the same.",
  "",
  "<script>window.__pwned = 1</script>",
  "",
  '<img src=x onerror="window.__pwned = 1">',
  "",
  "First version of the closing line.",
].join("\n");

const articleFields = (overrides: Record<string, string> = {}) => ({
  intent: "create",
  kind: "article",
  title: "Safe article",
  slug: "safe-article",
  category: "support",
  status: "draft",
  body: DANGEROUS,
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  staff = await signedInJar(server.url, "staff@kapatiran.example");
  // The same person in a second browser: a separate session editing at the same time.
  otherStaff = await signedInJar(server.url, "staff@kapatiran.example");
  member = await signedInJar(server.url, "member@grace.example");
  admin = await signedInJar(server.url, "admin@grace.example");
  staffId = (
    await acrossChurches((tx) => tx.select().from(users).where(eq(users.email, "staff@kapatiran.example")), db())
  )[0]!.id;
});
afterAll(async () => {
  await server.close();
});

describe("writing an article", () => {
  let articleId: string;

  it("previews Markdown as readers will see it, without the dangerous parts, and saves nothing", async () => {
    const preview = await post(staff, "/staff/help", articleFields({ intent: "preview" }));
    expect(preview.status).toBe(200);
    const shown = sectionOf(preview.html, 'id="preview"');
    expect(shown).toContain("Welcome to the church portal</h2>");
    expect(shown).toContain("Hello <strong>friends</strong>, this line stays the same.");
    expect(shown).toContain("First version of the closing line.");
    expect(shown).not.toMatch(/<script|onerror|<img|__pwned/i);
    // Nowhere on the page does the markup come alive: the form keeps it as escaped text.
    expect(preview.html).not.toMatch(/<script[^>]*>[^<]*__pwned/);
    expect(preview.html).not.toMatch(/<img[^>]*onerror/i);
    expect(preview.html).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
    expect(preview.html).toContain('value="Safe article"');
    expect(preview.html).toContain('value="safe-article"');
    expect(await articleBySlug("safe-article")).toBeUndefined();
  });

  it("creates a draft as revision 1, audited", async () => {
    const created = await post(staff, "/staff/help", articleFields());
    expect(created.status).toBe(302);
    const article = await articleBySlug("safe-article");
    expect(article).toMatchObject({
      locale: "en",
      kind: "article",
      category: "support",
      status: "draft",
      revision: 1,
      body: DANGEROUS,
    });
    articleId = article!.id;
    expect(created.location).toBe(`/staff/help/${articleId}?done=created`);
    expect(await revisionsOf(articleId)).toEqual([
      expect.objectContaining({
        revision: 1,
        title: "Safe article",
        body: DANGEROUS,
        status: "draft",
        authorId: staffId,
      }),
    ]);
    const [entry] = await auditOf(articleId);
    expect(entry).toMatchObject({
      churchId: null,
      actorUserId: staffId,
      action: "help_article.created",
      recordType: "help_article",
    });

    const editor = await page(staff, created.location!);
    expect(editor.status).toBe(200);
    expect(editor.html).toContain("The article was created as revision 1.");
    expect(expectedRevisionIn(editor.html)).toBe("1");
    expect(editor.html).toContain('name="body"');
    expect(editor.html).toContain("Markdown: ## starts a heading");
    expect(editor.html).toContain(`href="/staff/help/${articleId}/history"`);
    expect(editor.html).toContain("Add Filipino translation");
  });

  it("previews in the editor too, keeping the revision it opened and saving nothing", async () => {
    const preview = await post(staff, `/staff/help/${articleId}`, {
      intent: "preview",
      title: "Safe article",
      category: "support",
      status: "published",
      body: `${DANGEROUS}\n\nAn unsaved line.`,
      expectedRevision: "1",
    });
    expect(preview.status).toBe(200);
    expect(sectionOf(preview.html, 'id="preview"')).toContain("An unsaved line.");
    expect(sectionOf(preview.html, 'id="preview"')).not.toMatch(/<script|onerror|<img/i);
    expect(expectedRevisionIn(preview.html)).toBe("1");
    expect(await articleBySlug("safe-article")).toMatchObject({ revision: 1, status: "draft", body: DANGEROUS });
  });

  it("publishes, then edits twice: each save is a new revision with its author, audited", async () => {
    const save = (revision: number, body: string, status = "published") =>
      post(staff, `/staff/help/${articleId}`, {
        intent: "save",
        title: "Safe article",
        category: "support",
        status,
        body,
        expectedRevision: String(revision),
      });
    const published = await save(1, DANGEROUS);
    expect(published.status).toBe(302);
    expect(published.location).toBe(`/staff/help/${articleId}?done=saved`);
    expect(await articleBySlug("safe-article")).toMatchObject({ status: "published", revision: 2 });
    const actions = (await auditOf(articleId)).map((entry) => entry.action);
    expect(actions.slice(0, 2).sort()).toEqual(["help_article.saved", "help_article.status_changed"]);

    const second = DANGEROUS.replace("First version of the closing line.", "Second version of the closing line.");
    expect((await save(2, second)).status).toBe(302);
    const third = `${second}\n\nA brand new paragraph.`;
    expect((await save(3, third)).status).toBe(302);
    expect(await articleBySlug("safe-article")).toMatchObject({ revision: 4, body: third });

    // Saving exactly what is there makes no revision: it is refused as "nothing changed".
    const same = await save(4, third);
    expect(same.status).toBe(400);
    expect(same.html).toContain("Nothing has changed since the last save, so no new revision was made.");
    expect((await revisionsOf(articleId)).map((r) => r.revision)).toEqual([1, 2, 3, 4]);
  });

  it("lists the revisions with author and time, and diffs any two of them", async () => {
    const history = await page(staff, `/staff/help/${articleId}/history`);
    expect(history.status).toBe(200);
    for (const n of [1, 2, 3, 4]) expect(history.html).toContain(`data-revision="${n}"`);
    expect(history.html.match(/Saved by Andrea Pascual on/g)?.length).toBe(4);
    expect(history.html).toContain("Restore revision 1");
    expect(history.html).not.toContain("Restore revision 4");

    const diff = await page(staff, `/staff/help/${articleId}/history?from=1&to=3`);
    expect(diff.status).toBe(200);
    expect(diff.html).toContain("Changes from revision 1 to revision 3");
    expect(diff.html).toMatch(
      /data-op="removed"[^>]*>.*?<span class="sr-only">Removed<\/span>.*?First version of the closing line\./
    );
    expect(diff.html).toMatch(
      /data-op="added"[^>]*>.*?<span class="sr-only">Added<\/span>.*?Second version of the closing line\./
    );
    // Long unchanged runs fold into a count; the lines next to a change stay.
    expect(diff.html).toMatch(/data-op="skipped"[^>]*>.*?5 unchanged lines/);
    expect(diff.html).toMatch(/data-op="same"[^>]*>.*?&lt;img src=x onerror=&quot;window.__pwned = 1&quot;&gt;<\/td>/);
    expect(diff.html).not.toContain("A brand new paragraph.");
    expect(diff.html).toContain("no changes");

    for (const bad of ["?from=1&to=99", "?from=abc&to=2", "?from=1"]) {
      const refused = await page(staff, `/staff/help/${articleId}/history${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.html).toContain("Choose two revisions from the list to compare.");
    }
  });

  it("restores revision 1 as a new revision with revision 1's words, checked against the revision opened", async () => {
    const stale = await post(staff, `/staff/help/${articleId}/history`, {
      intent: "restore",
      revision: "1",
      expectedRevision: "3",
    });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain("This article has changed since you opened it");
    expect((await articleBySlug("safe-article"))!.revision).toBe(4);

    const restored = await post(staff, `/staff/help/${articleId}/history`, {
      intent: "restore",
      revision: "1",
      expectedRevision: "4",
    });
    expect(restored.status).toBe(302);
    expect(restored.location).toBe(`/staff/help/${articleId}/history?done=restored&from=1&to=5`);
    // The words come back; the status stays published (restoring text does not unpublish).
    expect(await articleBySlug("safe-article")).toMatchObject({
      revision: 5,
      title: "Safe article",
      body: DANGEROUS,
      status: "published",
    });
    const revisions = await revisionsOf(articleId);
    expect(revisions.at(-1)).toMatchObject({ revision: 5, body: DANGEROUS, authorId: staffId });
    const [entry] = await auditOf(articleId);
    expect(entry).toMatchObject({ action: "help_article.restored", churchId: null, actorUserId: staffId });
    expect(entry!.after).toMatchObject({ restoredFrom: 1, revision: 5 });

    const again = await post(staff, `/staff/help/${articleId}/history`, {
      intent: "restore",
      revision: "1",
      expectedRevision: "5",
    });
    expect(again.status).toBe(400);
    expect(again.html).toContain("That revision has the same title and text as the current one");
    const missing = await post(staff, `/staff/help/${articleId}/history`, {
      intent: "restore",
      revision: "42",
      expectedRevision: "5",
    });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain("There is no such revision of this article.");
  });

  describe("the Filipino translation", () => {
    let filId: string;

    it("is created from the English article, linked to it and to its current revision", async () => {
      const form = await page(staff, `/staff/help/${articleId}/translate`);
      expect(form.status).toBe(200);
      expect(form.html).toContain("English source (revision 5)");
      const created = await post(staff, `/staff/help/${articleId}/translate`, {
        intent: "create",
        title: "Ligtas na artikulo",
        status: "published",
        body: "## Maligayang pagdating\n\nKumusta, mga **kapatid**.",
      });
      expect(created.status).toBe(302);
      const fil = await articleBySlug("safe-article", "fil");
      expect(fil).toMatchObject({
        sourceId: articleId,
        locale: "fil",
        kind: "article",
        category: "support",
        title: "Ligtas na artikulo",
        status: "published",
        revision: 1,
        sourceRevision: 5,
      });
      filId = fil!.id;
      expect(created.location).toBe(`/staff/help/${filId}?done=translated`);
      expect(await revisionsOf(filId)).toEqual([expect.objectContaining({ revision: 1, authorId: staffId })]);
      expect((await auditOf(filId))[0]).toMatchObject({ action: "help_article.translation_created", churchId: null });
      expect((await auditOf(filId))[0]!.after).toMatchObject({ sourceId: articleId, sourceRevision: 5 });

      // One Filipino version: the translate page now leads to it.
      expect((await page(staff, `/staff/help/${articleId}/translate`)).location).toBe(`/staff/help/${filId}`);
      const list = await page(staff, "/staff/help");
      const entry = listEntry(list.html, "safe-article");
      expect(entry).toContain(`href="/staff/help/${filId}"`);
      expect(entry).not.toContain("Out of date");
      expect((await page(staff, `/staff/help/${articleId}`)).html).toContain("Edit Filipino translation");

      // Readers in Filipino get it on the public page (the help center's /help/:slug).
      const publicPage = await page(new CookieJar(), "/help/safe-article?lng=fil");
      expect(publicPage.status, "the public help page /help/safe-article?lng=fil").toBe(200);
      expect(publicPage.html).toContain("Ligtas na artikulo");
      expect(publicPage.html).toContain("<strong>kapatid</strong>");
    });

    it("is flagged out of date when the English source changes, on the list and in its editor", async () => {
      const changed = await post(staff, `/staff/help/${articleId}`, {
        intent: "save",
        title: "Safe article",
        category: "support",
        status: "published",
        body: `${DANGEROUS}\n\nA paragraph the translation does not have yet.`,
        expectedRevision: "5",
      });
      expect(changed.status).toBe(302);
      const list = await page(staff, "/staff/help");
      const entry = listEntry(list.html, "safe-article");
      const filipinoPart = entry.slice(entry.indexOf('data-locale="fil"'));
      expect(filipinoPart).toContain("Out of date");
      expect(entry.slice(0, entry.indexOf('data-locale="fil"'))).not.toContain("Out of date");

      const editor = await page(staff, `/staff/help/${filId}`);
      expect(editor.html).toContain("The English source has changed since this translation was last saved.");
      expect(editor.html).toContain(`href="/staff/help/${articleId}/history?from=5&amp;to=6"`);
      expect(editor.html).toContain("English source (revision 6)");
      expect(editor.html).toContain("A paragraph the translation does not have yet.");
      expect((await page(staff, `/staff/help/${articleId}`)).html).toContain("Out of date");
    });

    it("is up to date again once saved", async () => {
      const saved = await post(staff, `/staff/help/${filId}`, {
        intent: "save",
        title: "Ligtas na artikulo",
        status: "published",
        body: "## Maligayang pagdating\n\nKumusta, mga **kapatid**.\n\nIsang bagong talata.",
        expectedRevision: "1",
      });
      expect(saved.status).toBe(302);
      expect(await articleBySlug("safe-article", "fil")).toMatchObject({
        revision: 2,
        sourceRevision: 6,
        category: "support",
      });
      expect(listEntry((await page(staff, "/staff/help")).html, "safe-article")).not.toContain("Out of date");
      expect((await page(staff, `/staff/help/${filId}`)).html).not.toContain("The English source has changed");
    });

    it("cannot be translated again, and a translation has nothing to translate from", async () => {
      expect((await page(staff, `/staff/help/${filId}/translate`)).status).toBe(404);
      const twice = await post(staff, `/staff/help/${articleId}/translate`, {
        intent: "create",
        title: "X",
        status: "draft",
        body: "Y",
      });
      expect(twice.status).toBe(302);
      expect(twice.location).toBe(`/staff/help/${filId}`);
      expect((await articleBySlug("safe-article", "fil"))!.title).toBe("Ligtas na artikulo");
    });
  });
});

describe("readers' feedback", () => {
  it("shows staff the helpful counts on the list and the comments, newest first, in the editor", async () => {
    const article = (await articleBySlug("safe-article"))!;
    await acrossChurches(
      (tx) =>
        tx.insert(helpFeedback).values([
          { articleId: article.id, helpful: true, createdAt: new Date("2026-01-01T01:00:00Z") },
          {
            articleId: article.id,
            helpful: true,
            comment: "Older comment: clear steps.",
            createdAt: new Date("2026-01-02T01:00:00Z"),
          },
          {
            articleId: article.id,
            helpful: false,
            comment: "Newer comment: <b>where</b> is the button?",
            createdAt: new Date("2026-01-03T01:00:00Z"),
          },
          { articleId: article.id, helpful: false, comment: "   ", createdAt: new Date("2026-01-04T01:00:00Z") },
        ]),
      db()
    );
    const entry = listEntry((await page(staff, "/staff/help")).html, "safe-article");
    const english = entry.slice(entry.indexOf('data-locale="en"'), entry.indexOf('data-locale="fil"'));
    expect(english).toMatch(/Helpful: 2 yes, 2 no/);
    expect(english).toMatch(/2 comments/);

    const editor = (await page(staff, `/staff/help/${article.id}`)).html;
    const comments = sectionOf(editor, 'aria-labelledby="feedback-title"');
    expect(comments).toContain("Helpful: 2 yes, 2 no");
    const newer = comments.indexOf("Newer comment: &lt;b&gt;where&lt;/b&gt; is the button?");
    const older = comments.indexOf("Older comment: clear steps.");
    expect(newer).toBeGreaterThan(-1);
    expect(older).toBeGreaterThan(newer);
    expect(comments).toContain("Did not find it helpful");
  });
});

describe("two staff editing the same article", () => {
  it("lets the first save win and refuses the second with the other change, keeping its text", async () => {
    expect(
      (
        await post(
          staff,
          "/staff/help",
          articleFields({ slug: "shared-article", title: "Shared article", body: "Line one.\nLine two." })
        )
      ).status
    ).toBe(302);
    const article = (await articleBySlug("shared-article"))!;
    const first = await page(staff, `/staff/help/${article.id}`);
    const second = await page(otherStaff, `/staff/help/${article.id}`);
    expect(expectedRevisionIn(first.html)).toBe("1");
    expect(expectedRevisionIn(second.html)).toBe("1");

    const fields = (body: string) => ({
      intent: "save",
      title: "Shared article",
      category: "support",
      status: "draft",
      body,
      expectedRevision: "1",
    });
    const won = await post(staff, `/staff/help/${article.id}`, fields("Line one.\nLine two, from the first editor."));
    expect(won.status).toBe(302);
    const lost = await post(
      otherStaff,
      `/staff/help/${article.id}`,
      fields("Line one.\nLine two, from the second editor.")
    );
    expect(lost.status).toBe(409);
    expect(lost.html).toContain("This article has changed since you opened it");
    expect(lost.html).toMatch(/Andrea Pascual saved revision 2 on/);
    // The other change, as a diff from the revision the second editor opened…
    expect(lost.html).toMatch(/data-op="added"[^>]*>.*?Line two, from the first editor\./);
    // …and the second editor's text, still in the form.
    expect(lost.html).toMatch(
      /<textarea[^>]*name="body"[^>]*>Line one\.\nLine two, from the second editor\.<\/textarea>/
    );
    expect(expectedRevisionIn(lost.html)).toBe("2");

    expect(await articleBySlug("shared-article")).toMatchObject({
      revision: 2,
      body: "Line one.\nLine two, from the first editor.",
    });
    expect((await revisionsOf(article.id)).map((r) => r.revision)).toEqual([1, 2]);

    // Having seen the other change, the second editor may choose to replace it.
    const replaced = await post(otherStaff, `/staff/help/${article.id}`, {
      ...fields("Line one.\nLine two, from the second editor."),
      expectedRevision: "2",
    });
    expect(replaced.status).toBe(302);
    expect(await articleBySlug("shared-article")).toMatchObject({
      revision: 3,
      body: "Line one.\nLine two, from the second editor.",
    });
  });
});

describe("two saves at the same moment", () => {
  it("lets exactly one of them win (on PostgreSQL the two really race)", async () => {
    expect(
      (
        await post(
          staff,
          "/staff/help",
          articleFields({ slug: "raced-article", title: "Raced article", body: "Start." })
        )
      ).status
    ).toBe(302);
    const article = (await articleBySlug("raced-article"))!;
    const fields = (body: string) => ({
      intent: "save",
      title: "Raced article",
      category: "support",
      status: "draft",
      body,
      expectedRevision: "1",
    });
    const answers = await Promise.all([
      post(staff, `/staff/help/${article.id}`, fields("From the first.")),
      post(otherStaff, `/staff/help/${article.id}`, fields("From the second.")),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
    const winner = answers[0]!.status === 302 ? "From the first." : "From the second.";
    expect(await articleBySlug("raced-article")).toMatchObject({ revision: 2, body: winner });
    expect((await revisionsOf(article.id)).map((r) => r.revision)).toEqual([1, 2]);
  });
});

describe("bad input", () => {
  it("re-renders the new-article form with field errors and the input kept", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ title: " " }, "title", "This is required."],
      [{ slug: "Bad Slug!" }, "slug", "Use lowercase letters, digits and single hyphens"],
      [{ slug: "safe-article" }, "slug", "Another article already uses this web address name."],
      [{ category: "recipes" }, "category", "Choose one of the categories."],
      [{ kind: "faq", category: "privacy" }, "category", "An FAQ entry goes in the FAQ category."],
      [{ body: "x".repeat(50_001) }, "body", "The text is too long: at most 50,000 characters."],
      [{ body: "" }, "body", "This is required."],
    ];
    for (const [overrides, field, message] of cases) {
      const fields = articleFields({
        slug: "brand-new-slug",
        title: "Kept title",
        body: "Kept body text.",
        ...overrides,
      });
      const response = await post(staff, "/staff/help", fields);
      expect(response.status, JSON.stringify(overrides).slice(0, 60)).toBe(400);
      expect(response.html).toContain(message);
      expect(response.html).toMatch(
        new RegExp(`id="field-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-${field}"`)
      );
      if (field !== "title") expect(response.html).toContain('value="Kept title"');
      if (field !== "body") expect(response.html).toContain("Kept body text.");
    }
    expect(await articleBySlug("brand-new-slug")).toBeUndefined();
  });

  it("refuses a bad save in the editor with field errors, keeping the text", async () => {
    const article = (await articleBySlug("shared-article"))!;
    const base = {
      intent: "save",
      title: "Shared article",
      category: "support",
      status: "draft",
      body: "Edited text kept.",
      expectedRevision: String(article.revision),
    };
    const empty = await post(staff, `/staff/help/${article.id}`, { ...base, title: "" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("This is required.");
    expect(empty.html).toContain("Edited text kept.");
    const faq = await post(staff, `/staff/help/${article.id}`, { ...base, category: "faq" });
    expect(faq.status).toBe(400);
    expect(faq.html).toContain("An article goes in a category other than FAQ.");
    const long = await post(staff, `/staff/help/${article.id}`, { ...base, body: "y".repeat(50_001) });
    expect(long.status).toBe(400);
    expect(long.html).toContain("The text is too long");

    // Archived goes back to draft before it is published again.
    const archived = await post(staff, `/staff/help/${article.id}`, { ...base, status: "archived" });
    expect(archived.status).toBe(302);
    const republish = await post(staff, `/staff/help/${article.id}`, {
      ...base,
      status: "published",
      expectedRevision: String(article.revision + 1),
    });
    expect(republish.status).toBe(400);
    expect(republish.html).toContain("An archived article goes back to draft before it is published again.");
    expect(await articleBySlug("shared-article")).toMatchObject({ status: "archived", revision: article.revision + 1 });
    const missingRevision = await post(staff, `/staff/help/${article.id}`, { ...base, expectedRevision: "" });
    expect(missingRevision.status).toBe(400);
  });

  it("answers 404 for unknown and malformed ids, never 500", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const id of ["not-an-id", unknown, "1' or '1'='1"]) {
      const path = `/staff/help/${encodeURIComponent(id)}`;
      expect((await page(staff, path)).status, path).toBe(404);
      expect((await page(staff, `${path}/history`)).status).toBe(404);
      expect((await page(staff, `${path}/translate`)).status).toBe(404);
      expect(
        (await post(staff, path, { intent: "save", title: "T", body: "B", status: "draft", expectedRevision: "1" }))
          .status
      ).toBe(404);
      expect(
        (await post(staff, `${path}/history`, { intent: "restore", revision: "1", expectedRevision: "1" })).status
      ).toBe(404);
    }
  });
});

describe("who may edit help", () => {
  it("gives members and church administrators 403 on every staff page and form, and changes nothing", async () => {
    const article = (await articleBySlug("safe-article"))!;
    const paths = [
      "/staff/help",
      `/staff/help/${article.id}`,
      `/staff/help/${article.id}/history`,
      `/staff/help/${article.id}/translate`,
    ];
    for (const jar of [member, admin]) {
      for (const path of paths) {
        expect((await page(jar, path)).status, path).toBe(403);
        const attempt = await post(jar, path, {
          ...articleFields({ slug: "intruder-article", title: "Intruder" }),
          intent: path.endsWith("history") ? "restore" : path === "/staff/help" ? "create" : "save",
          revision: "1",
          expectedRevision: String(article.revision),
        });
        expect(attempt.status, `POST ${path}`).toBe(403);
      }
    }
    expect(await articleBySlug("intruder-article")).toBeUndefined();
    expect(await articleBySlug("safe-article")).toMatchObject({ revision: article.revision, title: "Safe article" });
  });

  it("sends anonymous visitors to sign in", async () => {
    const anonymous = new CookieJar();
    const response = await page(anonymous, "/staff/help");
    expect(response.status).toBe(302);
    expect(response.location).toBe(`/auth/login?${new URLSearchParams({ redirectTo: "/staff/help" })}`);
    expect((await post(anonymous, "/staff/help", articleFields({ slug: "anonymous-article" }))).status).toBe(302);
    expect(await articleBySlug("anonymous-article")).toBeUndefined();
  });
});

describe("the audit trail", () => {
  it("has one platform entry, by the editor, for every revision of every article, and the chain holds", async () => {
    const articles = await acrossChurches(
      (tx) =>
        tx
          .select()
          .from(helpArticles)
          .where(inArray(helpArticles.slug, ["safe-article", "shared-article", "raced-article"])),
      db()
    );
    expect(articles).toHaveLength(4);
    for (const article of articles) {
      const revisions = await revisionsOf(article.id);
      const saves = (await auditOf(article.id)).filter((entry) =>
        [
          "help_article.created",
          "help_article.translation_created",
          "help_article.saved",
          "help_article.restored",
        ].includes(entry.action)
      );
      expect(saves.length, article.slug).toBe(revisions.length);
      expect(saves.map((entry) => (entry.after as { revision: number }).revision).sort((a, b) => a - b)).toEqual(
        revisions.map((r) => r.revision)
      );
      for (const entry of saves)
        expect(entry).toMatchObject({ churchId: null, actorUserId: staffId, recordType: "help_article" });
    }
    expect(await verifyAuditChain(db(), { churchId: null })).toMatchObject({ ok: true });
  });
});
