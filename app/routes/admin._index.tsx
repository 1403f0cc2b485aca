import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";

/** /admin opens the first section this administrator may use. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (can(user, "manage:users")) throw redirect("/admin/users");
  if (can(user, "manage:members")) throw redirect("/admin/members");
  if (can(user, "manage:roles")) throw redirect("/admin/roles");
  if (can(user, "manage:groups") || can(user, "manage:roster:group")) throw redirect("/admin/groups");
  if (can(user, "view:audit")) throw redirect("/admin/audit");
  throw new Response("Forbidden", { status: 403 });
}
