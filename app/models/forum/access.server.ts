import { requirePermission, requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/models/users.server";

/**
 * Who may use the community forum: members (`post:forum`) and support staff
 * (`moderate:forum`), who answer questions and write announcements without
 * being a church's member. Everyone else gets the usual localized 403.
 */

export const isForumStaff = (user: CurrentUser) => can(user, "moderate:forum");

export const mayUseForum = (user: CurrentUser | null | undefined) =>
  Boolean(user && (can(user, "post:forum") || can(user, "moderate:forum")));

export async function requireForumUser(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (mayUseForum(user)) return user;
  // Throws the 403 (and writes the security log line) the rest of the app does.
  return requirePermission(request, "post:forum");
}

/** Someone else's post: the same plain 403 requirePermission answers, whatever id the form carried. */
export const notYourPost = () => new Response("Forbidden: this post is not yours", { status: 403 });
