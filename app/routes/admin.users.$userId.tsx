import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, useFormState } from "~/components/form";
import { listAssignableRoles } from "~/models/roles.server";
import {
  AdminRefusal,
  changeUserRole,
  findChurchUser,
  type RoleLabel,
  type UserDetail,
} from "~/models/user-admin.server";
import { deactivateUser, reactivateUser } from "~/models/user-status.server";
import { fields, formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "User · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminUsers"], help: "managing-users-and-roles" };
export const headers = memberPageHeaders;

/**
 * One account of the admin's church. Another church's user id is a plain 404,
 * for reading and for every change: the page never says such a user exists.
 */
async function load(request: Request, userId: string | undefined) {
  const admin = await requirePermission(request, "manage:users");
  if (!admin.churchId) throw new Response("Forbidden", { status: 403 });
  const user = userId ? await findChurchUser(admin.churchId, userId) : null;
  if (!user) throw new Response("Not found", { status: 404 });
  return { admin: { id: admin.id, churchId: admin.churchId, permissions: admin.permissions }, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, user } = await load(request, params.userId);
  const roles = await listAssignableRoles(admin.churchId);
  return Response.json({ user, roles, yourself: user.id === admin.id }, { headers: memberPageHeaders() });
}

const roleSchema = z.object({ roleId: fields.uuid });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, user } = await load(request, params.userId);
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "role") {
      const result = parseForm(roleSchema, form);
      if (!result.ok) return invalid(result);
      const changed = await changeUserRole(admin, user.id, result.data.roleId, meta);
      return notice(changed ? "roleChanged" : "roleUnchanged");
    }
    if (intent === "deactivate") {
      await deactivateUser(admin, user.id, meta, { enforceAdminRules: true });
      return notice("deactivated");
    }
    if (intent === "reactivate") {
      await reactivateUser(admin, user.id, meta);
      return notice("reactivated");
    }
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    if (error.status === 404) throw new Response("Not found", { status: 404 });
    return Response.json({ errors: { [error.field]: [error.messageKey] }, values: formValues(form) }, { status: 400 });
  }
  throw new Response("Unknown action", { status: 400 });
}

const notice = (key: string) => Response.json({ notice: key }, { headers: memberPageHeaders() });

interface LoaderData {
  user: UserDetail;
  roles: Awaited<ReturnType<typeof listAssignableRoles>>;
  yourself: boolean;
}

export default function AdminUser() {
  const { user, roles, yourself } = useLoaderData<LoaderData>();
  const done = (useActionData() as { notice?: string } | undefined)?.notice;
  const state = useFormState();
  const { t } = useTranslation("adminUsers");
  const roleName = (role: RoleLabel) => (role.builtIn ? t(`roles.${role.key}`) : role.name);
  return (
    <section aria-labelledby="user-title" className="mx-auto max-w-prose space-y-6">
      <p>
        <a className="link" href="/admin/users">
          {t("user.back")}
        </a>
      </p>
      <h1 id="user-title" className="text-2xl font-bold break-words">
        {user.displayName}
      </h1>
      {done ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t(`notices.${done}`)}
        </p>
      ) : null}
      {/* The role field shows its own error; any other refusal is listed here. */}
      {state.errors && !state.errors.roleId ? <FormErrors state={state} /> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold">{t("user.email")}</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-semibold">{t("user.role")}</dt>
        <dd>{roleName(user.role)}</dd>
        <dt className="font-semibold">{t("user.status")}</dt>
        <dd>{t(`status.${user.status}`)}</dd>
        <dt className="font-semibold">{t("user.lastSignIn")}</dt>
        <dd>{user.lastSignIn ?? t("list.never")}</dd>
      </dl>
      {yourself ? <p className="rounded border border-stone-400 bg-stone-100 p-3">{t("user.yourself")}</p> : null}

      <form method="post" className="space-y-3">
        <h2 className="text-lg font-semibold">{t("user.changeRole.title")}</h2>
        <input type="hidden" name="intent" value="role" />
        {state.errors?.roleId ? <FormErrors state={state} /> : null}
        <SelectField
          name="roleId"
          label={t("user.changeRole.label")}
          state={state}
          defaultValue={user.roleId}
          options={roles.map((role) => ({ value: role.id, label: roleName(role) }))}
        />
        <button type="submit" className="button">
          {t("user.changeRole.submit")}
        </button>
      </form>

      <form method="post" className="space-y-3">
        <h2 className="text-lg font-semibold">{t("user.access.title")}</h2>
        {user.status === "active" ? (
          <>
            <p>{t("user.access.deactivateBody")}</p>
            <input type="hidden" name="intent" value="deactivate" />
            <button type="submit" className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">
              {t("user.access.deactivate")}
            </button>
          </>
        ) : (
          <>
            <p>{t("user.access.reactivateBody")}</p>
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="button">
              {t("user.access.reactivate")}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
