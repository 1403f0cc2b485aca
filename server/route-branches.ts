import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import { routeMatcher } from "../app/ops/route-pattern.server";

/**
 * Each request goes to a Remix handler made for its own branch of routes —
 * root, any layouts, the page — instead of one handler for all 80 routes.
 *
 * Why: Remix flattens and ranks the whole route table on every request, once
 * to find the routes and again in its data router and its renderer, and builds
 * a regular expression per route each time: about a seventh of a directory
 * page's CPU in the benchmark's profile, where a one-route naive app pays
 * nothing. Given a branch, Remix matches, loads and renders exactly as it would
 * with the whole table, because the branch is the match.
 *
 * The branch is found with the precompiled matcher the access log uses
 * (app/ops/route-pattern.server.ts: Remix's own ranking, tested against
 * `matchRoutes` on the real route table in tests/integration/route-branches.test.ts).
 * Requests only Remix's whole table can answer — its route manifest for lazy
 * route discovery, and data requests — and paths no route matches go to the
 * handler of the whole build.
 */
export function byRouteBranch(build: ServerBuild, handlerFor: (build: ServerBuild) => RequestHandler): RequestHandler {
  const whole = handlerFor(build);
  const matchOf = routeMatcher(build.routes);
  const handlers = new Map<string, RequestHandler>();
  return (req, res, next) => {
    if (req.path === "/__manifest" || req.path.endsWith(".data")) return whole(req, res, next);
    const routeId = matchOf(req.path)?.routeId;
    if (!routeId) return whole(req, res, next);
    let handler = handlers.get(routeId);
    if (!handler) {
      handler = handlerFor(branchBuild(build, routeId));
      handlers.set(routeId, handler);
    }
    return handler(req, res, next);
  };
}

/** The build with only `routeId` and the routes above it. */
export function branchBuild(build: ServerBuild, routeId: string): ServerBuild {
  const ids = new Set<string>();
  for (let id: string | undefined = routeId; id !== undefined; id = build.routes[id]?.parentId) ids.add(id);
  const only = <T,>(all: Record<string, T>) => Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id)));
  return { ...build, routes: only(build.routes), assets: { ...build.assets, routes: only(build.assets.routes) } };
}
