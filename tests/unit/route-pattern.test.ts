import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { routeLabel, routePatterns } from "~/ops/route-pattern.server";

/** A Remix route manifest shaped like ours: flat, each route naming its parent. */
function route(id: string, parentId: string | undefined, path?: string, index?: boolean) {
  return { id, parentId, path, index, caseSensitive: undefined, module: {} };
}
const routes = Object.fromEntries(
  [
    route("root", undefined, ""),
    route("routes/_index", "root", undefined, true),
    route("routes/directory._index", "root", "directory", true),
    route("routes/directory.$memberId", "root", "directory/:memberId"),
    route("routes/directory.print", "root", "directory/print"),
    route("routes/admin", "root", "admin"),
    route("routes/admin.members.$memberId", "routes/admin", "members/:memberId"),
    route("routes/$", "root", "*"),
  ].map((r) => [r.id, r]),
) as unknown as ServerBuild["routes"];

describe("routePatterns", () => {
  const patternOf = routePatterns(routes);

  it("names a path by its route's pattern, joined through parent routes", () => {
    expect(patternOf("/")).toBe("/");
    expect(patternOf("/directory")).toBe("/directory");
    expect(patternOf("/directory/0b9c6a4e-5d7a-4c43-9a1e-3f0c1d2e3f4a")).toBe("/directory/:memberId");
    expect(patternOf("/admin/members/42")).toBe("/admin/members/:memberId");
  });

  it("prefers a static segment over a parameter, as Remix does", () => {
    expect(patternOf("/directory/print")).toBe("/directory/print");
  });

  it("falls back to the catch-all route", () => {
    expect(patternOf("/no/such/page")).toBe("/*");
  });

  it("answers null when nothing matches", () => {
    const withoutCatchAll = { ...routes } as Record<string, unknown>;
    delete withoutCatchAll["routes/$"];
    expect(routePatterns(withoutCatchAll as ServerBuild["routes"])("/nothing")).toBeNull();
  });
});

describe("routeLabel", () => {
  const patternOf = routePatterns(routes);

  it("calls the sign-in provider oidc and fingerprinted assets static", () => {
    expect(routeLabel("/oidc/token", { patternOf, reachedRemix: false })).toBe("oidc");
    expect(routeLabel("/build/entry.client-ABC.js", { patternOf, reachedRemix: false })).toBe("static");
  });

  it("names a request answered before Remix by its route, a public file static", () => {
    expect(routeLabel("/directory/7", { patternOf, reachedRemix: false })).toBe("/directory/:memberId");
    expect(routeLabel("/favicon.ico", { patternOf, reachedRemix: false })).toBe("static");
  });

  it("gives Remix's answers their pattern, or unmatched", () => {
    expect(routeLabel("/favicon.ico", { patternOf, reachedRemix: true })).toBe("/*");
    expect(routeLabel("/x", { patternOf: () => null, reachedRemix: true })).toBe("unmatched");
  });
});
