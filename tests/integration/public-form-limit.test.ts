import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpArticles, helpFeedback } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { uniqueAddress } from "../support/addresses";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Forms anyone may post without signing in ("Was this helpful?", cookie
 * choices) are limited per address, so a script cannot fill our tables. This
 * server gets a small limit, and the requests come from an address of their
 * own (X-Forwarded-For, trusted one hop), so a count shared through Redis with
 * other test files cannot disturb it.
 */

const LIMIT = 5;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    seed: async (database) => void (await seedDemo(database.db)),
    publicFormLimitPerMinute: LIMIT,
  });
});
afterAll(async () => {
  await server.close();
});

const address = uniqueAddress();
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, "X-Forwarded-For": address, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });

describe("anonymous forms", () => {
  it("stop a script after the limit, store nothing more, and say why in both languages", async () => {
    const db = server.database.db;
    const [guide] = await acrossChurches(
      (tx) => tx.select({ id: helpArticles.id }).from(helpArticles).where(eq(helpArticles.slug, "getting-started")),
      db
    );
    const stored = async () =>
      (await acrossChurches((tx) => tx.select().from(helpFeedback).where(eq(helpFeedback.articleId, guide!.id)), db))
        .length;
    const before = await stored();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) statuses.push((await post("/help/getting-started", { helpful: "yes" })).status);
    expect(statuses.slice(0, LIMIT).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429]);
    expect((await stored()) - before).toBe(LIMIT);

    const refused = await post("/cookies", { choice: "necessary" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const text = await refused.text();
    expect(text).toContain("Too many forms sent");
    expect(text).toContain("Maghintay ng isang minuto");
  });
});
