import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, TextAreaField, useFormState, type FormState } from "~/components/form";
import { PlatformMaintenanceNav } from "~/components/platform-maintenance-nav";
import { activeNotices, noticeSchema, postNotice, resolveNotice, resolvedNotices, SEVERITIES, type NoticeView } from "~/maintenance/notices.server";
import { invalid, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Status notices · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "maintenance"] };
export const headers = memberPageHeaders;

/**
 * Status notices for platform administrators: tell every church about an
 * incident or an announcement, on every page until resolved. Allowed in
 * read-only mode (server/read-only.ts): that is when churches need to hear.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:maintenance");
  const done = new URL(request.url).searchParams.get("done");
  const [active, resolved] = await Promise.all([activeNotices(), resolvedNotices()]);
  return Response.json(
    { active, resolved, done: done === "posted" || done === "resolved" ? done : null },
    { headers: memberPageHeaders() },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:maintenance");
  const form = await request.formData();
  const intent = form.get("intent");
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  if (intent === "post") {
    const result = parseForm(noticeSchema, form);
    if (!result.ok) return invalid(result);
    const notice = await postNotice({ id: user.id, email: user.email }, result.data, meta);
    context.logger.info({ event: "status_notice_posted", noticeId: notice.id, severity: notice.severity }, "status notice posted");
    return redirect("/platform/status?done=posted");
  }
  if (intent === "resolve") {
    const id = z.string().uuid().safeParse(form.get("id"));
    if (!id.success || !(await resolveNotice({ id: user.id }, id.data, meta))) {
      return refused("maintenance:errors.gone", { intent: "resolve" }, 404);
    }
    context.logger.info({ event: "status_notice_resolved", noticeId: id.data }, "status notice resolved");
    return redirect("/platform/status?done=resolved");
  }
  return refused("forms:choose");
}

interface LoaderData {
  active: NoticeView[];
  resolved: NoticeView[];
  done: "posted" | "resolved" | null;
}

function useMoment() {
  const { i18n } = useTranslation();
  // Asia/Manila: what the churches reading the notice live by.
  return new Intl.DateTimeFormat(i18n.language === "fil" ? "fil-PH" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Manila" });
}

export default function PlatformStatus() {
  const { active, resolved, done } = useLoaderData<LoaderData>();
  const { t } = useTranslation("maintenance");
  const moment = useMoment();
  const state = useFormState();
  const none: FormState = {};
  return (
    <section aria-labelledby="status-title" className="space-y-8">
      <div className="space-y-2">
        <h1 id="status-title" className="text-2xl font-bold">
          {t("statusPage.title")}
        </h1>
        <p className="text-stone-700">{t("statusPage.lead")}</p>
        <PlatformMaintenanceNav current="status" />
      </div>
      {done ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t(done === "posted" ? "statusPage.postedOk" : "statusPage.resolvedOk")}
        </p>
      ) : null}

      <section aria-labelledby="active-title" className="space-y-3">
        <h2 id="active-title" className="text-lg font-semibold">
          {t("statusPage.active")}
        </h2>
        <FormErrors state={state.values?.intent === "resolve" ? state : none} />
        {active.length === 0 ? (
          <p>{t("statusPage.none")}</p>
        ) : (
          <ul className="space-y-3">
            {active.map((notice) => (
              <li key={notice.id} data-notice-id={notice.id} className="space-y-2 rounded border border-stone-300 bg-white p-3">
                <p className="font-semibold">{t(`banner.${notice.severity}`)}</p>
                <p className="wrap-anywhere" lang="en">
                  {notice.messageEn}
                </p>
                {notice.messageFil ? (
                  <p className="wrap-anywhere" lang="fil">
                    {notice.messageFil}
                  </p>
                ) : null}
                <p className="text-sm text-stone-700 wrap-anywhere">
                  {t("statusPage.posted", { at: moment.format(new Date(notice.postedAt)), by: notice.postedBy ?? "–" })}
                </p>
                <form method="post">
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="id" value={notice.id} />
                  <button type="submit" className="button">
                    {t("statusPage.resolve")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <PostForm state={state.values?.intent === "post" ? state : none} />

      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-lg font-semibold">
          {t("statusPage.history")}
        </h2>
        {resolved.length === 0 ? (
          <p>{t("statusPage.noHistory")}</p>
        ) : (
          <ul className="space-y-2">
            {resolved.map((notice) => (
              <li key={notice.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                <p className="wrap-anywhere">
                  <strong>{t(`banner.${notice.severity}`)}:</strong> {notice.messageEn}
                </p>
                <p className="text-stone-700">{t("statusPage.resolvedAt", { at: moment.format(new Date(notice.resolvedAt!)) })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function PostForm({ state }: { state: FormState }) {
  const { t } = useTranslation("maintenance");
  return (
    <section aria-labelledby="post-title" className="max-w-prose space-y-3">
      <h2 id="post-title" className="text-lg font-semibold">
        {t("statusPage.post.title")}
      </h2>
      <form method="post" noValidate className="space-y-4">
        <input type="hidden" name="intent" value="post" />
        <FormErrors state={state} />
        <SelectField
          name="severity"
          label={t("statusPage.post.severity")}
          state={state}
          defaultValue="info"
          options={SEVERITIES.map((severity) => ({ value: severity, label: t(`statusPage.post.${severity}`) }))}
        />
        <TextAreaField name="messageEn" label={t("statusPage.post.messageEn")} state={state} lang="en" rows={3} maxLength={500} required />
        <TextAreaField
          name="messageFil"
          label={t("statusPage.post.messageFil")}
          hint={t("statusPage.post.messageFilHint")}
          state={state}
          lang="fil"
          rows={3}
          maxLength={500}
          optional
        />
        <button type="submit" className="button">
          {t("statusPage.post.submit")}
        </button>
      </form>
    </section>
  );
}
