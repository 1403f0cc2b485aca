import { redirect } from "@remix-run/node";
import type { CurrentUser } from "~/models/users.server";
import { logSecurityEvent } from "~/utils/security-log.server";
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
    // The path without its query: a search may hold a name.
    const path = new URL(request.url).pathname;
    logSecurityEvent("permission_denied", { permission, path, userId: user.id, churchId: user.churchId }, "permission denied");
    throw new Response(`Forbidden: this needs the permission ${permission}`, { status: 403 });
  }
  return user;
}

/**
 * The permission, then the record the URL names: `find` returns it, or null
 * for an unknown id (or one this page does not serve), which is a plain 404.
 */
export async function requireRecord<T>(
  request: Request,
  permission: Permission,
  find: () => Promise<T | null | undefined> | T | null | undefined,
): Promise<{ user: CurrentUser; record: T }> {
  const user = await requirePermission(request, permission);
  const record = await find();
  if (record === null || record === undefined) throw new Response("Not Found", { status: 404 });
  return { user, record };
}
