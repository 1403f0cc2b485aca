import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { privacyDefaultsOf, reviewPrivacyDefaults, type PrivacyDefaults } from "~/models/church-settings.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Church settings · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "onboarding", "me"], help: "church-settings" };
export const headers = memberPageHeaders;

/** manage:settings, in the administrator's own church (platform staff have none). */
async function requireSettingsAdmin(request: Request) {
  const user = await requirePermission(request, "manage:settings");
  if (!user.churchId) throw new Response("Forbidden: this needs a church", { status: 403 });
  return { ...user, churchId: user.churchId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSettingsAdmin(request);
  const done = new URL(request.url).searchParams.get("done");
  return Response.json(
    {
      defaults: await privacyDefaultsOf(user.churchId),
      notice: done === "reviewed" || done === "already" ? done : null,
    },
    { headers: memberPageHeaders() }
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireSettingsAdmin(request);
  const form = await request.formData();
  if (form.get("intent") !== "review-privacy") throw new Response("Unknown action", { status: 400 });
  const { alreadyReviewed } = await reviewPrivacyDefaults(user, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  return redirect(`/admin/settings?done=${alreadyReviewed ? "already" : "reviewed"}`);
}

interface LoaderData {
  defaults: PrivacyDefaults;
  notice: "reviewed" | "already" | null;
}

export default function ChurchSettings() {
  const { defaults, notice } = useLoaderData<LoaderData>();
  const { t } = useTranslation("onboarding");
  return (
    <div className="max-w-prose space-y-8">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      {notice ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t(notice === "reviewed" ? "settings.review.saved" : "settings.review.already")}
        </p>
      ) : null}

      <section aria-labelledby="privacy-defaults" className="space-y-4">
        <h2 id="privacy-defaults" className="text-xl font-semibold">
          {t("settings.privacy.title")}
        </h2>
        <p>{t("settings.privacy.intro")}</p>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("settings.privacy.tableCaption")}</caption>
          <thead>
            <tr className="border-b border-stone-400">
              <th scope="col" className="py-2 pr-3">
                {t("settings.privacy.detail")}
              </th>
              <th scope="col" className="py-2">
                {t("settings.privacy.whoSees")}
              </th>
            </tr>
          </thead>
          <tbody>
            {defaults.levels.map(({ field, level }) => (
              <tr key={field} data-field={field} className="border-b border-stone-200">
                <th scope="row" className="py-2 pr-3 font-semibold">
                  {t(`me:privacy.fields.${field}`)}
                </th>
                <td className="py-2">{t(`me:privacy.levels.${level}`)}</td>
              </tr>
            ))}
            <tr data-field="listed" className="border-b border-stone-200">
              <th scope="row" className="py-2 pr-3 font-semibold">
                {t("settings.privacy.listed")}
              </th>
              <td className="py-2">
                {t(defaults.listed ? "settings.privacy.listedYes" : "settings.privacy.listedNo")}
              </td>
            </tr>
          </tbody>
        </table>
        <p>{t("settings.privacy.why")}</p>
        <p>{t("settings.privacy.tell")}</p>
      </section>

      <section aria-labelledby="privacy-review" className="space-y-3">
        <h2 id="privacy-review" className="text-xl font-semibold">
          {t("settings.review.title")}
        </h2>
        {defaults.reviewedOn ? (
          <p data-reviewed="yes">
            <span aria-hidden="true">✓ </span>
            {defaults.reviewedBy
              ? t("settings.review.doneBy", { date: defaults.reviewedOn, name: defaults.reviewedBy })
              : t("settings.review.done", { date: defaults.reviewedOn })}
          </p>
        ) : (
          <>
            <p data-reviewed="no">{t("settings.review.notYet")}</p>
            <form method="post">
              <input type="hidden" name="intent" value="review-privacy" />
              <button type="submit" className="button">
                {t("settings.review.submit")}
              </button>
            </form>
          </>
        )}
      </section>

      <p className="text-stone-800">{t("settings.other")}</p>
    </div>
  );
}
