import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken, PostgresSessionStore } from "~/auth/session-store.server";
import { currentUser, endSession, SESSION_COOKIE, sessionStore, useSessionStore } from "~/auth/session.server";
import { useConnection } from "~/db/client.server";
import { cacheGenerations, churches, households, members, sessions, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { directoryPage, memberCard } from "~/models/directory.server";
import type { CurrentUser } from "~/models/users.server";
import { MemoryCache, useSharedCache } from "~/utils/cache.server";
import { emptyProcessCaches } from "~/utils/process-cache.server";
import { freshDatabase, type TestDatabase } from "../support/database";

/**
 * Cache generations heard, not read (ADR 014, migration 0022): PostgreSQL
 * announces every bump when it commits, the process keeps what it heard, and a
 * member coming back to a page within the minute costs no query at all — while
 * a change made anywhere (another process, psql: here, straight on the
 * database handle, past the app's transaction doors) is seen as soon as it is
 * heard, and one made through the doors at once.
 */

let database: TestDatabase;
const statements: string[] = [];
let grace: string;
let memberId: string;

beforeAll(async () => {
  database = await freshDatabase({ onQuery: (query) => statements.push(query) });
  useConnection(database);
  await seedDemo(database.db);
  const [church] = await acrossChurches((tx) => tx.select({ id: churches.id }).from(churches).where(eq(churches.slug, "grace")));
  grace = church!.id;
  const [member] = await acrossChurches((tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, "member@grace.example")));
  memberId = member!.id;
  // Sessions in PostgreSQL, as on the box without Redis, whatever REDIS_URL says for the rest of the suite.
  useSessionStore(new PostgresSessionStore({ idleMinutes: 30, absoluteMinutes: 720 }));
});

afterAll(async () => {
  useSessionStore(undefined);
  useSharedCache(undefined);
  emptyProcessCaches();
  useConnection(undefined);
  await database.drop();
});

// A process that has seen nothing yet, already listening.
beforeEach(async () => {
  useSharedCache(new MemoryCache());
  emptyProcessCaches();
  database.generations.get("help");
  await until(() => database.generations.live, "the feed to listen");
});

async function until(check: () => boolean, what: string, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const before = statements.length;
  await work();
  return statements.slice(before);
}

/** The generation as stored, read past the feed. */
async function stored(scope: string): Promise<number> {
  const [row] = await database.db.select().from(cacheGenerations).where(eq(cacheGenerations.scope, scope));
  return row!.generation;
}

