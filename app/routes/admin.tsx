import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { can, type Permission } from "~/auth/permissions";
import { memberPageHeaders } from "~/utils/http-headers";

export const handle = { i18n: ["common", "forms", "admin"], help: "administrator-guide" };
export const headers = memberPageHeaders;

/**
 * Each section and the permissions that open it (any one of them); the menu
 * shows only what will open. Group leaders open Groups for the groups they lead.
 */
const SECTIONS: { path: string; key: string; permissions: Permission[] }[] = [
  { path: "/admin/users", key: "users", permissions: ["manage:users"] },
  { path: "/admin/roles", key: "roles", permissions: ["manage:roles"] },
  { path: "/admin/members", key: "members", permissions: ["manage:members"] },
  { path: "/admin/groups", key: "groups", permissions: ["manage:groups", "manage:roster:group"] },
  { path: "/admin/audit", key: "audit", permissions: ["view:audit"] },
  { path: "/admin/requests", key: "requests", permissions: ["manage:requests"] },
  { path: "/admin/compliance", key: "compliance", permissions: ["manage:requests"] },
  { path: "/admin/settings", key: "settings", permissions: ["manage:settings"] },
];

/**
 * The frame of the administration pages. Each page checks its own permission
 * in its loader and action; this only builds the menu (and keeps out anyone
 * who may open none of them).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sections = SECTIONS.filter((section) => section.permissions.some((permission) => can(user, permission))).map(
    ({ path, key }) => ({ path, key }),
  );
  if (sections.length === 0) throw new Response("Forbidden", { status: 403 });
  return Response.json({ sections }, { headers: memberPageHeaders() });
}

export default function AdminLayout() {
  const { sections } = useLoaderData<{ sections: { path: string; key: string }[] }>();
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-4">
      <nav aria-label={t("nav.label")} className="border-b border-stone-300 pb-2">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {sections.map((section) => (
            <li key={section.key}>
              <NavLink
                to={section.path}
                className={({ isActive }) => (isActive ? "font-bold text-teal-950 underline" : "link")}
              >
                {t(`nav.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
