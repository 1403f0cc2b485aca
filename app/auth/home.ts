import { can, type Actor } from "./permissions";

/** Where a user lands after signing in when no page asked for them. */
export function homeFor(user: Actor): string {
  if (can(user, "view:directory")) return "/directory";
  return "/me";
}
