import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { ConfirmCheckbox, FormErrors, useFormState, valueOf } from "~/components/form";
import { eraseMember, eraseSchema } from "~/models/erasure.server";
import { adminViewerFor, findMember } from "~/models/members-admin.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Erase member · Kapatiran" }];
export const handle = {
  i18n: ["common", "forms", "admin", "adminMembers", "adminRequests"],
  help: "managing-member-records",
};
export const headers = memberPageHeaders;

/** The administrator and the member as the privacy policy lets them see it; 404 for removed or another church's. */
async function load(request: Request, memberId: string | undefined) {
  const user = await requirePermission(request, "manage:members");
  const viewer = await adminViewerFor(user);
  const detail = memberId ? await findMember(viewer, memberId) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  return { user, detail };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { detail } = await load(request, params.memberId);
  return Response.json(
    { member: { id: detail.member.id, name: detail.member.name, nameHidden: detail.access.name === "hidden" } },
    { headers: memberPageHeaders() }
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, detail } = await load(request, params.memberId);
  const form = await request.formData();
  const result = parseForm(eraseSchema, form);
  if (!result.ok) return invalid(result);
  const outcome = await eraseMember(user, detail.member.id, result.data.reason, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  if (!outcome.ok) {
    if (outcome.status === 404) throw new Response("Not found", { status: 404 });
    return Response.json({ errors: { [outcome.field]: [outcome.message] }, values: formValues(form) }, { status: 400 });
  }
  return redirect("/admin/members?erased=1");
}

export default function EraseMember() {
  const { member } = useLoaderData<{ member: { id: string; name: string | null; nameHidden: boolean } }>();
  const state = useFormState();
  const { t } = useTranslation("adminRequests");
  const name = member.name ?? (member.nameHidden ? t("adminMembers:hiddenName") : t("adminMembers:withheldName"));
  const errors = state.errors?.reason;
  return (
    <section aria-labelledby="erase-title" className="mx-auto max-w-prose space-y-6">
      <p>
        <a className="link" href={`/admin/members/${member.id}`}>
          {t("erase.back")}
        </a>
      </p>
      <h1 id="erase-title" className="text-2xl font-bold break-words">
        {t("erase.title")}
      </h1>
      <p>{t("erase.intro", { name })}</p>
      <form method="post" className="space-y-3 rounded border border-red-800 p-4">
        <FormErrors state={state} />
        <div className="space-y-1">
          <label htmlFor="field-reason" className="block font-semibold">
            {t("erase.reason")}
          </label>
          <textarea
            id="field-reason"
            name="reason"
            rows={3}
            maxLength={2000}
            required
            defaultValue={valueOf(state, "reason")}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? "field-reason-error" : undefined}
            className="block w-full rounded border border-stone-500 p-2"
          />
          {errors ? (
            <p id="field-reason-error" className="text-sm font-semibold text-red-800">
              {errors.map((key) => t(key)).join(" ")}
            </p>
          ) : null}
        </div>
        <ConfirmCheckbox label={t("erase.confirm")} errors={state.errors?.confirm} />
        <button type="submit" className="button bg-red-800 hover:bg-red-900">
          {t("erase.submit")}
        </button>
      </form>
    </section>
  );
}
