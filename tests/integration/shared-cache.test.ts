import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useConnection } from "~/db/client.server";
import { cacheGenerations, helpArticles, users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { createArticle, saveArticle } from "~/models/help-editing.server";
import { faqEntries, helpArticle, helpHome } from "~/models/help.server";
import { builtInRoleIds } from "~/models/roles.server";
import { MemoryCache, RedisCache, useSharedCache, type SharedCache } from "~/utils/cache.server";
import { freshDatabase, type TestDatabase } from "../support/database";
import { redisAvailable, startRedis, type TestRedis } from "../support/redis";

/**
 * The shared cache against real backends: published help is served from the
 * cache, and an edit is seen at once by the next read — in this process and
 * in another one (blue and green), whether each keeps its own in-process
 * cache or both share Redis.
 */

let database: TestDatabase;
let redis: TestRedis | undefined;
let editor: { id: string };
const extraClients: { quit(): Promise<unknown> }[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  useConnection(database);
  const [staff] = await acrossChurches(async (tx) => {
    const roles = await builtInRoleIds(tx);
    return tx
      .insert(users)
      .values({ churchId: null, email: "cache-staff@kapatiran.example", displayName: "Cache Staff", roleId: roles.support_staff })
      .returning({ id: users.id });
  });
  editor = { id: staff!.id };
  if (redisAvailable) redis = await startRedis();
});

afterAll(async () => {
  useSharedCache(undefined);
  useConnection(undefined);
  await Promise.all(extraClients.map((client) => client.quit()));
  await redis?.stop();
  await database.drop();
});

/** Two app processes: each with its own in-process cache, or both on one Redis under one prefix. */
const backends: [string, () => [SharedCache, SharedCache]][] = [
  ["in-process caches", () => [new MemoryCache(), new MemoryCache()]],
];
// Wherever a Redis can be had: REDIS_URL or a redis-server binary (always in CI).
if (redisAvailable) {
  backends.push([
    "Redis",
    () => {
      const prefix = `test-cache-${crypto.randomUUID()}:`;
      const second = redis!.client.duplicate();
      extraClients.push(second);
      return [new RedisCache(redis!.client, prefix), new RedisCache(second, prefix)];
    },
  ]);
}

let slugs = 0;
const newSlug = () => `cache-guide-${++slugs}-${crypto.randomBytes(3).toString("hex")}`;

