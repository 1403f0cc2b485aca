import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField, useFormState, type FormState, ConfirmCheckbox } from "~/components/form";
import { PermissionChecklist, PermissionList, useRoleName } from "~/components/permission-checklist";
import { deleteRole, findRole, listAssignableRoles, roleForm, updateRole, type RoleDetail, type RoleOption } from "~/models/roles.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Role · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminRoles"], help: "managing-users-and-roles" };
export const headers = memberPageHeaders;

/** The role, if it is one this church's administrators may see; another church's is a 404. */
async function roleOr404(churchId: string, roleId: string | undefined) {
  const role = roleId ? await findRole(churchId, roleId) : null;
  if (!role) throw new Response("Not Found", { status: 404 });
  return role;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:roles");
  const role = await roleOr404(user.churchId!, params.roleId);
  const moveChoices = (await listAssignableRoles(user.churchId!)).filter((choice) => choice.id !== role.id);
  return Response.json({ role, moveChoices }, { headers: memberPageHeaders() });
}

/** A refusal for one of the page's two forms, with what the user sent kept. */
function answer(intent: string, field: string, message: string, form: FormData, status = 400) {
  return Response.json({ intent, errors: { [field]: [message] }, values: formValues(form) }, { status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:roles");
  const role = await roleOr404(user.churchId!, params.roleId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (role.builtIn) return answer(intent, "form", "adminRoles:errors.builtIn", form, 403);
  const actor = { id: user.id, churchId: user.churchId! };
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };

  if (intent === "update") {
    const result = parseForm(roleForm, form);
    if (!result.ok) return invalid(result, { intent });
    const outcome = await updateRole(actor, role.id, result.data, meta);
    if (!outcome.ok) {
      if (!("field" in outcome)) throw new Response("Not Found", { status: 404 });
      return answer(intent, outcome.field, outcome.message, form);
    }
    return redirect(`/admin/roles/${role.id}?done=saved`);
  }

  if (intent === "delete") {
    if (form.get("confirm") !== "yes") return answer(intent, "confirm", "adminRoles:errors.confirm", form);
    const moveTo = String(form.get("moveTo") ?? "") || null;
    const outcome = await deleteRole(actor, role.id, moveTo, meta);
    if (!outcome.ok) {
      if (!("field" in outcome)) throw new Response("Not Found", { status: 404 });
      return answer(intent, outcome.field, outcome.message, form);
    }
    return redirect("/admin/roles?done=deleted");
  }

  return answer(intent, "form", "forms:choose", form);
}

export default function RolePage() {
  const { role, moveChoices } = useLoaderData<{ role: RoleDetail; moveChoices: RoleOption[] }>();
  const { t } = useTranslation("adminRoles");
  const roleName = useRoleName();
  const posted = useFormState() as FormState & { intent?: string };
  // Each form shows only its own errors and input.
  const stateOf = (intent: string): FormState => (posted.intent === intent ? posted : {});
  const saved = useSearchParams()[0].get("done") === "saved";
  return (
    <section aria-labelledby="role-title" className="max-w-prose space-y-6">
      <p>
        <a className="link" href="/admin/roles">
          {t("back")}
        </a>
      </p>
      <h1 id="role-title" className="text-2xl font-bold break-words">
        {roleName(role)}
      </h1>
      {saved ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t("status.saved")}
        </p>
      ) : null}
      <p className="text-sm text-stone-700">
        {t(role.builtIn ? "kind.builtIn" : "kind.custom")} · {t("userCount", { count: role.userCount })}
      </p>
      {role.builtIn ? (
        <>
          <FormErrors state={posted} />
          <p>{t("builtInNote")}</p>
          <h2 className="text-xl font-semibold">{t("granted")}</h2>
          <PermissionList granted={role.permissions} />
        </>
      ) : (
        <>
          <EditForm role={role} state={stateOf("update")} />
          <DeleteForm role={role} moveChoices={moveChoices} state={stateOf("delete")} />
        </>
      )}
    </section>
  );
}

function EditForm({ role, state }: { role: RoleDetail; state: FormState }) {
  const { t } = useTranslation("adminRoles");
  return (
    <section aria-labelledby="edit-role" className="space-y-4">
      <h2 id="edit-role" className="text-xl font-semibold">
        {t("edit.title")}
      </h2>
      <form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="update" />
        <FormErrors state={state} />
        <TextField name="name" label={t("create.name")} state={state} defaultValue={role.name} required maxLength={60} />
        <PermissionChecklist state={state} granted={role.permissions} />
        <button type="submit" className="button">
          {t("edit.submit")}
        </button>
      </form>
    </section>
  );
}

function DeleteForm({ role, moveChoices, state }: { role: RoleDetail; moveChoices: RoleOption[]; state: FormState }) {
  const { t } = useTranslation("adminRoles");
  const roleName = useRoleName();
  const inUse = role.userCount > 0 || role.pendingInvitationCount > 0;
  const confirmError = state.errors?.confirm;
  return (
    <section aria-labelledby="delete-role" className="space-y-4 rounded border border-red-800 bg-white p-3">
      <h2 id="delete-role" className="text-xl font-semibold">
        {t("delete.title")}
      </h2>
      <form method="post" className="space-y-4">
        <input type="hidden" name="intent" value="delete" />
        <FormErrors state={state} />
        {inUse ? (
          <>
            <p>
              {t("delete.holders", { count: role.userCount })} {t("delete.invitations", { count: role.pendingInvitationCount })}{" "}
              {t("delete.inUse")}
            </p>
            <SelectField
              name="moveTo"
              label={t("delete.moveTo")}
              state={state}
              required
              options={[
                { value: "", label: "—" },
                ...moveChoices.map((choice) => ({ value: choice.id, label: roleName(choice) })),
              ]}
            />
          </>
        ) : (
          <p>{t("delete.unused")}</p>
        )}
        <ConfirmCheckbox label={t("delete.confirm", { name: role.name })} errors={confirmError} />
        <button type="submit" className="button bg-red-800 hover:bg-red-900">
          {t("delete.submit")}
        </button>
      </form>
    </section>
  );
}
