import { describe, expect, it } from "vitest";
import { MemoryCache } from "~/utils/cache.server";
import { notModified } from "~/utils/page-fingerprint.server";

describe("the in-process cache", () => {
  it("gives back what was stored, as JSON, until its time is up", async () => {
    let now = 1_000;
    const cache = new MemoryCache(10, () => now);
    await cache.set("help:1:home:en", { title: "Signing in", at: new Date(0) }, 60);
    expect(await cache.get("help:1:home:en")).toEqual({ title: "Signing in", at: "1970-01-01T00:00:00.000Z" });
    now += 59_999;
    expect(await cache.get("help:1:home:en")).toBeDefined();
    now += 1;
    expect(await cache.get("help:1:home:en")).toBeUndefined();
  });

  it("keeps at most its bound, dropping the least recently read", async () => {
    const cache = new MemoryCache(3);
    for (const key of ["a", "b", "c"]) await cache.set(key, key, 60);
    await cache.get("a"); // a is now the most recent; b the oldest
    await cache.set("d", "d", 60);
    expect(cache.size).toBe(3);
    expect(await cache.get("b")).toBeUndefined();
    expect(await Promise.all(["a", "c", "d"].map((key) => cache.get(key)))).toEqual(["a", "c", "d"]);
  });

  it("deletes one key, or every key under a prefix", async () => {
    const cache = new MemoryCache();
    for (const key of ["help:1:a", "help:1:b", "help:2:a", "other"]) await cache.set(key, 1, 60);
    await cache.delete("other");
    await cache.deletePrefix("help:1:");
    expect(await Promise.all(["help:1:a", "help:1:b", "help:2:a", "other"].map((key) => cache.get(key)))).toEqual([
      undefined,
      undefined,
      1,
      undefined,
    ]);
  });
});

describe("If-None-Match", () => {
  const request = (tags: string | null, method = "GET") =>
    new Request("http://localhost/help", { method, headers: tags ? { "If-None-Match": tags } : {} });
  const etag = 'W/"abc"';

  it("matches the tag weakly, in a list, or as *", () => {
    expect(notModified(request('W/"abc"'), etag)).toBe(true);
    expect(notModified(request('"abc"'), etag)).toBe(true);
    expect(notModified(request('W/"x", W/"abc"'), etag)).toBe(true);
    expect(notModified(request("*"), etag)).toBe(true);
    expect(notModified(request(`W/"abc"`, "HEAD"), etag)).toBe(true);
  });

  it("does not match another tag, no header, or a form post", () => {
    expect(notModified(request('W/"abd"'), etag)).toBe(false);
    expect(notModified(request(null), etag)).toBe(false);
    expect(notModified(request('W/"abc"', "POST"), etag)).toBe(false);
  });
});
