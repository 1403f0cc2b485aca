import type { ServerBuild } from "@remix-run/node";

/**
 * The route pattern a request path belongs to (`/directory/:memberId`), from
 * the Remix build's own route table, ranked the way Remix ranks routes. Logs
 * and metrics carry the pattern, never the path: a path holds ids (one time
 * series per member would swamp Prometheus) and, for some pages, words people
 * typed.
 *
 * Compiled once: Remix's `matchRoutes` flattens and ranks the whole table and
 * builds a regular expression per route on every call, which the benchmark's
 * profile showed at about 3 % of a page's CPU for the access log alone.
 * tests/unit/route-pattern.test.ts checks the answers against `matchRoutes`.
 */
export type RoutePatternOf = (pathname: string) => string | null;

type Manifest = ServerBuild["routes"];
type ManifestRoute = NonNullable<Manifest[string]>;

interface Branch {
  /** The id of the route the branch ends in (`routes/directory.$memberId`). */
  routeId: string;
  pattern: string;
  matcher: RegExp;
  score: number;
  order: number;
}

export function routePatterns(routes: Manifest): RoutePatternOf {
  const matchOf = routeMatcher(routes);
  return (pathname) => matchOf(pathname)?.pattern ?? null;
}

/** The route Remix would match for a path (its id and pattern), or null when none does. */
export function routeMatcher(routes: Manifest): (pathname: string) => { routeId: string; pattern: string } | null {
  const branches = routeBranches(routes).sort((a, b) => b.score - a.score || a.order - b.order);
  return (pathname) => {
    const path = decoded(pathname);
    return branches.find((branch) => branch.matcher.test(path)) ?? null;
  };
}

/** Every route Remix can match on its own: those with a path, and index routes (at their parent's). */
function routeBranches(routes: Manifest): Branch[] {
  const all = Object.values(routes).filter((route): route is ManifestRoute => Boolean(route));
  const byId = new Map(all.map((route) => [route.id, route]));
  const segmentsOf = (route: ManifestRoute | undefined): string[] =>
    route ? [...segmentsOf(route.parentId ? byId.get(route.parentId) : undefined), ...(route.path ? [route.path] : [])] : [];
  return all
    .filter((route) => route.path !== undefined || route.index)
    .map((route, order) => {
      const pattern = `/${segmentsOf(route).join("/")}`.replace(/\/{2,}/g, "/");
      return { routeId: route.id, pattern, matcher: matcherFor(pattern, route.caseSensitive === true), score: scoreOf(pattern, route.index === true), order };
    });
}

/** As Remix's matchPath: `:name` is one segment, a trailing `*` the rest, a trailing slash optional. */
function matcherFor(pattern: string, caseSensitive: boolean): RegExp {
  const splat = pattern.endsWith("*");
  const fixed = (splat ? pattern.slice(0, -1) : pattern).replace(/\/+$/, "");
  const source = fixed
    .split("/")
    .map((segment) => (/^:[\w-]+$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}${splat ? "(?:/.*)?" : "/*"}$`, caseSensitive ? undefined : "i");
}

/** Remix's ranking: static segments beat parameters, which beat a catch-all; an index route beats its layout. */
function scoreOf(pattern: string, index: boolean): number {
  const segments = pattern.split("/");
  let score = segments.length + (segments.includes("*") ? -2 : 0) + (index ? 2 : 0);
  for (const segment of segments.filter((s) => s !== "*")) score += /^:[\w-]+$/.test(segment) ? 3 : segment === "" ? 1 : 10;
  return score;
}

function decoded(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
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
