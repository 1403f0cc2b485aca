import { matchRoutes } from "@remix-run/react";
import type { ServerBuild } from "@remix-run/node";

/**
 * The route pattern a request path belongs to (`/directory/:memberId`), from
 * the Remix build's own route table, matched the way Remix matches. Logs and
 * metrics carry the pattern, never the path: a path holds ids (one time series
 * per member would swamp Prometheus) and, for some pages, words people typed.
 */
export type RoutePatternOf = (pathname: string) => string | null;

type Manifest = ServerBuild["routes"];
type RouteObject = Parameters<typeof matchRoutes>[0][number];

export function routePatterns(routes: Manifest): RoutePatternOf {
  const tree = routeTree(routes);
  return (pathname) => {
    const matches = matchRoutes(tree, pathname);
    if (!matches) return null;
    const segments = matches.map((match) => match.route.path).filter((path): path is string => Boolean(path));
    return `/${segments.join("/")}`.replace(/\/{2,}/g, "/");
  };
}

/** The flat manifest (each route names its parent) as the nested tree matchRoutes wants. */
function routeTree(routes: Manifest, parentId?: string): RouteObject[] {
  return Object.values(routes)
    .filter((route) => route?.parentId === parentId)
    .map((route) =>
      route!.index
        ? { id: route!.id, index: true, path: route!.path, caseSensitive: route!.caseSensitive }
        : {
            id: route!.id,
            path: route!.path,
            caseSensitive: route!.caseSensitive,
            children: routeTree(routes, route!.id),
          },
    );
}

/**
 * What the access log and the per-route metrics call a request: Express's own
 * answers first (the sign-in provider, fingerprinted assets), then the Remix
 * route pattern; a file from public/ that Remix never saw is `static`, and
 * anything else `unmatched`.
 */
export function routeLabel(pathname: string, options: { patternOf: RoutePatternOf; reachedRemix: boolean }): string {
  if (pathname === "/oidc" || pathname.startsWith("/oidc/")) return "oidc";
  if (pathname.startsWith("/build/")) return "static";
  const pattern = options.patternOf(pathname);
  if (options.reachedRemix) return pattern ?? "unmatched";
  // Served by express.static, or answered before Remix (a rate limit): name the
  // route when it is a real one, not the catch-all.
  return pattern && !pattern.endsWith("*") ? pattern : "static";
}
