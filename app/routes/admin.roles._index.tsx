import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState } from "~/components/form";
import { PermissionChecklist, useRoleName } from "~/components/permission-checklist";
import { createRole, listRolesWithCounts, roleForm, type RoleSummary } from "~/models/roles.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Roles · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminRoles"], help: "managing-users-and-roles" };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:roles");
  const roles = await listRolesWithCounts(user.churchId!);
  return Response.json({ roles }, { headers: memberPageHeaders() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:roles");
  const form = await request.formData();
  const result = parseForm(roleForm, form);
  if (!result.ok) return invalid(result);
  const outcome = await createRole({ id: user.id, churchId: user.churchId! }, result.data, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  if (!outcome.ok) {
    if (!("field" in outcome)) throw new Response("Not Found", { status: 404 });
    return Response.json({ errors: { [outcome.field]: [outcome.message] }, values: formValues(form) }, { status: 400 });
  }
  return redirect("/admin/roles?done=created");
}

export default function Roles() {
  const { roles } = useLoaderData<{ roles: RoleSummary[] }>();
  const { t } = useTranslation("adminRoles");
  const state = useFormState();
  const roleName = useRoleName();
  const done = useSearchParams()[0].get("done");
  return (
    <section aria-labelledby="roles-title" className="space-y-6">
      <h1 id="roles-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      {done === "created" || done === "deleted" ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t(`status.${done}`)}
        </p>
      ) : null}
      <p className="max-w-prose text-stone-800">{t("intro")}</p>
      <ul aria-label={t("listLabel")} className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
        {roles.map((role) => (
          <li key={role.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-3 py-2">
            <a className="link font-semibold" href={`/admin/roles/${role.id}`}>
              {roleName(role)}
            </a>
            <span className="text-sm text-stone-700">
              {t(role.builtIn ? "kind.builtIn" : "kind.custom")} · {t("userCount", { count: role.userCount })} ·{" "}
              {t("permissionCount", { count: role.permissions.length })}
            </span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-role" className="max-w-prose space-y-4">
        <h2 id="add-role" className="text-xl font-semibold">
          {t("create.title")}
        </h2>
        <form method="post" className="space-y-4" noValidate>
          <FormErrors state={state} />
          <TextField name="name" label={t("create.name")} hint={t("create.nameHint")} state={state} required maxLength={60} />
          <PermissionChecklist state={state} />
          <button type="submit" className="button">
            {t("create.submit")}
          </button>
        </form>
      </section>
    </section>
  );
}
