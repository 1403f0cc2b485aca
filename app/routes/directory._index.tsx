import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { Avatar } from "~/components/avatar";
import { directoryPage, type DirectoryPage } from "~/models/directory.server";
import { useDataSaver } from "~/components/use-data-saver";
import { memberPageHeaders } from "~/utils/http-headers";
import { Pagination } from "~/components/pagination";
import { pageParam } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Directory · Kapatiran" }];
export const handle = { i18n: ["common", "directory"], help: "finding-members", fromLoaderData: true };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:directory");
  const params = new URL(request.url).searchParams;
  const q = params.get("q")?.trim() ?? "";
  const { groupId, ...directory } = await directoryPage(user, {
    page: pageParam(params),
    q,
    groupParam: params.get("group"),
  });
  // Headers come from `headers` above; plain data is encoded once, not as JSON and again for the page.
  return { churchName: user.churchName, q, groupId: groupId ?? "", photosAsked: params.get("photos") === "1", ...directory };
}

type LoaderData = DirectoryPage & {
  churchName: string | null;
  q: string;
  groupId: string;
  groups: { id: string; name: string }[];
  photosAsked: boolean;
};

export default function Directory() {
  const { entries, page, pageCount, total, churchName, q, groupId, groups, photosAsked } = useLoaderData<LoaderData>();
  // Initials by default; photos only when asked for, and never with data saver on (the page frame's decision).
  const dataSaver = useDataSaver();
  const photos = photosAsked && !dataSaver;
  const { t } = useTranslation("directory");
  const filtered = q !== "" || groupId !== "";
  const pageLink = (to: number, withPhotos = photos) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (groupId) params.set("group", groupId);
    params.set("page", String(to));
    if (withPhotos) params.set("photos", "1");
    return `?${params}`;
  };

  return (
    <section aria-labelledby="directory-title" className="space-y-4">
      <h1 id="directory-title" className="text-2xl font-bold">
        {t("title", { church: churchName })}
      </h1>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a className="link" href="/directory/print">
          {t("printLink")}
        </a>
        {dataSaver ? (
          <span className="text-stone-700">
            {t("photos.dataSaverNote")}{" "}
            <a className="link" href="/me#photo">
              {t("photos.dataSaverLink")}
            </a>
          </span>
        ) : (
          <a className="link" href={pageLink(page, !photos)}>
            {photos ? t("photos.hide") : t("photos.show")}
          </a>
        )}
      </p>
      <Form method="get" role="search" className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        {photos ? <input type="hidden" name="photos" value="1" /> : null}
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
              <li key={entry.id} className={`flex items-center gap-3 ${sameHousehold ? "py-2 pl-7 pr-3" : "px-3 py-2"}`}>
                <Avatar member={entry} size="small" showPhoto={photos} />
                <div className="min-w-0">
                  <a className="link font-medium" href={`/directory/${entry.id}`}>
                    {entry.name}
                  </a>
                  {entry.phone ? (
                    <a className="ml-2 text-sm text-stone-700 underline" href={`tel:${entry.phone.replace(/\s+/g, "")}`}>
                      {entry.phone}
                    </a>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={pageLink} />
    </section>
  );
}
