import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, useFormState } from "~/components/form";
import { ImportSteps } from "~/components/import-steps";
import { importMembers, importResult } from "~/models/member-import/import.server";
import { previewImport, type ImportPreview, type PreviewRow } from "~/models/member-import/preview.server";
import { cancelUpload, findUpload } from "~/models/member-import/uploads.server";
import { adminViewerFor } from "~/models/members-admin.server";
import { formValues } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Import members: preview · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "me", "adminMembers"], help: "importing-members" };
export const headers = memberPageHeaders;

/**
 * Step 3: the rows as they would be imported, every row with a problem, every
 * row that is a member already; then the import itself, all or nothing.
 */
async function load(request: Request, importId: string | undefined) {
  const user = await requirePermission(request, "import:members");
  const viewer = await adminViewerFor(user);
  if (!importId) throw new Response("Not found", { status: 404 });
  return { viewer, importId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, importId } = await load(request, params.importId);
  const outcome = await previewImport(viewer, importId);
  if (outcome.ok) return Response.json(outcome.preview, { headers: memberPageHeaders() });
  if (outcome.reason === "unmapped") throw redirect(`/admin/members/import/${importId}`);
  return goneOrNotFound(viewer.churchId, importId);
}

/**
 * The upload is not there: imported already (a second click on Import waits
 * for the first, then lands here) — show its result; otherwise, another
 * church's or an expired upload, a plain 404.
 */
async function goneOrNotFound(churchId: string, importId: string): Promise<never> {
  if (await importResult(churchId, importId)) throw redirect(`/admin/members/import/${importId}/result`);
  throw new Response("Not found", { status: 404 });
}

const failure = (key: string, form: FormData, status: number) =>
  Response.json({ errors: { form: [key] }, values: formValues(form) }, { status, headers: memberPageHeaders() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, importId } = await load(request, params.importId);
  if (!(await findUpload(viewer.churchId, importId))) await goneOrNotFound(viewer.churchId, importId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "cancel") {
    await cancelUpload(viewer.churchId, importId);
    return redirect("/admin/members/import");
  }
  if (intent !== "import") throw new Response("Unknown action", { status: 400 });
  const duplicates = form.get("duplicates") ?? "skip";
  if (duplicates !== "skip" && duplicates !== "merge") return failure("forms:choose", form, 400);
  let outcome: Awaited<ReturnType<typeof importMembers>>;
  try {
    outcome = await importMembers(viewer, importId, { duplicates, skipInvalid: form.get("skipInvalid") === "on" }, {
      requestId: context.requestId,
      ipAddress: context.clientIp,
    });
  } catch (error) {
    // The transaction rolled back: nothing of this file is in. Say so on the page, and keep the file for another try.
    // Only the database's reason goes to the log: the failed query's parameters are members' details.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    context.logger.error({ importId, reason }, "member import failed and was rolled back");
    return failure("adminMembers:preview.errors.failed", form, 500);
  }
  if (outcome.ok) return redirect(`/admin/members/import/${importId}/result`);
  if (outcome.reason === "notFound") return goneOrNotFound(viewer.churchId, importId);
  if (outcome.reason === "unmapped") return redirect(`/admin/members/import/${importId}`);
  return failure(outcome.reason === "invalid" ? "adminMembers:preview.errors.invalid" : `adminMembers:upload.errors.${outcome.reason}`, form, 400);
}

export default function ImportPreviewPage() {
  const preview = useLoaderData<ImportPreview>();
  const state = useFormState();
  const { t } = useTranslation("adminMembers");
  return (
    <section aria-labelledby="preview-title" className="mx-auto max-w-3xl space-y-6">
      <h1 id="preview-title" className="text-2xl font-bold">
        {t("preview.title")}
      </h1>
      <ImportSteps current="preview" />
      <p className="break-words">{t("map.file", { file: preview.fileName, count: preview.rowCount })}</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t("preview.summary.new", { count: preview.newMembers })}</li>
        <li>{t("preview.summary.duplicates", { count: preview.duplicates.length })}</li>
        <li className={preview.invalidRows ? "font-semibold text-red-800" : undefined}>{t("preview.summary.invalid", { count: preview.invalidRows })}</li>
        {preview.newHouseholds ? <li>{t("preview.summary.households", { count: preview.newHouseholds })}</li> : null}
      </ul>
      <FormErrors state={state} />
      <Problems preview={preview} />
      <Duplicates preview={preview} />
      <ImportForm preview={preview} />
      <FirstRows rows={preview.rows} />
      <p>
        <a className="link" href={`/admin/members/import/${preview.importId}`}>
          {t("preview.changeColumns")}
        </a>
      </p>
      <form method="post">
        <input type="hidden" name="intent" value="cancel" />
        <button type="submit" className="link">
          {t("cancel")}
        </button>
      </form>
    </section>
  );
}

