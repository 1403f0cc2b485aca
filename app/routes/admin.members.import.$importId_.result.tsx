import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { importResult, type ImportCounts } from "~/models/member-import/import.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Import members: done · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminMembers"], help: "importing-members" };
export const headers = memberPageHeaders;

/**
 * What an import did, read back from its audit entry (the uploaded file is
 * gone by then). Another church's import id is a 404 like any unknown one.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:members");
  const result = user.churchId && params.importId ? await importResult(user.churchId, params.importId) : null;
  if (!result) throw new Response("Not found", { status: 404 });
  return Response.json(result, { headers: memberPageHeaders() });
}

export default function ImportResult() {
  const result = useLoaderData<ImportCounts>();
  const { t } = useTranslation("adminMembers");
  return (
    <section aria-labelledby="result-title" className="mx-auto max-w-prose space-y-6">
      <h1 id="result-title" className="text-2xl font-bold">
        {t("result.title")}
      </h1>
      <div role="status" className="space-y-2 rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
        <p className="break-words">{t("result.file", { file: result.fileName, count: result.rows })}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("result.created", { count: result.created })}</li>
          <li>{t("result.updated", { count: result.updated })}</li>
          <li>{t("result.duplicatesSkipped", { count: result.duplicatesSkipped })}</li>
          <li>{t("result.invalidSkipped", { count: result.invalidSkipped })}</li>
          <li>{t("result.householdsCreated", { count: result.householdsCreated })}</li>
        </ul>
      </div>
      {result.skippedRows.length > 0 ? (
        <div className="space-y-2">
          <h2 className="text-lg font-semibold">{t("result.skippedTitle", { count: result.skippedRows.length })}</h2>
          <p className="break-words">{result.skippedRows.map((row) => t("preview.rowNumber", { row })).join(", ")}</p>
        </div>
      ) : null}
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        <li>
          <a className="link" href="/admin/members">
            {t("result.toMembers")}
          </a>
        </li>
        <li>
          <a className="link" href="/admin/members/import">
            {t("result.another")}
          </a>
        </li>
      </ul>
    </section>
  );
}
