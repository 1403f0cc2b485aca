import type { HelpStatus } from "~/db/schema.server";

/**
 * Rules of help content that pages and the server share (no server code
 * here, so route components may import it): the category keys, how long a
 * title and text may be, what a slug looks like and where a status may go.
 */

export const HELP_CATEGORIES = [
  "getting-started",
  "directory",
  "privacy",
  "administration",
  "support",
  "staff",
  "faq",
  // The privacy policy: edited here like any article, shown at /privacy, not in the help center.
  "policy",
] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number];

/** Where a category sorts: in HELP_CATEGORIES order, anything unknown after them. */
export function categoryRank(key: string): number {
  const at = (HELP_CATEGORIES as readonly string[]).indexOf(key);
  return at === -1 ? HELP_CATEGORIES.length : at;
}

export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;
export const SLUG_MAX = 80;
/** Lowercase words of letters and digits joined by single hyphens: `choosing-who-sees-your-details`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Where an article may go from each status: draft → published → archived,
 * and back to draft from either. An archived article goes through draft
 * before it is published again, so nobody republishes old text by accident.
 */
export const NEXT_STATUSES: Record<HelpStatus, readonly HelpStatus[]> = {
  draft: ["draft", "published", "archived"],
  published: ["published", "archived", "draft"],
  archived: ["archived", "draft"],
};
