import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import { beforeAll, describe, expect, it } from "vitest";
import { routeMatcher } from "~/ops/route-pattern.server";
import { branchBuild } from "../../server/route-branches";

/**
 * server/route-branches.ts hands each request to a Remix handler that knows
 * only the branch our precompiled matcher picked. That is right only if the
 * matcher picks the very route Remix would pick from the whole table: checked
 * here on the real route table of the build, for a path made from every
 * route's pattern and for the paths where routes compete.
 */

let build: ServerBuild;
beforeAll(async () => {
  build = (await import(pathToFileURL(path.resolve("build/remix/index.js")).href)) as ServerBuild;
});

type RouteObject = Parameters<typeof matchRoutes>[0][number];

/** The route tree as Remix builds it from the manifest. */
function tree(routes: ServerBuild["routes"], parentId?: string): RouteObject[] {
  return Object.values(routes)
    .filter((route) => route?.parentId === parentId)
    .map((route) =>
      route!.index
        ? { id: route!.id, index: true, path: route!.path, caseSensitive: route!.caseSensitive }
        : { id: route!.id, path: route!.path, caseSensitive: route!.caseSensitive, children: tree(routes, route!.id) },
    );
}

/** Paths to try: each route's pattern with sample values, plus neighbours that compete with it. */
function samplePaths(routes: ServerBuild["routes"]): string[] {
  const patternOf = (id: string | undefined): string[] =>
    id ? [...patternOf(routes[id]?.parentId), ...(routes[id]?.path ? [routes[id]!.path!] : [])] : [];
  const paths = new Set<string>(["/", "//", "/no/such/page", "/directory/print/extra", "/help/faq/", "/ADMIN", "/admin/members/x/y"]);
  for (const id of Object.keys(routes)) {
    const pattern = `/${patternOf(id).join("/")}`.replace(/\/{2,}/g, "/");
    for (const value of ["7f3c", "print", "faq", "new", "export.csv"]) {
      const sample = pattern.replace(/:[\w-]+/g, value).replace(/\*$/, "a/b");
      paths.add(sample);
      paths.add(`${sample}/`);
    }
  }
  return [...paths];
}

describe("the precompiled route matcher on the real route table", () => {
  it("picks the route Remix picks for every sample path", () => {
    const remixTree = tree(build.routes);
    const matchOf = routeMatcher(build.routes);
    const paths = samplePaths(build.routes);
    expect(paths.length).toBeGreaterThan(300);
    const disagreements = paths.flatMap((pathname) => {
      const remix = matchRoutes(remixTree, pathname)?.at(-1)?.route.id ?? null;
      const ours = matchOf(pathname)?.routeId ?? null;
      return remix === ours ? [] : [`${pathname}: Remix ${remix}, ours ${ours}`];
    });
    expect(disagreements).toEqual([]);
  });

  it("gives a branch build just the page's route and the routes above it, whose match is Remix's", () => {
    const branch = branchBuild(build, "routes/directory.$memberId");
    expect(Object.keys(branch.routes).sort()).toEqual(["root", "routes/directory.$memberId"]);
    expect(Object.keys(branch.assets.routes).sort()).toEqual(["root", "routes/directory.$memberId"]);
    const matched = matchRoutes(tree(branch.routes), "/directory/7f3c")?.map((match) => match.route.id);
    expect(matched).toEqual(matchRoutes(tree(build.routes), "/directory/7f3c")?.map((match) => match.route.id));
  });
});
