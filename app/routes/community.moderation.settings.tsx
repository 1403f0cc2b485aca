import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState } from "~/components/form";
import { ModerationNav } from "~/components/forum-moderation-nav";
import {
  APPROVE_FIRST_MAX,
  forumSettingsForm,
  loadForumSettings,
  POSTS_PER_HOUR_MAX,
  POSTS_PER_HOUR_MIN,
  saveForumSettings,
  type ForumSettings,
} from "~/models/forum/forum-settings.server";
import { invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/** The forum's two dials (`moderate:forum`): approval of a new account's first posts, and posts per hour. */

export const meta: MetaFunction = () => [{ title: "Forum settings · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderate:forum");
  return Response.json({ settings: await loadForumSettings() }, { headers: memberPageHeaders() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requirePermission(request, "moderate:forum");
  const result = parseForm(forumSettingsForm, await request.formData());
  if (!result.ok) return invalid(result);
  await saveForumSettings(staff, result.data, { requestId: context.requestId, ipAddress: context.clientIp });
  return redirect("/community/moderation/settings?done=saved");
}

export default function ForumSettingsPage() {
  const { settings } = useLoaderData<{ settings: ForumSettings }>();
  const { t } = useTranslation("forum");
  const state = useFormState();
  const saved = useSearchParams()[0].get("done") === "saved";
  return (
    <section aria-labelledby="settings-title" className="max-w-prose space-y-6">
      <ModerationNav current="settings" />
      <h1 id="settings-title" className="text-2xl font-bold">
        {t("moderation.settings.title")}
      </h1>
      {saved ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t("moderation.settings.saved")}
        </p>
      ) : null}
      <form method="post" className="space-y-4" noValidate>
        <FormErrors state={state} />
        <TextField
          name="approveFirstPosts"
          label={t("moderation.settings.approveFirstPosts")}
          hint={t("moderation.settings.approveFirstPostsHint", { max: APPROVE_FIRST_MAX })}
          state={state}
          defaultValue={String(settings.approveFirstPosts)}
          inputMode="numeric"
        />
        <TextField
          name="postsPerHour"
          label={t("moderation.settings.postsPerHour")}
          hint={t("moderation.settings.postsPerHourHint", { min: POSTS_PER_HOUR_MIN, max: POSTS_PER_HOUR_MAX })}
          state={state}
          defaultValue={String(settings.postsPerHour)}
          inputMode="numeric"
        />
        <button type="submit" className="button">
          {t("moderation.settings.save")}
        </button>
      </form>
    </section>
  );
}