async function publish(slug: string, title: string, kind: "article" | "faq" = "article") {
  const outcome = await createArticle(editor, {
    kind,
    slug,
    category: kind === "faq" ? "faq" : "getting-started",
    title,
    body: `About ${title}.`,
    status: "published",
  });
  if (!outcome.ok) throw new Error(`could not publish: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe.each(backends)("help through %s", (_name, makeBackends) => {
  it("serves a published article from the cache: a change behind the app's back is not seen", async () => {
    const [blue] = makeBackends();
    useSharedCache(blue);
    const slug = newSlug();
    await publish(slug, "Cached title");
    expect((await helpArticle(slug, "en"))?.title).toBe("Cached title");
    // Written straight into the table, without the editing code: no invalidation.
    await acrossChurches((tx) => tx.update(helpArticles).set({ title: "Changed behind its back" }).where(eq(helpArticles.slug, slug)));
    expect((await helpArticle(slug, "en"))?.title).toBe("Cached title");
  });

  it("an edit of a published article is seen by the next read, in this process and the other", async () => {
    const [blue, green] = makeBackends();
    const slug = newSlug();
    const created = await publish(slug, "First words");
    useSharedCache(blue);
    expect((await helpArticle(slug, "en"))?.title).toBe("First words");
    expect((await helpHome("en")).flatMap((c) => c.articles.map((a) => a.title))).toContain("First words");
    useSharedCache(green);
    expect((await helpArticle(slug, "en"))?.title).toBe("First words");

    // Blue saves the edit; green had its own copy (or the shared one) of the old words.
    useSharedCache(blue);
    const saved = await saveArticle(editor, created.id, {
      expectedRevision: 1,
      title: "Second words",
      body: "About second words.",
      category: "getting-started",
      status: "published",
    });
    expect(saved.ok).toBe(true);
    expect((await helpArticle(slug, "en"))?.title).toBe("Second words");
    useSharedCache(green);
    expect((await helpArticle(slug, "en"))?.title).toBe("Second words");
    expect((await helpHome("en")).flatMap((c) => c.articles.map((a) => a.title))).toContain("Second words");
  });

  it("withdrawing an article takes it off the help center and the FAQ at once", async () => {
    const [blue, green] = makeBackends();
    const slug = newSlug();
    const created = await publish(slug, "A question soon withdrawn", "faq");
    for (const cache of [blue, green]) {
      useSharedCache(cache);
      expect((await faqEntries("en")).flatMap((g) => g.entries.map((e) => e.slug))).toContain(slug);
    }
    useSharedCache(blue);
    const saved = await saveArticle(editor, created.id, {
      expectedRevision: 1,
      title: "A question soon withdrawn",
      body: "About it.",
      category: "faq",
      status: "draft",
    });
    expect(saved.ok).toBe(true);
    useSharedCache(green);
    expect((await faqEntries("en")).flatMap((g) => g.entries.map((e) => e.slug))).not.toContain(slug);
    expect(await helpArticle(slug, "en")).toBeNull();
  });
});

describe.runIf(redisAvailable)("the Redis backend", () => {
  it("stores JSON with a time to live, and deletes by key or prefix, under its own prefix only", async () => {
    const prefix = `test-cache-${crypto.randomUUID()}:`;
    const cache = new RedisCache(redis!.client, prefix);
    await cache.set("help:1:a", { title: "A" }, 60);
    await cache.set("help:1:b", ["B"], 60);
    await cache.set("help:2:a", 2, 60);
    await redis!.client.set("not-ours:help:1:c", "kept");
    expect(await cache.get("help:1:a")).toEqual({ title: "A" });
    expect(await redis!.client.ttl(`${prefix}help:1:a`)).toBeGreaterThan(50);
    await cache.deletePrefix("help:1:");
    expect([await cache.get("help:1:a"), await cache.get("help:1:b"), await cache.get("help:2:a")]).toEqual([undefined, undefined, 2]);
    await cache.delete("help:2:a");
    expect(await cache.get("help:2:a")).toBeUndefined();
    expect(await redis!.client.get("not-ours:help:1:c")).toBe("kept");
    await redis!.client.del("not-ours:help:1:c");
  });
});

describe("what bumps the help generation", () => {
  const generation = async () =>
    (await acrossChurches((tx) => tx.select().from(cacheGenerations).where(eq(cacheGenerations.scope, "help"))))[0]!.generation;

  it("saving a draft leaves published help's copies alone; publishing it retires them", async () => {
    const outcome = await createArticle(editor, {
      kind: "article",
      slug: newSlug(),
      category: "getting-started",
      title: "Draft",
      body: "Not yet.",
      status: "draft",
    });
    if (!outcome.ok) throw new Error("draft refused");
    const before = await generation();
    await saveArticle(editor, outcome.id, { expectedRevision: 1, title: "Draft 2", body: "Still not.", category: "getting-started", status: "draft" });
    expect(await generation()).toBe(before);
    await saveArticle(editor, outcome.id, { expectedRevision: 2, title: "Out now", body: "Now.", category: "getting-started", status: "published" });
    expect(await generation()).toBe(before + 1);
  });

  it("starts at a random number, not 0: databases sharing one Redis (staging, parallel tests) never share keys", async () => {
    // drizzle/0018_performance.sql: floor(random() * 1e15). Zero would be one chance in 10^15.
    expect(await generation()).toBeGreaterThan(0);
  });
});
