import { redirect } from "@remix-run/node";
import type { CurrentUser } from "~/models/users.server";
import { can, type Permission, type Resource } from "./permissions";
import { currentUser } from "./session.server";

/**
 * The signed-in user, or a redirect to sign-in that comes back here after.
 * Every loader and action that needs a user starts with this (or with
 * requirePermission).
 */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await currentUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/auth/login?${new URLSearchParams({ redirectTo: back })}`);
}

/** The signed-in user, if allowed; otherwise a 403 that the root error page shows, localized. */
export async function requirePermission(
  request: Request,
  permission: Permission,
  resource?: Resource,
): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user, permission, resource)) {
    throw new Response(`Forbidden: this needs the permission ${permission}`, { status: 403 });
  }
  return user;
}
