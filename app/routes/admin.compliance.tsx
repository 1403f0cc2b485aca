import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { Access } from "~/components/compliance/access";
import { Consent } from "~/components/compliance/consent";
import { Holdings } from "~/components/compliance/holdings";
import { PeriodForm } from "~/components/compliance/period-form";
import { Requests } from "~/components/compliance/requests";
import { Retention } from "~/components/compliance/retention";
import { Storage } from "~/components/compliance/storage";
import { useFormats } from "~/components/compliance/use-formats";
import type { FormState } from "~/components/form";
import type { ComplianceReport } from "~/models/compliance-report/contents";
import { churchTimezone } from "~/models/compliance-report/gather.server";
import { parsePeriod } from "~/models/compliance-report/period.server";
import { complianceReport } from "~/models/compliance-report/report.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Compliance report · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "compliance"], help: "reading-the-audit-log" };
export const headers = memberPageHeaders;

/**
 * The church's compliance report for its data protection officer: one page,
 * printable from the browser (the period form and the menus are left off
 * paper). Data requests are the officer's work, so `manage:requests` opens it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:requests");
  if (!user.churchId) throw new Response("Forbidden: no church", { status: 403 });
  const timezone = await churchTimezone(user.churchId);
  const { period, errors, values } = parsePeriod(new URL(request.url).searchParams, timezone);
  const report = await complianceReport(user.churchId, period);
  return Response.json({ report, errors, values }, { status: errors ? 400 : 200, headers: memberPageHeaders() });
}

type LoaderData = { report: ComplianceReport; errors: FormState["errors"] | null; values: FormState["values"] };

export default function ComplianceReportPage() {
  const { report, errors, values } = useLoaderData<LoaderData>();
  const { t } = useTranslation("compliance");
  const { day, moment, calendar } = useFormats(report.timezone);
  const state: FormState = { errors: errors ?? undefined, values: { ...report.period, ...values } };
  return (
    <article aria-labelledby="compliance-title" className="max-w-5xl space-y-8">
      <div className="space-y-2">
        <h1 id="compliance-title" className="text-2xl font-bold">
          {t("title", { church: report.churchName })}
        </h1>
        <p className="text-stone-800">
          {t("period", { from: calendar(report.period.from), to: calendar(report.period.to) })}
        </p>
        <p className="text-sm text-stone-700">
          {t("generatedAt", { when: moment(report.generatedAt), timezone: report.timezone })}
        </p>
        <p className="max-w-prose text-stone-800 print:hidden">{t("intro")}</p>
        <p className="text-sm text-stone-800 print:hidden">{t("printHint")}</p>
      </div>

      <PeriodForm state={state} />

      <Holdings report={report} />
      <Consent report={report} day={day} />
      <Requests report={report} day={day} />
      <Access report={report} moment={moment} />
      <Retention report={report} moment={moment} />
      <Storage report={report} />
    </article>
  );
}
