/**
 * Which part of Kapatiran a route belongs to, for the feature-use counter:
 * the first segment of its pattern, folded into the areas a product owner
 * asks about. Probes and static files are no feature (null).
 */
export const FEATURE_AREAS = [
  "directory",
  "admin",
  "help",
  "support",
  "me",
  "privacy",
  "platform",
  "forum",
  "auth",
  "other",
] as const;
export type FeatureArea = (typeof FEATURE_AREAS)[number];

const BY_SEGMENT: Record<string, FeatureArea> = {
  directory: "directory",
  photos: "directory",
  admin: "admin",
  help: "help",
  support: "support",
  // Support staff answer tickets and edit help articles from /staff.
  staff: "support",
  me: "me",
  privacy: "privacy",
  cookies: "privacy",
  platform: "platform",
  forum: "forum",
  auth: "auth",
  oidc: "auth",
  invitations: "auth",
};

// Probes, files, translations and 404s (route-pattern.server.ts names them `static` and `unmatched`).
const NOT_A_FEATURE = new Set(["healthz", "readyz", "metrics", "static", "unmatched", "build", "locales"]);

export function featureArea(route: string): FeatureArea | null {
  const segment = route.split("/").find((part) => part !== "") ?? "";
  if (NOT_A_FEATURE.has(segment)) return null;
  return BY_SEGMENT[segment] ?? "other";
}
