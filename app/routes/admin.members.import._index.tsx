import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { useFormState } from "~/components/form";
import { ImportSteps } from "~/components/import-steps";
import { readCsvFile } from "~/models/member-import/parse.server";
import { MAX_DATA_ROWS, MAX_FILE_BYTES } from "~/models/member-import/targets";
import { storeUpload } from "~/models/member-import/uploads.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Import members · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminMembers"], help: "importing-members" };
export const headers = memberPageHeaders;

/**
 * Step 1 of an import: upload a CSV file. The file is read here (encoding,
 * delimiter, rows) and kept server-side for the next steps; anything wrong
 * with it is said on this page, never as an error page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import:members");
  return Response.json({}, { headers: memberPageHeaders() });
}

const refuse = (messageKey: string, params: Record<string, string | number> = {}, status = 400) =>
  Response.json({ errors: { file: [messageKey] }, params }, { status, headers: memberPageHeaders() });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:members");
  if (!user.churchId) throw new Response("Forbidden: no church", { status: 403 });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse("adminMembers:upload.errors.tooBig", { mb: MAX_FILE_BYTES / 1_000_000 }, 413);
    // Not a multipart upload at all (a hand-made request), or a broken one.
    return refuse("adminMembers:upload.errors.noFile");
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) {
    return refuse(file instanceof Blob && fileName(file) ? "adminMembers:upload.errors.empty" : "adminMembers:upload.errors.noFile");
  }
  const read = readCsvFile(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) {
    return refuse(`adminMembers:upload.errors.${read.reason}`, { max: MAX_DATA_ROWS.toLocaleString("en"), line: read.line ?? "?" });
  }
  const importId = await storeUpload({ id: user.id, churchId: user.churchId }, { fileName: fileName(file) || "members.csv", text: read.text });
  return redirect(`/admin/members/import/${importId}`);
}

const fileName = (file: Blob) => ("name" in file && typeof file.name === "string" ? file.name : "");

export default function ImportUpload() {
  const state = useFormState() as ReturnType<typeof useFormState> & { params?: Record<string, string | number> };
  const { t } = useTranslation("adminMembers");
  const errors = state.errors?.file;
  return (
    <section aria-labelledby="import-title" className="mx-auto max-w-prose space-y-6">
      <p>
        <a className="link" href="/admin/members">
          {t("member.back")}
        </a>
      </p>
      <h1 id="import-title" className="text-2xl font-bold">
        {t("upload.title")}
      </h1>
      <ImportSteps current="upload" />
      <p>{t("upload.intro")}</p>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li>{t("upload.formats")}</li>
        <li>{t("upload.sources")}</li>
        <li>{t("upload.limits", { mb: MAX_FILE_BYTES / 1_000_000, max: MAX_DATA_ROWS.toLocaleString("en") })}</li>
      </ul>
      <form method="post" encType="multipart/form-data" className="space-y-4">
        {errors ? (
          <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
            <p id="file-error" className="font-semibold">
              {errors.map((key) => t(key, state.params ?? {})).join(" ")}
            </p>
          </div>
        ) : null}
        <div className="space-y-1">
          <label htmlFor="file" className="block font-semibold">
            {t("upload.file")}
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            required
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? "file-error" : undefined}
            className="block w-full max-w-full text-sm"
          />
        </div>
        <button type="submit" className="button">
          {t("upload.submit")}
        </button>
      </form>
    </section>
  );
}
