import type { RoleName } from "~/db/schema.server";

/** Where a user lands after signing in when no page asked for them. */
export function homeFor(role: RoleName): string {
  return role === "support_staff" || role === "platform_admin" ? "/me" : "/directory";
}
