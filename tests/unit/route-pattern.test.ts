import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
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
    route("routes/admin._index", "routes/admin", undefined, true),
    route("routes/admin.members.export[.]csv", "routes/admin", "members/export.csv"),
    route("routes/help.$slug", "root", "help/:slug"),
    route("routes/help.faq", "root", "help/faq"),
    route("routes/photos.$memberId.$size", "root", "photos/:memberId/:size"),
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

describe("routePatterns agrees with Remix's matchRoutes", () => {
  // The pattern of the chain Remix matches, as the access log used to compute it per request.
  type RouteObject = Parameters<typeof matchRoutes>[0][number];
  const tree = (parentId?: string): RouteObject[] =>
    Object.values(routes)
      .filter((r) => r?.parentId === parentId)
      .map((r) => (r!.index ? { id: r!.id, index: true, path: r!.path } : { id: r!.id, path: r!.path, children: tree(r!.id) }));
  const remixPattern = (pathname: string) => {
    const matches = matchRoutes(tree(), pathname);
    if (!matches) return null;
    return `/${matches.map((m) => m.route.path).filter(Boolean).join("/")}`.replace(/\/{2,}/g, "/");
  };
  const patternOf = routePatterns(routes);
  const paths = [
    "/", "/directory", "/directory/", "/DIRECTORY", "/directory/print", "/directory/print/", "/directory/abc",
    "/directory/abc/def", "/admin", "/admin/", "/admin/members/7", "/admin/members/export.csv", "/admin/members/exportxcsv",
    "/admin/members", "/help/faq", "/help/finding-members", "/help/%E2%9C%93", "/photos/1/small", "/photos/1", "/x/y/z", "//",
  ];

  it.each(paths)("%s", (path) => {
    expect(patternOf(path)).toBe(remixPattern(path));
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