const asked = (token: string) => new Request("http://localhost/directory", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
const signIn = () => sessionStore().create(memberId);
const feed = () => database.generations;

describe("generations heard", () => {
  it("are heard when a change commits elsewhere, never when it rolls back", async () => {
    const scope = `directory:${grace}`;
    const before = await stored(scope);
    await database.db.execute(sql`update groups set name = name where church_id = ${grace}`);
    await until(() => feed().get(scope) === before + 1, "the bump to be heard");

    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update groups set name = name where church_id = ${grace}`);
        tx.rollback();
      })
      .catch(() => {});
    // Announcements arrive in commit order: once a later one is heard, the rolled-back one never will be.
    const help = await stored("help");
    await database.db.execute(sql`update cache_generations set generation = generation + 1 where scope = 'help'`);
    await until(() => feed().get("help") === help + 1, "the help bump to be heard");
    expect(feed().get(scope)).toBe(before + 1);
    expect(await stored(scope)).toBe(before + 1);
  });

  it("let a member back within the minute with no query: session, permissions and directory page from memory", async () => {
    const token = await signIn();
    const first = (await currentUser(asked(token))) as CurrentUser;
    expect(first.id).toBe(memberId);
    const page = await directoryPage(first, { page: 1 });
    expect(page.entries.length).toBeGreaterThan(0);

    let again: CurrentUser | null = null;
    let pageAgain: Awaited<ReturnType<typeof directoryPage>> | undefined;
    const sent = await statementsOf(async () => {
      again = await currentUser(asked(token));
      pageAgain = await directoryPage(again!, { page: 1 });
    });
    expect(sent).toEqual([]);
    expect(again).toEqual(first);
    expect(pageAgain).toEqual(page);
    // Another page, or another member's view, is read.
    expect((await statementsOf(() => directoryPage(first, { page: 2 }))).length).toBeGreaterThan(0);
  });

  it("refuse a session ended elsewhere as soon as that is heard, and one ended here at once", async () => {
    const token = await signIn();
    expect((await currentUser(asked(token)))?.id).toBe(memberId);
    const before = await stored("sessions");
    await database.db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
    await until(() => feed().get("sessions") !== before && feed().get("sessions") !== undefined, "the session's end to be heard");
    expect(await currentUser(asked(token))).toBeNull();

    const mine = await signIn();
    expect((await currentUser(asked(mine)))?.id).toBe(memberId);
    await endSession(asked(mine)); // through the app: no waiting for the announcement
    expect(await currentUser(asked(mine))).toBeNull();
  });

  it("bump \"sessions\" when sessions end or their end moves; not when one starts, is touched, or a delete ends none", async () => {
    const before = await stored("sessions");
    const token = await signIn();
    const mine = eq(sessions.idHash, hashToken(token));
    await database.db.update(sessions).set({ lastSeenAt: new Date() }).where(mine);
    await database.db.delete(sessions).where(eq(sessions.idHash, "no such session"));
    expect(await stored("sessions")).toBe(before);
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() + 60_000) }).where(mine);
    expect(await stored("sessions")).toBe(before + 1);
    await database.db.delete(sessions).where(mine);
    expect(await stored("sessions")).toBe(before + 2);
  });

  it("show a member's change made elsewhere on the next page once heard", async () => {
    const token = await signIn();
    const viewer = (await currentUser(asked(token))) as CurrentUser;
    const first = (await directoryPage(viewer, { page: 1 })).entries[0]!;
    const scope = `directory:${grace}`;
    const before = await stored(scope);
    await database.db.update(members).set({ givenName: "Renamed" }).where(eq(members.id, first.id));
    await until(() => feed().get(scope) === before + 1, "the change to be heard");
    const shown = (await directoryPage(viewer, { page: 1 })).entries.find((entry) => entry.id === first.id);
    expect(shown?.givenName).toBe("Renamed");
  });

  it("keep a member's card per viewer, and show its household renamed elsewhere once heard", async () => {
    const token = await signIn();
    const viewer = (await currentUser(asked(token))) as CurrentUser;
    const { entries } = await directoryPage(viewer, { page: 1 });
    const inHousehold = entries.find((entry) => entry.householdId && entry.id !== viewer.id)!;
    const card = await memberCard(viewer, inHousehold.id);
    expect(card?.household).not.toBeNull();
    expect(await statementsOf(() => memberCard(viewer, inHousehold.id))).toEqual([]);

    const scope = `directory:${grace}`;
    const before = await stored(scope);
    await database.db.update(households).set({ name: "Renamed household" }).where(eq(households.id, inHousehold.householdId!));
    await until(() => feed().get(scope) === before + 1, "the household's change to be heard");
    expect((await memberCard(viewer, inHousehold.id))?.household?.name).toBe("Renamed household");
  });

  it("a deactivation through the app refuses the member's next request at once", async () => {
    const token = await signIn();
    expect((await currentUser(asked(token)))?.id).toBe(memberId);
    await acrossChurches((tx) => tx.update(users).set({ status: "deactivated" }).where(eq(users.id, memberId)));
    try {
      expect(await currentUser(asked(token))).toBeNull();
    } finally {
      await acrossChurches((tx) => tx.update(users).set({ status: "active" }).where(eq(users.id, memberId)));
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))("believe nothing while the listening connection is cut, and listen again (PostgreSQL)", async () => {
    const token = await signIn();
    await currentUser(asked(token));
    expect(await statementsOf(() => currentUser(asked(token)))).toEqual([]);
    await database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`,
    );
    await until(() => !feed().live, "the feed to notice");
    expect((await statementsOf(() => currentUser(asked(token)))).length).toBeGreaterThan(0);
    await until(() => feed().live, "the feed to listen again");
    const scope = `directory:${grace}`;
    const before = await stored(scope);
    await database.db.execute(sql`update groups set name = name where church_id = ${grace}`);
    await until(() => feed().get(scope) === before + 1, "a bump heard on the new connection");
  });
});
