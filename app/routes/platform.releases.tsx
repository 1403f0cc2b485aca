import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { PlatformMaintenanceNav } from "~/components/platform-maintenance-nav";
import { loadReleasesPage, type ReleasesPage } from "~/maintenance/releases.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Releases · Kapatiran" }];
export const handle = { i18n: ["common", "maintenance"] };
export const headers = memberPageHeaders;

/** What is live: this process's release, the database's migration level, and the recorded deploys. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:operations");
  const page = await loadReleasesPage();
  return Response.json({ page, maintenanceLinks: can(user, "manage:maintenance") }, { headers: memberPageHeaders() });
}

interface LoaderData {
  page: ReleasesPage;
  maintenanceLinks: boolean;
}

export default function PlatformReleases() {
  const { page, maintenanceLinks } = useLoaderData<LoaderData>();
  const { t, i18n } = useTranslation("maintenance");
  // UTC, like the operations dashboard: operators compare these with CI runs and logs.
  const moment = new Intl.DateTimeFormat(i18n.language === "fil" ? "fil-PH" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "UTC",
  });
  const list = (tags: string[]) => (tags.length === 0 ? t("releasesPage.none") : tags.join(", "));
  return (
    <section aria-labelledby="releases-title" className="space-y-8">
      <div className="space-y-2">
        <h1 id="releases-title" className="text-2xl font-bold">
          {t("releasesPage.title")}
        </h1>
        <p className="text-stone-700">{t("releasesPage.lead")}</p>
        {maintenanceLinks ? <PlatformMaintenanceNav current="releases" /> : null}
      </div>

      <section aria-labelledby="live-title" className="max-w-prose space-y-3">
        <h2 id="live-title" className="text-lg font-semibold">
          {t("releasesPage.thisProcess")}
        </h2>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 rounded border border-stone-300 bg-white p-3">
          <dt className="font-semibold">{t("releasesPage.release")}</dt>
          <dd data-live="release">
            <code className="wrap-anywhere">{page.release ?? t("releasesPage.notSet")}</code>
          </dd>
          <dt className="font-semibold">{t("releasesPage.instance")}</dt>
          <dd data-live="instance">
            <code className="wrap-anywhere">{page.instance ?? t("releasesPage.notSet")}</code>
          </dd>
          <dt className="font-semibold">{t("releasesPage.migrationLevel")}</dt>
          <dd data-live="migration-level">
            <code className="wrap-anywhere">{page.migrationLevel ?? t("releasesPage.none")}</code>
          </dd>
          <dt className="font-semibold">{t("releasesPage.pending")}</dt>
          <dd data-live="pending" className={page.pending.length ? "font-semibold text-red-800" : undefined}>
            <code className="wrap-anywhere">{list(page.pending)}</code>
          </dd>
          {page.unknown.length ? (
            <>
              <dt className="font-semibold">{t("releasesPage.ahead")}</dt>
              <dd data-live="ahead">
                <code className="wrap-anywhere">{list(page.unknown)}</code>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-lg font-semibold">
          {t("releasesPage.history")}
        </h2>
        {page.deployments.length === 0 ? (
          <p>{t("releasesPage.noHistory")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr>
                  {(["when", "action", "release", "slot", "migrationLevel", "outcome", "actor", "detail"] as const).map((column) => (
                    <th key={column} scope="col" className="pr-3">
                      {t(`releasesPage.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.deployments.map((row) => (
                  <tr key={row.id} data-deployment={row.id} className="border-t border-stone-200 align-top">
                    <td className="pr-3">
                      <time dateTime={row.finishedAt}>{moment.format(new Date(row.finishedAt))}</time>
                    </td>
                    <td className="pr-3">{t(`releasesPage.actions.${row.action}`)}</td>
                    <td className="pr-3 wrap-anywhere">
                      <code>{row.release}</code>
                      {row.commit && row.commit !== row.release ? (
                        <>
                          {" "}
                          <code className="text-stone-700">{`(${row.commit.slice(0, 12)})`}</code>
                        </>
                      ) : null}
                    </td>
                    <td className="pr-3">{row.slot}</td>
                    <td className="pr-3 wrap-anywhere">
                      <code>{row.migrationLevel ?? "–"}</code>
                    </td>
                    <td className={`pr-3 ${row.outcome === "live" ? "" : "font-semibold text-red-800"}`}>
                      {t(`releasesPage.outcomes.${row.outcome}`)}
                    </td>
                    <td className="pr-3 wrap-anywhere">{row.actor ?? "–"}</td>
                    <td className="wrap-anywhere">{row.detail ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
