import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DoneMessage } from "~/components/support-ticket";
import { requireForumUser } from "~/models/forum/access.server";
import { forumProfile, setShowChurch, type ForumProfile } from "~/models/forum/authors.server";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * How the forum shows the member: their display name always, their church's
 * name only if they turn it on here. Off by default; turning it off removes
 * the church from every post, past ones included.
 */

export const meta: MetaFunction = () => [{ title: "Forum settings · Community · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireForumUser(request);
  return Response.json(await forumProfile(user), { headers: memberPageHeaders() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireForumUser(request);
  const form = await request.formData();
  // A checkbox sends nothing when unticked: absent means "do not show".
  await setShowChurch(user, form.get("showChurch") === "yes", {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  return redirect("/community/settings?done=saved");
}

export default function ForumSettingsPage() {
  const profile = useLoaderData<ForumProfile>();
  const { t } = useTranslation("forum");
  const saved = useSearchParams()[0].get("done") === "saved";
  return (
    <section aria-labelledby="settings-title" className="max-w-prose space-y-4">
      <p>
        <a className="link" href="/community">
          {t("back")}
        </a>
      </p>
      <h1 id="settings-title" className="text-2xl font-bold">
        {t("settings.title")}
      </h1>
      {saved ? <DoneMessage text={t("settings.saved")} /> : null}
      <p>{t("settings.shownAs", { name: profile.displayName })}</p>
      {profile.hasChurch ? (
        <form method="post" className="space-y-3">
          <div className="flex items-start gap-2">
            <input
              id="show-church"
              type="checkbox"
              name="showChurch"
              value="yes"
              defaultChecked={profile.showChurch}
              aria-describedby="show-church-hint"
              className="mt-1 h-5 w-5 shrink-0 accent-teal-800"
            />
            <label htmlFor="show-church">{t("settings.showChurch", { church: profile.churchName })}</label>
          </div>
          <p id="show-church-hint" className="text-sm text-stone-700">
            {t("settings.showChurchHint")}
          </p>
          <button type="submit" className="button">
            {t("settings.save")}
          </button>
        </form>
      ) : (
        <p className="text-stone-800">{t("settings.noChurch")}</p>
      )}
    </section>
  );
}
