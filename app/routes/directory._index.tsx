import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { directoryGroups, listDirectory, viewerFor, type DirectoryPage } from "~/models/directory.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Directory · Kapatiran" }];
export const handle = { i18n: ["common", "directory"] };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:directory");
  const params = new URL(request.url).searchParams;
  const page = Number(params.get("page") ?? "1");
  const q = params.get("q")?.trim() ?? "";
  const groups = await directoryGroups(user.churchId!);
  // A group id from the URL counts only if it is one of this church's groups.
  const groupId = groups.find((group) => group.id === params.get("group"))?.id;
  const directory = await listDirectory(await viewerFor(user), {
    page: Number.isInteger(page) ? page : 1,
    q,
    groupId,
  });
  return Response.json({ churchName: user.churchName, q, groupId: groupId ?? "", groups, ...directory }, {
    headers: memberPageHeaders(),
  });
}

type LoaderData = DirectoryPage & {
  churchName: string | null;
  q: string;
  groupId: string;
  groups: { id: string; name: string }[];
};

export default function Directory() {
  const { entries, page, pageCount, total, churchName, q, groupId, groups } = useLoaderData<LoaderData>();
  const { t } = useTranslation("directory");
  const filtered = q !== "" || groupId !== "";
  const pageLink = (to: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (groupId) params.set("group", groupId);
    params.set("page", String(to));
    return `?${params}`;
  };

  return (
    <section aria-labelledby="directory-title" className="space-y-4">
      <h1 id="directory-title" className="text-2xl font-bold">
        {t("title", { church: churchName })}
      </h1>
      <p className="text-sm">
        <a className="link" href="/directory/print">
          {t("printLink")}
        </a>
      </p>
      <Form method="get" role="search" className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="q" className="block font-semibold">
            {t("search.label")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            className="w-full rounded border border-stone-500 bg-white px-3 py-2"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="group" className="block font-semibold">
            {t("search.group")}
          </label>
          <select
            id="group"
            name="group"
            defaultValue={groupId}
            className="w-full rounded border border-stone-500 bg-white px-3 py-2"
          >
            <option value="">{t("search.allGroups")}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>
      <p className="text-sm text-stone-700" aria-live="polite">
        {filtered ? t("matches", { count: total }) : t("count", { count: total })}
      </p>
      {entries.length === 0 ? (
        <div className="rounded border border-stone-300 bg-white p-4">
          <p>{filtered ? t("noMatch", { q }) : t("empty")}</p>
          {filtered ? (
            <p className="mt-2">
              <a className="link" href="/directory">
                {t("clear")}
              </a>
            </p>
          ) : null}
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {entries.map((entry, index) => {
            const sameHousehold = index > 0 && entry.householdId !== null && entries[index - 1]?.householdId === entry.householdId;
            return (
              <li key={entry.id} className={sameHousehold ? "py-2 pl-7 pr-3" : "px-3 py-2"}>
                <a className="link font-medium" href={`/directory/${entry.id}`}>
                  {entry.name}
                </a>
                {entry.phone ? (
                  <a className="ml-2 text-sm text-stone-700 underline" href={`tel:${entry.phone.replace(/\s+/g, "")}`}>
                    {entry.phone}
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("pages")} className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <a className="link" href={pageLink(page - 1)} rel="prev">
              {t("previous")}
            </a>
          ) : (
            <span />
          )}
          <span>{t("pageOf", { page, pageCount })}</span>
          {page < pageCount ? (
            <a className="link" href={pageLink(page + 1)} rel="next">
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