function Problems({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation("adminMembers");
  if (preview.problems.length === 0) return null;
  return (
    <div className="space-y-2">
      <h2 className="text-lg font-semibold">{t("preview.problemsTitle", { count: preview.invalidRows })}</h2>
      <p>{t("preview.problemsBody")}</p>
      <ul aria-label={t("preview.problemsTitle", { count: preview.invalidRows })} className="divide-y divide-stone-200 rounded border border-red-800 bg-white">
        {preview.problems.map((problem, index) => (
          <li key={index} className="px-3 py-2 break-words">
            <span className="font-semibold">{t("preview.rowNumber", { row: problem.row })}</span>
            {" · "}
            {problem.column ? `${problem.column}: ` : null}
            {t(problem.messageKey, problem.params ?? {})}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Duplicates({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation("adminMembers");
  if (preview.duplicates.length === 0) return null;
  return (
    <div className="space-y-2">
      <h2 className="text-lg font-semibold">{t("preview.duplicatesTitle", { count: preview.duplicates.length })}</h2>
      <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
        {preview.duplicates.map((duplicate) => (
          <li key={duplicate.row} className="px-3 py-2 break-words">
            <span className="font-semibold">{t("preview.rowNumber", { row: duplicate.row })}</span>
            {" · "}
            {t(`preview.matchedBy.${duplicate.by}`)}{" "}
            <a className="link" href={`/admin/members/${duplicate.memberId}`}>
              {duplicate.name ?? t("hiddenName")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ImportForm({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation("adminMembers");
  const state = useFormState();
  const chosen = typeof state.values?.duplicates === "string" ? state.values.duplicates : "skip";
  return (
    <form method="post" className="space-y-4 rounded border border-stone-300 bg-white p-3">
      <h2 className="text-lg font-semibold">{t("preview.importTitle")}</h2>
      <input type="hidden" name="intent" value="import" />
      {preview.duplicates.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="font-semibold">{t("preview.duplicatesChoice")}</legend>
          {(["skip", "merge"] as const).map((choice) => (
            <div key={choice} className="flex items-start gap-2">
              <input id={`duplicates-${choice}`} type="radio" name="duplicates" value={choice} defaultChecked={chosen === choice} className="mt-1 h-5 w-5" />
              <label htmlFor={`duplicates-${choice}`}>{t(`preview.duplicates.${choice}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {preview.invalidRows > 0 ? (
        <div className="flex items-start gap-2">
          <input id="skip-invalid" type="checkbox" name="skipInvalid" defaultChecked={state.values?.skipInvalid === "on"} className="mt-1 h-5 w-5" />
          <label htmlFor="skip-invalid">{t("preview.skipInvalid", { count: preview.invalidRows })}</label>
        </div>
      ) : null}
      <p className="text-sm text-stone-700">{t("preview.importHint")}</p>
      <button type="submit" className="button">
        {t("preview.importSubmit")}
      </button>
    </form>
  );
}

function FirstRows({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation("adminMembers");
  const status = (row: PreviewRow) => (row.invalid ? "invalid" : row.duplicate ? "duplicate" : "new");
  return (
    <div className="space-y-2">
      <h2 className="text-lg font-semibold">{t("preview.firstRows", { count: rows.length })}</h2>
      <ol className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {rows.map((row) => (
          <li key={row.row} className={`space-y-1 rounded border bg-white p-3 ${row.invalid ? "border-red-800" : "border-stone-300"}`}>
            <p className="flex flex-wrap justify-between gap-2">
              <span className="font-semibold">{t("preview.rowNumber", { row: row.row })}</span>
              <span className={row.invalid ? "font-semibold text-red-800" : "text-stone-700"}>{t(`preview.status.${status(row)}`)}</span>
            </p>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
              <dt className="text-stone-700">{t("fields.name")}</dt>
              <dd className="break-words">{`${row.member.givenName} ${row.member.familyName}`.trim() || "—"}</dd>
              {(["email", "phone", "address", "birthday"] as const).map((field) =>
                row.member[field] ? (
                  <Field key={field} label={t(`fields.${field}`)} value={row.member[field]!} />
                ) : null,
              )}
              {row.member.household ? (
                <Field label={t("fields.household")} value={`${row.member.household} (${t(`preview.household.${row.householdStatus ?? "new"}`)})`} />
              ) : null}
              {row.member.groupNames.length ? <Field label={t("fields.groups")} value={row.member.groupNames.join(", ")} /> : null}
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="text-stone-700">{label}</dt>
      <dd className="break-words">{value}</dd>
    </>
  );
}
