import type { Redis } from "ioredis";
import { sql } from "drizzle-orm";
import { cacheGenerations } from "~/db/schema-cache.server";
import { currentConnection } from "~/db/client.server";
import type { Tx } from "~/db/tenancy.server";
import { readingAcrossChurches } from "~/db/tenancy.server";
import { logger } from "./logger.server";
import { ProcessCache } from "./process-cache.server";
import { redis } from "./redis.server";

/**
 * A small cache for what pages read again and again: published help and the
 * FAQ; the signed-in user's role and permissions; a church's directory count
 * and groups. Redis when REDIS_URL is set, shared by blue and green; otherwise
 * a bounded map in this process. Values are JSON either way, so both
 * backends behave alike (a cached Date comes back as a string).
 *
 * Two rules keep it safe. Every entry is filed under a generation that the
 * writing transaction bumps (`generationOf`; triggers for users, roles,
 * members and groups, migration 0019), so a change — revoking access above
 * all — never waits for an entry to expire. And the cache is not
 * tenant-aware: a key must name whose data it holds (a church id, a user id),
 * and sessions never go in here (docs/decisions/010-shared-cache.md, 011).
 */
export interface SharedCache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key starting with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
}

/**
 * In-process: the process cache's bounded map (least recently read first out),
 * holding JSON so that both backends behave alike.
 */
export class MemoryCache implements SharedCache {
  private readonly entries: ProcessCache;

  constructor(
    // Entries are small JSON (a signed-in user's lookup is about half a kilobyte): 10,000 is a few
    // megabytes, and holds the lookups of a Sunday's busiest hour for a large church.
    maxEntries = 10_000,
    now: () => number = Date.now,
  ) {
    this.entries = new ProcessCache(maxEntries, now);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const json = this.entries.get<string>(key);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.entries.set(key, JSON.stringify(value), ttlSeconds);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async deletePrefix(prefix: string): Promise<void> {
    this.entries.deletePrefix(prefix);
  }

  get size() {
    return this.entries.size;
  }
}

/**
 * Redis, under a prefix of its own (sessions and rate limits share the
 * server). A Redis that is down makes the cache miss, never the page fail.
 */
export class RedisCache implements SharedCache {
  constructor(
    private readonly client: Redis,
    private readonly prefix = "kapatiran:cache:",
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const json = await this.client.get(this.prefix + key);
      return json === null ? undefined : (JSON.parse(json) as T);
    } catch (error) {
      logger.warn({ err: error }, "cache read failed");
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    try {
      await this.client.set(this.prefix + key, JSON.stringify(value), "EX", Math.max(1, Math.round(ttlSeconds)));
    } catch (error) {
      logger.warn({ err: error }, "cache write failed");
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async deletePrefix(prefix: string): Promise<void> {
    // SCAN, not KEYS: it never blocks Redis for the sessions sharing it.
    let cursor = "0";
    do {
      const [next, keys] = await this.client.scan(cursor, "MATCH", `${escapeGlob(this.prefix + prefix)}*`, "COUNT", 200);
      if (keys.length > 0) await this.client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  }
}

const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, "\\$&");

/*
 * One cache per process, on globalThis like the database handle: the Express
 * entry and the Remix build are two bundles that must share it.
 */
const slot = Symbol.for("kapatiran.shared-cache");
type Slot = { [slot]?: SharedCache };

export function sharedCache(): SharedCache {
  const holder = globalThis as Slot;
  if (!holder[slot]) {
    const client = redis();
    holder[slot] = client ? new RedisCache(client) : new MemoryCache();
  }
  return holder[slot];
}

/** Tests and start-up: use this cache (or, with undefined, the configured one again). */
export function useSharedCache(cache: SharedCache | undefined) {
  (globalThis as Slot)[slot] = cache;
}

/**
 * Kinds of cached content, each with its own generation in cache_generations:
 * "help" (migration 0018, bumped by help edits), "accounts" (users, roles and
 * churches) and "directory:<church id>" (a church's members and groups), both
 * bumped by triggers (migration 0019), and "sessions", bumped whenever a
 * session ends (migration 0022).
 */
export type CacheScope = "help" | "accounts" | "sessions" | `directory:${string}`;

/**
 * The scope's current generation: as this process last heard or read it
 * (ADR 014), else read in the caller's transaction. Cached copies are filed
 * under it, so an edit that bumps it (in its own transaction) retires every
 * copy in every process the moment it commits: blue and green each keep their
 * own in-process cache, and the database is what both see.
 */
export async function generationOf(tx: Tx, scope: CacheScope): Promise<number> {
  const feed = currentConnection().generations;
  const known = feed.get(scope);
  if (known !== undefined) return known;
  const mark = feed.mark();
  const [row] = await tx
    .select({ generation: cacheGenerations.generation })
    .from(cacheGenerations)
    .where(sql`${cacheGenerations.scope} = ${scope}`);
  if (!row) return 0;
  feed.remember(scope, row.generation, mark);
  return row.generation;
}

/** Where a copy made at a scope's generation is filed, in any cache: a new generation, a new key. */
export const generationKey = (scope: CacheScope, generation: number, key: string) => `${scope}:${generation}:${key}`;

/** The scope's generation if this process knows it without asking the database (ADR 014). */
export function knownGeneration(scope: CacheScope): number | undefined {
  return currentConnection().generations.get(scope);
}

/** The copy cached at the scope's known generation, asking no database; undefined if either is missing. */
export async function keptCopy<T>(scope: CacheScope, key: string): Promise<T | undefined> {
  const known = knownGeneration(scope);
  return known === undefined ? undefined : sharedCache().get<T>(generationKey(scope, known, key));
}

/** Call inside the transaction that changes shared content: every cached copy is stale once it commits. */
export async function invalidateScope(tx: Tx, scope: CacheScope): Promise<void> {
  await tx
    .insert(cacheGenerations)
    .values({ scope, generation: sql`floor(random() * 1e15)::bigint` })
    .onConflictDoUpdate({ target: cacheGenerations.scope, set: { generation: sql`${cacheGenerations.generation} + 1` } });
}

/**
 * Read-through: the cached value for `key` at the scope's current generation,
 * else `load()` (which gets the same transaction), stored for `ttlSeconds`
 * unless it found nothing.
 * The TTL only bounds memory: correctness comes from the generation.
 */
export async function cachedInScope<T>(
  scope: CacheScope,
  key: string,
  ttlSeconds: number,
  load: (tx: Tx) => Promise<T>,
): Promise<T> {
  // Known generation and a cached copy: no transaction at all.
  const hit = await keptCopy<T>(scope, key);
  if (hit !== undefined) return hit;
  // Platform-level content: across churches, like the queries it stands for.
  return readingAcrossChurches(async (tx) => cachedAt(scope, await generationOf(tx, scope), key, ttlSeconds, () => load(tx)));
}

/**
 * Read-through at a generation the caller has already read (in the
 * transaction that `load` uses): the cached value, else `load()`, stored for
 * `ttlSeconds` unless it found nothing. Misses are not kept: anyone can ask
 * for a thousand made-up slugs.
 */
export async function cachedAt<T>(
  scope: CacheScope,
  generation: number,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
): Promise<T> {
  const cache = sharedCache();
  const fullKey = generationKey(scope, generation, key);
  const hit = await cache.get<T>(fullKey);
  if (hit !== undefined) return hit;
  const value = await load();
  if (value !== null && value !== undefined) await cache.set(fullKey, value, ttlSeconds);
  return value;
}
