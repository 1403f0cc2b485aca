import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  PostgresSessionStore,
  RedisSessionStore,
  hashToken,
  type SessionLimits,
  type SessionStore,
} from "~/auth/session-store.server";
import { churches, sessions, users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { builtInRoleIds } from "~/models/roles.server";
import { freshDatabase, type TestDatabase } from "../support/database";
import { redisAvailable, startRedis, type TestRedis } from "../support/redis";

const limits: SessionLimits = { idleMinutes: 30, absoluteMinutes: 7 * 24 * 60 };

let database: TestDatabase;
let redis: TestRedis | undefined;
let alice: string;
let bob: string;
let carol: string;

beforeAll(async () => {
  database = await freshDatabase();
  [alice = "", bob = "", carol = ""] = await acrossChurches(async (tx) => {
    const [church] = await tx.insert(churches).values({ slug: "s", name: "S" }).returning();
    const { member: roleId } = await builtInRoleIds(tx);
    const rows = await tx
      .insert(users)
      .values([
        { churchId: church!.id, email: "alice@example.com", displayName: "Alice", roleId },
        { churchId: church!.id, email: "bob@example.com", displayName: "Bob", roleId },
        { churchId: church!.id, email: "carol@example.com", displayName: "Carol", roleId },
      ])
      .returning();
    return rows.map((row) => row.id);
  }, database.db);
  if (redisAvailable) redis = await startRedis();
});

afterAll(async () => {
  vi.useRealTimers();
  await redis?.stop();
  await database.drop();
});

const stores: [string, () => SessionStore][] = [["PostgreSQL", () => new PostgresSessionStore(limits, database.db)]];
// The Redis store runs wherever a Redis can be had: REDIS_URL or a redis-server binary (always in CI).
if (redisAvailable) {
  stores.push(["Redis", () => new RedisSessionStore(redis!.client, limits, `test-${crypto.randomUUID()}:`)]);
}

describe.each(stores)("%s session store", (_name, makeStore) => {
  it("creates a session under a new random token each time", async () => {
    const store = makeStore();
    const first = await store.create(alice);
    const second = await store.create(alice);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect((await store.read(first))?.userId).toBe(alice);
  });

  it("lists a user's live sessions with where they came from, and nobody else's", async () => {
    const store = makeStore();
    await store.create(carol, { userAgent: "Phone browser", ipAddress: "203.0.113.7" });
    const ended = await store.create(carol, { userAgent: "Old laptop" });
    await store.create(bob);
    await store.destroy(ended);
    const listed = await store.listForUser(carol);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ userId: carol, userAgent: "Phone browser", ipAddress: "203.0.113.7" });
    expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}/);
  });

  it("knows nothing of an unknown token", async () => {
    expect(await makeStore().read("x".repeat(43))).toBeNull();
  });

  it("ends one session on logout, leaving the user's others", async () => {
    const store = makeStore();
    const phone = await store.create(alice);
    const laptop = await store.create(alice);
    await store.destroy(phone);
    expect(await store.read(phone)).toBeNull();
    expect(await store.read(laptop)).not.toBeNull();
  });

  it("signs a user out everywhere without touching anyone else", async () => {
    const store = makeStore();
    const a1 = await store.create(alice);
    const a2 = await store.create(alice);
    const b1 = await store.create(bob);
    expect(await store.destroyAllForUser(alice)).toBeGreaterThanOrEqual(2);
    expect(await store.read(a1)).toBeNull();
    expect(await store.read(a2)).toBeNull();
    expect(await store.read(b1)).not.toBeNull();
  });

  it("ends a session left idle longer than the idle timeout, but not one in use", async () => {
    const store = makeStore();
    const start = Date.now();
    vi.useFakeTimers({ now: start, toFake: ["Date"] });
    const idle = await store.create(alice);
    const busy = await store.create(alice);
    for (let minute = 10; minute <= 40; minute += 10) {
      vi.setSystemTime(start + minute * 60_000);
      expect(await store.read(busy), `busy at ${minute} min`).not.toBeNull();
    }
    expect(await store.read(idle)).toBeNull();
    vi.useRealTimers();
  });

  it("ends every session at its absolute end, however active", async () => {
    const store = makeStore();
    const start = Date.now();
    vi.useFakeTimers({ now: start, toFake: ["Date"] });
    const token = await store.create(alice);
    let alive = 0;
    // Active every 20 minutes for a little over seven days.
    for (let minute = 20; minute <= limits.absoluteMinutes + 40; minute += 20) {
      vi.setSystemTime(start + minute * 60_000);
      if (await store.read(token)) alive = minute;
      else break;
    }
    vi.useRealTimers();
    expect(alive).toBeLessThan(limits.absoluteMinutes);
    expect(alive).toBeGreaterThanOrEqual(limits.absoluteMinutes - 20);
  }, 120_000);
});

describe("PostgreSQL session rows", () => {
  it("keep only a hash of the token", async () => {
    const token = await new PostgresSessionStore(limits, database.db).create(bob, { userAgent: "Test", ipAddress: "127.0.0.1" });
    const rows = await acrossChurches((tx) => tx.select().from(sessions), database.db);
    expect(rows.some((row) => row.idHash === token)).toBe(false);
    expect(rows.some((row) => row.idHash === hashToken(token))).toBe(true);
  });
});
