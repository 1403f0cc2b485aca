import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { listDirectory, viewerFor } from "~/models/directory.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Directory · Kapatiran" }];
export const handle = { i18n: ["common", "directory"] };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:directory");
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const directory = await listDirectory(await viewerFor(user), Number.isInteger(page) ? page : 1);
  return Response.json({ churchName: user.churchName, ...directory }, { headers: memberPageHeaders() });
}

type LoaderData = Awaited<ReturnType<typeof listDirectory>> & { churchName: string | null };

export default function Directory() {
  const { entries, page, pageCount, total, churchName } = useLoaderData<LoaderData>();
  const { t } = useTranslation("directory");
  return (
    <section aria-labelledby="directory-title" className="space-y-4">
      <h1 id="directory-title" className="text-2xl font-bold">
        {t("title", { church: churchName })}
      </h1>
      <p className="text-sm text-stone-700">{t("count", { count: total })}</p>
      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {entries.map((entry) => (
            <li key={entry.id} className="px-3 py-2">
              {entry.name}
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("pages")} className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <a className="link" href={`?page=${page - 1}`} rel="prev">
              {t("previous")}
            </a>
          ) : (
            <span />
          )}
          <span>{t("pageOf", { page, pageCount })}</span>
          {page < pageCount ? (
            <a className="link" href={`?page=${page + 1}`} rel="next">
              {t("next")}
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
