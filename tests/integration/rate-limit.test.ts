import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import crypto from "node:crypto";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimit } from "../../server/rate-limit";
import { redisAvailable, startRedis, type TestRedis } from "../support/redis";

let redis: TestRedis | undefined;
beforeAll(async () => {
  if (redisAvailable) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

async function serve(limit: number, withRedis: boolean) {
  const app = express();
  app.set("trust proxy", 1);
  app.use(
    "/auth",
    rateLimit({ scope: `test-${crypto.randomUUID()}`, limit, windowMs: 60_000, redis: withRedis ? redis!.client : undefined }),
  );
  app.get("/auth/login", (_req, res) => void res.send("ok"));
  app.get("/other", (_req, res) => void res.send("ok"));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

const backends: [string, boolean][] = [["memory", false]];
if (redisAvailable) backends.push(["Redis", true]);

describe.each(backends)("sign-in rate limit (%s)", (_name, withRedis) => {
  it("refuses the request over the limit with 429 and Retry-After, per client address", async () => {
    const { url, close } = await serve(3, withRedis);
    const from = (ip: string) => fetch(`${url}/auth/login`, { headers: { "X-Forwarded-For": ip } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from("203.0.113.7")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await from("203.0.113.7");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many sign-in attempts");
    // Another address has its own count; other paths are not limited.
    expect((await from("198.51.100.9")).status).toBe(200);
    expect((await fetch(`${url}/other`, { headers: { "X-Forwarded-For": "203.0.113.7" } })).status).toBe(200);
    await close();
  });
});
