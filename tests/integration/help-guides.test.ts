import fs from "node:fs";
import path from "node:path";
import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpArticles, helpRevisions, type HelpArticle } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, type CookieJar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * The guides and FAQ that migration 0012 seeds: every agreed slug in both
 * languages, translations linked and up to date, pure Markdown, links that
 * lead somewhere real, the privacy guide in the words the privacy page uses,
 * and training videos as tap-to-open links with transcripts.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";

/** The English source slugs fixed for issue 6 (contextual help links to these). */
const GUIDES = [
  "getting-started",
  "finding-members",
  "editing-your-profile",
  "choosing-who-sees-your-details",
  "administrator-guide",
  "managing-users-and-roles",
  "managing-member-records",
  "importing-members",
  "groups-and-leaders",
  "reading-the-audit-log",
  "church-settings",
  "contacting-support",
  "training-videos",
  "writing-help-articles",
  "answering-tickets",
];

type Tree = { [key: string]: string | Tree };
const localeFile = (lng: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.resolve("app/locales", lng, `${ns}.json`), "utf8")) as Tree;
const at = (tree: Tree, key: string) =>
  key.split(".").reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;

let server: TestServer;
let admin: CookieJar;
let seeded: HelpArticle[];

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
  const all = await acrossChurches(
    (tx) => tx.select().from(helpArticles).orderBy(asc(helpArticles.position)),
    server.database.db
  );
  seeded = all.filter((a) => GUIDES.includes(a.slug) || (a.kind === "faq" && a.slug.startsWith("faq-")));
});
afterAll(async () => {
  await server?.close();
});

const row = (slug: string, locale: "en" | "fil") => seeded.find((a) => a.slug === slug && a.locale === locale);

describe(`seeded help guides (${engine})`, () => {
  it("publishes every agreed guide in English and Filipino, the translation linked to its source and up to date", () => {
    for (const slug of GUIDES) {
      const en = row(slug, "en");
      const fil = row(slug, "fil");
      expect(en, slug).toMatchObject({ kind: "article", status: "published", sourceId: null, revision: 1 });
      expect(fil, slug).toMatchObject({
        kind: "article",
        status: "published",
        sourceId: en!.id,
        category: en!.category,
      });
      expect(fil!.sourceRevision, slug).toBeGreaterThanOrEqual(en!.revision);
      expect(fil!.title, slug).not.toBe(en!.title);
      expect(fil!.body, slug).not.toBe(en!.body);
    }
    expect(new Set(GUIDES.map((slug) => row(slug, "en")!.position)).size).toBe(GUIDES.length);
    expect(row("choosing-who-sees-your-details", "en")!.category).toBe("privacy");
    expect(row("church-settings", "en")!.category).toBe("administration");
    expect(row("training-videos", "en")!.category).toBe("getting-started");
  });

  it("has 8 to 10 FAQ entries, each in both languages", () => {
    const english = seeded.filter((a) => a.kind === "faq" && a.locale === "en");
    expect(english.length).toBeGreaterThanOrEqual(8);
    expect(english.length).toBeLessThanOrEqual(10);
    for (const entry of english) {
      expect(entry).toMatchObject({ category: "faq", status: "published" });
      expect(entry.title.endsWith("?"), entry.slug).toBe(true);
      expect(row(entry.slug, "fil"), entry.slug).toMatchObject({
        kind: "faq",
        category: "faq",
        sourceId: entry.id,
        status: "published",
      });
    }
    expect(english.map((e) => e.slug)).toEqual(
      expect.arrayContaining(["faq-who-can-see-my-phone", "faq-hide-from-directory"])
    );
  });

  it("keeps revision 1 of every seeded row, as published", async () => {
    const revisions = await acrossChurches(
      (tx) =>
        tx
          .select()
          .from(helpRevisions)
          .where(
            inArray(
              helpRevisions.articleId,
              seeded.map((a) => a.id)
            )
          ),
      server.database.db
    );
    for (const article of seeded) {
      const own = revisions.filter((r) => r.articleId === article.id);
      expect(own, `${article.slug} ${article.locale}`).toHaveLength(1);
      expect(own[0]).toMatchObject({
        revision: 1,
        status: "published",
        title: article.title,
        body: article.body,
        authorId: null,
      });
    }
  });

  it("is pure Markdown, short enough for slow phones", () => {
    for (const article of seeded) {
      expect(article.body, `${article.slug} ${article.locale}`).not.toMatch(/<[a-zA-Z!/]/);
      expect(Buffer.byteLength(article.body), article.slug).toBeLessThan(8_000);
    }
  });

  it("explains the privacy levels, the directory opt-out and the preview in the words of the privacy page", () => {
    for (const locale of ["en", "fil"] as const) {
      const body = row("choosing-who-sees-your-details", locale)!.body;
      const me = localeFile(locale, "me");
      expect(body).toMatch(/privacy/i);
      expect(body).toContain("](/me/privacy)");
      for (const level of ["church", "leaders", "admins", "hidden"])
        expect(body, level).toContain(at(me, `privacy.levels.${level}`));
      for (const key of ["privacy.listed", "privacy.previewTitle", "privacy.preview", "privacy.save"]) {
        expect(body, `${locale} ${key}`).toContain(at(me, key));
      }
    }
  });

  it("links only to pages that exist", async () => {
    const targets = new Set<string>();
    for (const article of seeded) {
      for (const [, target] of article.body.matchAll(/\]\((\/[^)\s]*)\)/g)) targets.add(target!);
    }
    expect(targets.size).toBeGreaterThan(15);
    const published = new Set(seeded.map((a) => a.slug));
    for (const target of targets) {
      const help = /^\/help\/([a-z0-9-]+)$/.exec(target);
      if (help && help[1] !== "faq") expect(published.has(help[1]!), target).toBe(true);
      const response = await browse(admin, `${server.url}${target}`);
      expect(response.status, target).not.toBe(404);
      expect(response.status, target).toBeLessThan(500);
    }
  });

  it("lists training videos as links to tap, each with a transcript, never embedded", () => {
    for (const locale of ["en", "fil"] as const) {
      const body = row("training-videos", locale)!.body;
      expect(body).not.toMatch(/autoplay|iframe|<video|embed/i);
      expect(body).toMatch(/MB/);
      const links = [...body.matchAll(/\[[^\]]+\]\((https:\/\/[^)\s]+)\)/g)];
      expect(links.length, locale).toBeGreaterThanOrEqual(4);
      links.forEach((link, index) => {
        const next = links[index + 1]?.index ?? body.length;
        const after = body.slice(link.index! + link[0].length, next);
        expect(after, link[1]).toContain("**Transcript**");
        const sentences = after
          .split("**Transcript**")[1]!
          .split(/[.!?](\s|$)/)
          .filter((s) => s && s.trim().length > 10);
        expect(sentences.length, link[1]).toBeGreaterThanOrEqual(5);
      });
    }
  });
});
