import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState, valueOf } from "~/components/form";
import { forgetPolicyVersion } from "~/models/consent.server";
import { policyStatus, publishPolicyVersion, type PolicyStatus } from "~/models/privacy-policy.server";
import { fields, invalid, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Privacy policy versions · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "consent"], help: "writing-help-articles" };
export const headers = memberPageHeaders;

const publishForm = z.object({ summary: fields.text(300) });

/**
 * Support staff publish the privacy policy: the text is edited as the help
 * article `privacy-policy` (with revisions); publishing pins its current
 * published revisions as a new version, and every visitor is asked again.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:help");
  const published = new URL(request.url).searchParams.get("published");
  return Response.json(
    { status: await policyStatus(), published: published && /^[0-9]{1,9}$/.test(published) ? Number(published) : null },
    { headers: memberPageHeaders() }
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:help");
  const result = parseForm(publishForm, await request.formData());
  if (!result.ok) return invalid(result);
  const outcome = await publishPolicyVersion({ id: user.id }, result.data.summary, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  if (!outcome.ok) return refused("consent:staff.unchanged", { summary: result.data.summary });
  forgetPolicyVersion();
  return redirect(`/staff/privacy?published=${outcome.version}`);
}

export default function StaffPrivacy() {
  const { status, published } = useLoaderData<{ status: PolicyStatus; published: number | null }>();
  const { t } = useTranslation("consent");
  const form = useFormState();
  const next = (status.current?.version ?? 0) + 1;
  return (
    <div className="max-w-prose space-y-6">
      <h1 className="text-2xl font-bold">{t("staff.title")}</h1>
      {published ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3">
          {t("staff.published", { version: published })}
        </p>
      ) : null}
      <p>
        {status.current
          ? t("staff.current", {
              version: status.current.version,
              date: status.current.publishedAt.slice(0, 10),
              summary: status.current.summary,
            })
          : t("staff.none")}{" "}
        <a className="link" href="/privacy">
          {t("staff.view")}
        </a>
      </p>
      <p>{status.changed ? t("staff.changed") : t("staff.notChanged")}</p>
      {status.articleId ? (
        <p>
          <a className="link" href={`/staff/help/${status.articleId}`}>
            {t("staff.edit")}
          </a>
        </p>
      ) : (
        <p>{t("staff.missing")}</p>
      )}
      <form method="post" className="space-y-4 rounded border border-stone-300 bg-white p-4">
        <h2 className="text-xl font-semibold">{t("staff.publish", { version: next })}</h2>
        <FormErrors state={form} />
        <TextField
          name="summary"
          label={t("staff.summary")}
          hint={t("staff.summaryHint")}
          state={form}
          defaultValue={valueOf(form, "summary")}
          required
          maxLength={300}
        />
        <button type="submit" className="button">
          {t("staff.publish", { version: next })}
        </button>
      </form>
    </div>
  );
}
