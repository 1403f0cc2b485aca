import { describe, expect, it } from "vitest";
import { ProcessCache } from "~/utils/process-cache.server";

/** The in-process cache for sessions and members' pages (ADR 014). */
describe("the process cache", () => {
  it("hands out what it kept, frozen all the way down: a caller cannot change another member's page", () => {
    const cache = new ProcessCache(10, () => 0);
    const kept = cache.set("page", { entries: [{ name: "Ana Santos" }] }, 60);
    expect(cache.get("page")).toBe(kept);
    expect(() => {
      (kept.entries[0] as { name: string }).name = "changed";
    }).toThrow(TypeError);
    expect(() => kept.entries.push({ name: "extra" })).toThrow(TypeError);
    expect(cache.get<typeof kept>("page")?.entries[0]?.name).toBe("Ana Santos");
  });

  it("lets the least recently read go first when full", () => {
    const cache = new ProcessCache(2, () => 0);
    cache.set("a", 1, 60);
    cache.set("b", 2, 60);
    cache.get("a");
    cache.set("c", 3, 60);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("forgets an entry at the end of its time", () => {
    let clock = 0;
    const cache = new ProcessCache(10, () => clock);
    cache.set("session", { userId: "u" }, 60);
    clock = 59_999;
    expect(cache.get("session")).toEqual({ userId: "u" });
    clock = 60_000;
    expect(cache.get("session")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps nothing at size 0 (KEPT_MEMBER_PAGES=0), and still returns the value it was given", () => {
    const cache = new ProcessCache(0, () => 0);
    expect(cache.set("page", { total: 3 }, 60)).toEqual({ total: 3 });
    expect(cache.get("page")).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
