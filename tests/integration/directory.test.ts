import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useConnection } from "~/db/client.server";
import { churches, members, users } from "~/db/schema.server";
import { seedDemo, seedLargeChurch } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { listDirectory, PAGE_SIZE, viewerFor } from "~/models/directory.server";
import { findCurrentUser } from "~/models/users.server";
import { MemoryCache, useSharedCache } from "~/utils/cache.server";
import { browse, type CookieJar } from "../support/browser";
import { freshDatabase } from "../support/database";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let member: CookieJar;
let admin: CookieJar;
let hopeAdmin: CookieJar;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  member = await signedInJar(server.url, "member@grace.example");
  admin = await signedInJar(server.url, "admin@grace.example");
  hopeAdmin = await signedInJar(server.url, "admin@hope.example");
});
afterAll(async () => {
  await server.close();
});

const page = async (jar: CookieJar, path: string) => {
  const response = await browse(jar, `${server.url}${path}`);
  return { status: response.status, html: await response.text() };
};

/** A Grace member (not a demo account) matching `where`, straight from the database. */
async function graceMember(where = sql`true`) {
  return acrossChurches(async (tx) => {
    const [grace] = await tx.select().from(churches).where(eq(churches.slug, "grace"));
    const [row] = await tx
      .select()
      .from(members)
      .where(and(eq(members.churchId, grace!.id), isNull(members.userId), eq(members.listed, true), where))
      .limit(1);
    return row!;
  }, server.database.db);
}

async function setPrivacy(memberId: string, changes: Record<string, string>) {
  await acrossChurches(async (tx) => {
    const [row] = await tx.select().from(members).where(eq(members.id, memberId));
    await tx
      .update(members)
      .set({ privacy: { ...row!.privacy, ...changes } as NonNullable<typeof row>["privacy"] })
      .where(eq(members.id, memberId));
  }, server.database.db);
}

describe("directory search", () => {
  it("finds a name typed without its accent and misspelled", async () => {
    const target = await graceMember(sql`${members.familyName} = 'Peñaflor'`);
    const misspelled = `${target.givenName} Penaflr`;
    const { status, html } = await page(member, `/directory?q=${encodeURIComponent(misspelled)}`);
    expect(status).toBe(200);
    expect(html).toContain(`${target.givenName} Peñaflor`);
  });

  it("pages through the church 25 at a time with plain links", async () => {
    const first = await page(member, "/directory");
    expect(first.html).toMatch(/Page 1 of \d+/);
    expect(first.html).toContain('href="?page=2" rel="next"');
    expect((await page(member, "/directory?page=2&lng=fil")).html).toMatch(/Pahina 2 ng \d+/);
  });

  it("says so helpfully when nothing matches, in both languages", async () => {
    expect((await page(member, "/directory?q=Zzyzxqw")).html).toContain("No one in the directory matches");
    expect((await page(member, "/directory?q=Zzyzxqw&lng=fil")).html).toContain("Walang nasa direktoryo na tumutugma");
  });

  it("filters by group, and ignores a group id that is not the church's", async () => {
    const all = await page(member, "/directory");
    const groupId = /<option value="([0-9a-f-]{36})">Youth Ministry<\/option>/.exec(all.html)?.[1];
    expect(groupId).toBeDefined();
    const youth = await page(member, `/directory?group=${groupId}`);
    expect(youth.html).toContain("Jericho Ramos");
    expect(youth.html).not.toContain(">Cristina Villanueva<");
    const bogus = await page(member, "/directory?group=00000000-0000-0000-0000-000000000000");
    expect(bogus.status).toBe(200);
  });
});

