import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useConnection } from "~/db/client.server";
import { loadMigrations, migrate, rollback } from "~/db/migrations.server";
import { helpArticles, helpRevisions, policyVersions } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { listPolicyVersions, policyStatus, policyText } from "~/models/privacy-policy.server";
import { freshDatabase, type TestDatabase } from "../support/database";

/**
 * Migration 0020 publishes version 2 of the privacy policy, with the forum
 * paragraph under "What we keep" in both languages, only where the policy is
 * still the one migration 0014 published: a policy staff saved or published
 * themselves is left as it is.
 */

const FORUM_EN = "<strong>Community forum</strong>: the topics and posts you write";
const FORUM_FIL = "<strong>Forum ng komunidad</strong>: ang mga paksa at post na isinusulat mo";
const FORUM_LINE = /^- \*\*(Community forum|Forum ng komunidad)\*\*.*\n/m;

const migrations = loadMigrations();
const upTo0019 = migrations.filter((migration) => migration.tag < "0020");
// This release's migrations end at 0020; later ones are not what these tests are about.
const upTo0020 = migrations.filter((migration) => migration.tag < "0021");

let database: TestDatabase | undefined;

/** A database migrated up to 0019 only, the state an installation is in before this release. */
async function before0020() {
  database = await freshDatabase({ migrated: false });
  useConnection(database);
  await migrate(database.db, upTo0019);
  return database;
}

const policyArticles = (db: TestDatabase) =>
  acrossChurches(
    (tx) => tx.select().from(helpArticles).where(eq(helpArticles.slug, "privacy-policy")).orderBy(helpArticles.locale),
    db.db,
  );

const revisionBody = (db: TestDatabase, articleId: string, revision: number) =>
  acrossChurches(async (tx) => {
    const [row] = await tx
      .select({ body: helpRevisions.body })
      .from(helpRevisions)
      .where(and(eq(helpRevisions.articleId, articleId), eq(helpRevisions.revision, revision)));
    return row!.body;
  }, db.db);

const revisionOf = (article: typeof helpArticles.$inferSelect) => ({
  articleId: article.id,
  revision: article.revision,
  title: article.title,
  body: article.body,
  status: article.status,
});

/** What staff do at /staff/help and /staff/privacy, as rows: a new published revision, then a version pinning it. */
async function staffPublish(db: TestDatabase, version: number, addition: string) {
  await acrossChurches(async (tx) => {
    const [english] = await tx
      .update(helpArticles)
      .set({ body: sql`${helpArticles.body} || ${addition}`, revision: sql`${helpArticles.revision} + 1` })
      .where(and(eq(helpArticles.slug, "privacy-policy"), eq(helpArticles.locale, "en")))
      .returning();
    await tx.insert(helpRevisions).values(revisionOf(english!));
    await tx
      .insert(policyVersions)
      .values({ version, englishRevision: english!.revision, filipinoRevision: 1, summary: "Our own change" });
  }, db.db);
}

async function dropDatabase() {
  useConnection(undefined);
  await database?.drop();
  database = undefined;
}

describe("a fresh install", () => {
  beforeAll(async () => {
    database = await freshDatabase();
    useConnection(database);
  });
  afterAll(dropDatabase);

  it("has version 2, with the forum paragraph in English and in Filipino", async () => {
    const english = await policyText("en");
    expect(english).toMatchObject({ version: 2, locale: "en", fallback: false });
    expect(english!.html).toContain(FORUM_EN);
    expect(english!.html).toContain('under the name "Former member"');
    const filipino = await policyText("fil");
    expect(filipino).toMatchObject({ version: 2, locale: "fil", fallback: false });
    expect(filipino!.html).toContain(FORUM_FIL);
    expect(filipino!.html).toContain('sa pangalang "Dating miyembro"');

    // Version 1 still reads as it was published; the listing names both.
    expect((await policyText("en", 1))!.html).not.toContain("Community forum");
    expect((await policyText("fil", 1))!.html).not.toContain("Forum ng komunidad");
    expect((await listPolicyVersions()).map((v) => [v.version, v.summary])).toEqual([
      [2, 'Adds the community forum to "What we keep"'],
      [1, "First published version"],
    ]);
    // Published as staff would: nothing left to publish, and the translation is up to date.
    expect((await policyStatus()).changed).toBe(false);
    const [en, fil] = await policyArticles(database!);
    expect(fil!.sourceRevision).toBe(en!.revision);
  });

  it("changes nothing but the paragraph", async () => {
    for (const article of await policyArticles(database!)) {
      expect(article.body.match(FORUM_LINE), article.locale).not.toBeNull();
      expect(article.body.replace(FORUM_LINE, "")).toBe(await revisionBody(database!, article.id, 1));
    }
  });
});

describe("an installation upgraded from 0019", () => {
  afterEach(dropDatabase);

  it("rolls back to version 1 as it was, and applies again", async () => {
    const db = await before0020();
    const original = await policyArticles(db);
    await migrate(db.db, upTo0020);
    expect(await rollback(db.db, 1, upTo0020)).toEqual(["0020_privacy_policy_forum"]);
    expect(await policyArticles(db)).toEqual(
      original.map((article) => ({ ...article, updatedAt: expect.any(Date) })),
    );
    expect((await listPolicyVersions()).map((v) => v.version)).toEqual([1]);
    await migrate(db.db, upTo0020);
    expect((await policyText("en"))!.html).toContain(FORUM_EN);
  });

  it("is left alone when staff already published a newer version", async () => {
    const db = await before0020();
    await staffPublish(db, 2, "\nWe now keep application logs for 60 days.\n");
    const before = await policyArticles(db);

    expect(await migrate(db.db, upTo0020)).toEqual(["0020_privacy_policy_forum"]);
    expect((await listPolicyVersions()).map((v) => [v.version, v.summary])).toEqual([
      [2, "Our own change"],
      [1, "First published version"],
    ]);
    const current = await policyText("en");
    expect(current!.html).toContain("We now keep application logs for 60 days.");
    expect(current!.html).not.toContain("Community forum");
    expect(await policyArticles(db)).toEqual(before);
  });

  it("is left alone when staff saved an edit they have not published yet", async () => {
    const db = await before0020();
    await acrossChurches(async (tx) => {
      const [english] = await tx
        .update(helpArticles)
        .set({ body: sql`${helpArticles.body} || 'A draft sentence.'`, revision: 2 })
        .where(and(eq(helpArticles.slug, "privacy-policy"), eq(helpArticles.locale, "en")))
        .returning();
      await tx.insert(helpRevisions).values(revisionOf(english!));
    }, db.db);
    const before = await policyArticles(db);

    await migrate(db.db, migrations);
    expect((await listPolicyVersions()).map((v) => v.version)).toEqual([1]);
    expect(await policyArticles(db)).toEqual(before);
  });
});
