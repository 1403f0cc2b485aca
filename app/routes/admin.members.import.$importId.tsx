import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, useFormState, valueOf } from "~/components/form";
import { importResult } from "~/models/member-import/import.server";
import { checkMapping } from "~/models/member-import/map";
import { mappingView, type MappingView } from "~/models/member-import/preview.server";
import { IMPORT_TARGETS, type ImportTarget } from "~/models/member-import/targets";
import { cancelUpload, saveMapping } from "~/models/member-import/uploads.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { ImportSteps } from "~/components/import-steps";

export const meta: MetaFunction = () => [{ title: "Import members: columns · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminMembers"], help: "importing-members" };
export const headers = memberPageHeaders;

/**
 * Step 2 of an import: which column is which. The first guess comes from the
 * headers (Planning Center, ChurchCRM, English or Filipino); the administrator
 * checks it. An upload of another church, or one gone, is a 404.
 */
async function load(request: Request, importId: string | undefined) {
  const user = await requirePermission(request, "import:members");
  if (!user.churchId || !importId) throw new Response("Not found", { status: 404 });
  const view = await mappingView(user.churchId, importId);
  if (view) return { churchId: user.churchId, view };
  // Imported already: its result page says what happened.
  if (await importResult(user.churchId, importId)) throw redirect(`/admin/members/import/${importId}/result`);
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view } = await load(request, params.importId);
  return Response.json(view, { headers: memberPageHeaders() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { churchId, view } = await load(request, params.importId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "cancel") {
    await cancelUpload(churchId, view.importId);
    return redirect("/admin/members/import");
  }
  if (intent !== "map") throw new Response("Unknown action", { status: 400 });
  const mapping = view.columns.map((_, index) => String(form.get(`column-${index}`) ?? ""));
  const problems = checkMapping(mapping, view.columns.length);
  if (problems.length > 0) {
    const errors: Record<string, string[]> = {};
    for (const problem of problems) (errors[problem.column === null ? "form" : `column-${problem.column}`] ??= []).push(problem.messageKey);
    const values = Object.fromEntries(mapping.map((target, index) => [`column-${index}`, target]));
    return Response.json({ errors, values }, { status: 400, headers: memberPageHeaders() });
  }
  if (!(await saveMapping(churchId, view.importId, mapping as ImportTarget[]))) throw new Response("Not found", { status: 404 });
  return redirect(`/admin/members/import/${view.importId}/preview`);
}

export default function ImportMapping() {
  const view = useLoaderData<MappingView>();
  const state = useFormState();
  const { t } = useTranslation("adminMembers");
  return (
    <section aria-labelledby="map-title" className="mx-auto max-w-prose space-y-6">
      <h1 id="map-title" className="text-2xl font-bold">
        {t("map.title")}
      </h1>
      <ImportSteps current="map" />
      <p className="break-words">{t("map.file", { file: view.fileName, count: view.rowCount })}</p>
      <p>{t("map.intro")}</p>
      <form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="map" />
        <FormErrors state={state} />
        {view.columns.map((column, index) => {
          const name = `column-${index}`;
          const errors = state.errors?.[name];
          const describedBy = [column.samples.length ? `${name}-samples` : null, errors ? `${name}-error` : null].filter(Boolean).join(" ");
          return (
            <div key={name} className="space-y-1 rounded border border-stone-300 bg-white p-3">
              <label htmlFor={name} className="block font-semibold break-words">
                {column.header}
              </label>
              {column.samples.length ? (
                <p id={`${name}-samples`} className="text-sm break-words text-stone-700">
                  {t("map.samples", { samples: column.samples.join(" · ") })}
                </p>
              ) : null}
              <select
                id={name}
                name={name}
                defaultValue={valueOf(state, name, column.target)}
                aria-invalid={errors ? true : undefined}
                aria-describedby={describedBy || undefined}
                className="w-full rounded border border-stone-500 bg-white px-3 py-2"
              >
                {IMPORT_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {t(`targets.${target}`)}
                  </option>
                ))}
              </select>
              {errors ? (
                <p id={`${name}-error`} className="text-sm font-semibold text-red-800">
                  {errors.map((key) => t(key)).join(" ")}
                </p>
              ) : null}
            </div>
          );
        })}
        <button type="submit" className="button">
          {t("map.submit")}
        </button>
      </form>
      <form method="post">
        <input type="hidden" name="intent" value="cancel" />
        <button type="submit" className="link">
          {t("cancel")}
        </button>
      </form>
    </section>
  );
}