describe("member card", () => {
  it("shows a member only the fields their choices allow this viewer", async () => {
    const target = await graceMember(sql`${members.phone} is not null and ${members.address} is not null`);
    await setPrivacy(target.id, { phone: "leaders", address: "admins", email: "church", birthday: "hidden" });
    const asMember = await page(member, `/directory/${target.id}`);
    expect(asMember.status).toBe(200);
    expect(asMember.html).toContain(`${target.givenName} ${target.familyName}`);
    expect(asMember.html).not.toContain(target.phone!);
    expect(asMember.html).not.toContain(target.address!);
    const asAdmin = await page(admin, `/directory/${target.id}`);
    expect(asAdmin.html).toContain(`href="tel:${target.phone!.replace(/\s+/g, "")}"`);
    expect(asAdmin.html).toContain(target.address!);
    if (target.birthday) expect(asAdmin.html).not.toContain(target.birthday);
  });

  it("a hidden name makes the member vanish from list and card alike", async () => {
    const target = await graceMember();
    await setPrivacy(target.id, { name: "hidden" });
    expect((await page(member, `/directory/${target.id}`)).status).toBe(404);
    const search = await page(admin, `/directory?q=${encodeURIComponent(`${target.givenName} ${target.familyName}`)}`);
    expect(search.html).not.toContain(`/directory/${target.id}"`);
    await setPrivacy(target.id, { name: "church" });
  });
});

describe("tenancy", () => {
  it("a Hope admin never sees a Grace member: not in the list, not by search, not by id", async () => {
    const target = await graceMember();
    expect((await page(hopeAdmin, `/directory/${target.id}`)).status).toBe(404);
    const search = await page(hopeAdmin, `/directory?q=${encodeURIComponent(target.familyName)}`);
    expect(search.html).not.toContain(target.id);
    expect((await page(hopeAdmin, "/directory")).html).not.toContain("Grace Fellowship");
  });
});

describe("query budget", () => {
  it("a directory page makes the same few queries whatever the page size or church size", async () => {
    const queries: string[] = [];
    let counting = false;
    const database = await freshDatabase({ onQuery: (q) => counting && queries.push(q) });
    try {
      await seedDemo(database.db, { graceMembers: 40, hopeMembers: 10 });
      await seedLargeChurch(database.db, { members: 600 });
      useConnection(database);
      const countFor = async (email: string, query: { page?: number; q?: string }) => {
        const [user] = await acrossChurches((tx) => tx.select().from(users).where(eq(users.email, email)), database.db);
        const current = (await findCurrentUser(user!.id))!;
        // A cold cache each time: what a page costs before the shared cache knows the church (ADR 011).
        useSharedCache(new MemoryCache());
        queries.length = 0;
        counting = true;
        const result = await listDirectory(await viewerFor(current), query);
        counting = false;
        return { queries: queries.filter((q) => !/^(begin|commit|select set_config)/i.test(q.trim())).length, result };
      };
      const small = await countFor("member@grace.example", { page: 1 });
      const big = await countFor("admin@big.example", { page: 1 });
      const bigLast = await countFor("admin@big.example", { page: 999 });
      const smallSearch = await countFor("member@grace.example", { q: "maria" });
      const bigSearch = await countFor("admin@big.example", { q: "maria" });
      // A page past the last matching one (a stale link) costs one count more.
      const bigSearchPastEnd = await countFor("admin@big.example", { q: "maria", page: 999 });
      expect(big.result.entries).toHaveLength(PAGE_SIZE);
      expect(bigSearch.result.total).toBeGreaterThan(0);
      expect(bigSearchPastEnd.result.entries.length).toBeGreaterThan(0);
      expect(new Set([small.queries, big.queries, bigLast.queries]).size).toBe(1);
      expect(smallSearch.queries).toBe(bigSearch.queries);
      // The church's cache generation, the viewer's led groups, then at most: count, page, page again, the page's groups.
      for (const measured of [big, bigSearch, bigSearchPastEnd]) expect(measured.queries).toBeLessThanOrEqual(6);
    } finally {
      useSharedCache(undefined);
      useConnection(server.database);
      await database.drop();
    }
  });
});
