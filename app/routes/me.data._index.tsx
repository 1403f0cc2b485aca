import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * /me/data: what Kapatiran holds about you, to download (JSON, or CSV files
 * in a zip), and the way to ask for your account to be deleted. Signed in is
 * enough: a person's own data is theirs by law, whatever their role's
 * permissions (platform staff lack `export:data:own` and still get theirs).
 *
 * `me.data._index` rather than `me.data`, so that /me/data/delete is a page
 * of its own and not nested in this one.
 */

export const meta: MetaFunction = () => [{ title: "My data · Kapatiran" }];
export const handle = { i18n: ["common", "myData"], help: "editing-your-profile" };
export const headers = memberPageHeaders;

const SECTIONS = [
  "account",
  "member",
  "household",
  "groups",
  "privacy",
  "consent",
  "sessions",
  "tickets",
  "feedback",
  "audit",
  "forum",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return Response.json({ inChurch: user.churchId !== null }, { headers: memberPageHeaders() });
}

export default function MyData() {
  const { inChurch } = useLoaderData<{ inChurch: boolean }>();
  const { t } = useTranslation("myData");
  return (
    <div className="mx-auto max-w-prose space-y-8">
      <section aria-labelledby="my-data-title" className="space-y-4">
        <p>
          <a className="link" href="/me">
            {t("back")}
          </a>
        </p>
        <h1 id="my-data-title" className="text-2xl font-bold">
          {t("title")}
        </h1>
        <p>{t("lead")}</p>
        <h2 className="text-xl font-semibold">{t("contents.title")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          {SECTIONS.map((section) => (
            <li key={section}>{t(`contents.${section}`)}</li>
          ))}
        </ul>
        <p className="text-stone-700">{t("othersNote")}</p>
      </section>

      <section aria-labelledby="download-title" className="space-y-3">
        <h2 id="download-title" className="text-xl font-semibold">
          {t("download.title")}
        </h2>
        <p>{t("download.body")}</p>
        <ul className="space-y-3">
          <li>
            <a className="button" href="/me/data.json" download>
              {t("download.json")}
            </a>
            <p className="mt-1 text-sm text-stone-700">{t("download.jsonHint")}</p>
          </li>
          <li>
            <a className="button" href="/me/data.zip" download>
              {t("download.zip")}
            </a>
            <p className="mt-1 text-sm text-stone-700">{t("download.zipHint")}</p>
          </li>
        </ul>
        <p className="text-sm text-stone-700">{t("download.audited")}</p>
      </section>

      <section aria-labelledby="delete-title" className="space-y-3 rounded border border-red-800 p-3">
        <h2 id="delete-title" className="text-xl font-semibold">
          {t("delete.title")}
        </h2>
        {inChurch ? (
          <>
            <p>{t("delete.body")}</p>
            <p>
              <a className="link" href="/me/data/delete">
                {t("delete.link")}
              </a>
            </p>
          </>
        ) : (
          <p>{t("delete.platform")}</p>
        )}
      </section>
    </div>
  );
}
