import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { SvgChart, type ChartSeries } from "~/components/svg-chart";
import type { Estimate } from "~/ops/cost-estimate";
import { costThisMonth, type CostThisMonth } from "~/ops/cost-usage.server";
import { DASHBOARD_WINDOWS, isDashboardWindow, loadDashboard, type Dashboard, type Totals } from "~/ops/dashboard.server";
import { faultInjectionAllowed } from "~/ops/faults.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { env } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Operations · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "ops"] };
export const headers = memberPageHeaders;

/**
 * The operations dashboard for platform administrators: the stored minute
 * rollups as server-drawn charts for the last hour, day or week, the
 * window's totals, browsers' errors and the alerts. No chart JavaScript.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "view:operations");
  const asked = new URL(request.url).searchParams.get("window");
  const window = isDashboardWindow(asked) ? asked : "hour";
  const dashboard = await loadDashboard(window);
  // After the dashboard, not beside it: PGlite runs one transaction at a time.
  const cost = await costThisMonth(env.BUDGET_MONTHLY_USD);
  return Response.json({ dashboard, cost, faultsAllowed: faultInjectionAllowed() }, { headers: memberPageHeaders() });
}

interface LoaderData {
  dashboard: Dashboard;
  cost: CostThisMonth;
  faultsAllowed: boolean;
}

function useFormats() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "fil" ? "fil-PH" : "en-GB";
  // UTC, said on the page: operators compare these with CloudWatch and logs, which are in UTC.
  const short = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const number = (value: number | null, digits = 1) =>
    value === null ? "–" : value.toLocaleString(locale, { maximumFractionDigits: digits });
  return { short, weekday, moment, number };
}

export default function OperationsDashboard() {
  const { dashboard, faultsAllowed } = useLoaderData<LoaderData>();
  const { t } = useTranslation("ops");
  const { short, weekday, moment } = useFormats();
  const { points, window } = dashboard;
  const labels = points.map((point) => (window === "week" ? weekday : short).format(new Date(point.at)));
  const chartText = { empty: t("chart.empty"), figures: t("chart.figures"), time: t("chart.time") };
  const series = (...pairs: [string, keyof (typeof points)[number]][]): ChartSeries[] =>
    pairs.map(([name, key]) => ({ name, values: points.map((point) => point[key] as number | null) }));

  return (
    <section aria-labelledby="ops-title" className="space-y-8">
      <div className="space-y-2">
        <h1 id="ops-title" className="text-2xl font-bold">
          {t("title")}
        </h1>
        <p className="text-stone-700">
          {t("lead", { from: moment.format(new Date(dashboard.from)), to: moment.format(new Date(dashboard.to)) })}
        </p>
        <nav aria-label={t("window.label")}>
          <ul className="flex flex-wrap gap-2">
            {(Object.keys(DASHBOARD_WINDOWS) as (keyof typeof DASHBOARD_WINDOWS)[]).map((name) => (
              <li key={name}>
                <a
                  href={`/platform/ops?window=${name}`}
                  aria-current={name === window ? "page" : undefined}
                  className="inline-block rounded border border-teal-800 px-3 py-1 aria-[current=page]:bg-teal-800 aria-[current=page]:text-white"
                >
                  {t(`window.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {faultsAllowed ? (
          <p>
            <a className="link" href="/platform/ops/faults">
              {t("faultsLink")}
            </a>
          </p>
        ) : null}
      </div>

      <Alerts />

      <section aria-labelledby="totals-title" className="space-y-3">
        <h2 id="totals-title" className="text-lg font-semibold">
          {t("totals.title")}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          <TotalsList id="window" heading={t(`totals.window.${window}`)} totals={dashboard.totals} />
          <TotalsList id="recent" heading={t("totals.recent")} totals={dashboard.recent} />
        </div>
      </section>

      <section aria-labelledby="charts-title" className="space-y-6">
        <h2 id="charts-title" className="text-lg font-semibold">
          {t("charts.title")}
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          <SvgChart
            title={t("charts.requests")}
            description={t("charts.requestsDesc")}
            labels={labels}
            series={series([t("charts.requestsSeries"), "requestsPerMinute"])}
            text={chartText}
          />
          <SvgChart
            title={t("charts.errorRate")}
            description={t("charts.errorRateDesc")}
            labels={labels}
            series={series([t("charts.errorRateSeries"), "errorRate"])}
            unit="%"
            minMax={10}
            text={chartText}
          />
          <SvgChart
            title={t("charts.latency")}
            description={t("charts.latencyDesc")}
            labels={labels}
            series={series(["p50", "p50"], ["p95", "p95"])}
            unit=" ms"
            digits={0}
            text={chartText}
          />
          <SvgChart
            title={t("charts.box")}
            description={t("charts.boxDesc")}
            labels={labels}
            series={series([t("charts.cpu"), "cpu"], [t("charts.memory"), "memory"], [t("charts.disk"), "disk"])}
            unit="%"
            minMax={100}
            text={chartText}
          />
          <SvgChart
            title={t("charts.activeUsers")}
            description={t("charts.activeUsersDesc")}
            labels={labels}
            series={series([t("charts.activeUsersSeries"), "activeUsers"])}
            digits={0}
            text={chartText}
          />
          <SvgChart
            title={t("charts.pageLoad")}
            description={t("charts.pageLoadDesc")}
            labels={labels}
            series={series(["LCP p75", "lcpP75"])}
            unit=" ms"
            digits={0}
            text={chartText}
          />
        </div>
      </section>

      <ClientErrors />

      <CostEstimate />
    </section>
  );
}

function TotalsList({ id, heading, totals }: { id: string; heading: string; totals: Totals }) {
  const { t } = useTranslation("ops");
  const { number } = useFormats();
  const rows: [keyof Totals, string, string][] = [
    ["requests", t("totals.requests"), number(totals.requests, 0)],
    ["requestsPerSecond", t("totals.requestsPerSecond"), number(totals.requestsPerSecond, 2)],
    ["averageMs", t("totals.average"), totals.averageMs === null ? "–" : `${number(totals.averageMs, 1)} ms`],
    ["p95Ms", t("totals.p95"), totals.p95Ms === null ? "–" : `${number(totals.p95Ms, 1)} ms`],
    ["errorRate", t("totals.errorRate"), totals.errorRate === null ? "–" : `${number(totals.errorRate, 2)} %`],
    ["errors", t("totals.errors"), number(totals.errors, 0)],
  ];
  // The unformatted figure too, for scripts that compare it with a load tool (scripts/ops-drill.ts).
  const raw = (key: keyof Totals) => {
    const value = totals[key];
    return value === null ? undefined : String(Math.round(value * 1000) / 1000);
  };
  return (
    <div className="rounded border border-stone-300 bg-white p-3" data-totals={id}>
      <h3 className="font-semibold">{heading}</h3>
      <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 text-sm">
        {rows.map(([key, label, value]) => (
          <Fragment key={key}>
            <dt>{label}</dt>
            <dd className="text-right tabular-nums" data-figure={key} data-value={raw(key)}>
              {value}
            </dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}

function Alerts() {
  const { dashboard } = useLoaderData<LoaderData>();
  const { t } = useTranslation("ops");
  const { moment, number } = useFormats();
  const unit = (u: string) => (u === "percent" ? " %" : u === "milliseconds" ? " ms" : ` ${t("alerts.perMinute")}`);
  return (
    <section aria-labelledby="alerts-title" className="space-y-3">
      <h2 id="alerts-title" className="text-lg font-semibold">
        {t("alerts.title")}
      </h2>
      {dashboard.alerts.length === 0 ? (
        <p>{t("alerts.none")}</p>
      ) : (
        <ul className="space-y-2">
          {dashboard.alerts.map((alert) => (
            <li
              key={alert.id}
              data-alert={alert.rule}
              data-state={alert.clearedAt ? "cleared" : "open"}
              className={`space-y-1 rounded border p-3 ${alert.clearedAt ? "border-stone-300 bg-white" : "border-red-800 bg-red-50 text-red-950"}`}
            >
              <p className="font-semibold">
                {alert.clearedAt ? t("alerts.cleared") : t("alerts.open")}: <code>{alert.rule}</code> — {alert.summary}
              </p>
              <p className="text-sm">
                {t("alerts.value", {
                  value: `${number(alert.value)}${unit(alert.unit)}`,
                  threshold: `${number(alert.threshold)}${unit(alert.unit)}`,
                })}
              </p>
              <p className="text-sm">
                {t("alerts.started")}: <time dateTime={alert.startedAt}>{moment.format(new Date(alert.startedAt))}</time>
                {alert.clearedAt ? (
                  <>
                    {" · "}
                    {t("alerts.clearedAt")}: <time dateTime={alert.clearedAt}>{moment.format(new Date(alert.clearedAt))}</time>
                  </>
                ) : null}
              </p>
              <p className="text-sm">
                {t("alerts.runbook")}: <code className="wrap-anywhere">{alert.runbook}</code>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClientErrors() {
  const { dashboard } = useLoaderData<LoaderData>();
  const { t } = useTranslation("ops");
  const { moment, number } = useFormats();
  return (
    <section aria-labelledby="client-errors-title" className="space-y-3">
      <h2 id="client-errors-title" className="text-lg font-semibold">
        {t("clientErrors.title")}
      </h2>
      {dashboard.clientErrors.length === 0 ? (
        <p>{t("clientErrors.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="pr-3">
                  {t("clientErrors.message")}
                </th>
                <th scope="col" className="pr-3">
                  {t("clientErrors.count")}
                </th>
                <th scope="col" className="pr-3">
                  {t("clientErrors.route")}
                </th>
                <th scope="col">{t("clientErrors.lastSeen")}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.clientErrors.map((error) => (
                <tr key={error.fingerprint} className="border-t border-stone-200 align-top">
                  <td className="pr-3 wrap-anywhere">{error.message}</td>
                  <td className="pr-3 tabular-nums">{number(error.count, 0)}</td>
                  <td className="pr-3 wrap-anywhere">
                    <code>{error.route ?? "–"}</code>
                  </td>
                  <td>
                    <time dateTime={error.lastSeenAt}>{moment.format(new Date(error.lastSeenAt))}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** This month's AWS cost from the measured usage (app/ops/cost-estimate.ts; the same as `scripts/cost-estimate --measured`). */
function CostEstimate() {
  const { cost } = useLoaderData<LoaderData>();
  const { t } = useTranslation("ops");
  const { number } = useFormats();
  const usd = (value: number) => `$${number(value, 2)}`;
  const perUser = (estimate: Estimate) => (estimate.perActiveUser === null ? t("cost.noActiveUsers") : `$${number(estimate.perActiveUser, 3)}`);
  const rows = (inPlan: boolean) =>
    cost.low.lines.flatMap((line, i) =>
      line.inPlan === inPlan
        ? [
            <tr key={line.service} className="border-t border-stone-200" data-cost={line.service}>
              <th scope="row" className="pr-3 font-normal">
                {line.service}
              </th>
              <td className="pr-3 text-right tabular-nums">{usd(line.usd)}</td>
              <td className="text-right tabular-nums">{usd(cost.high.lines[i]!.usd)}</td>
            </tr>,
          ]
        : [],
    );
  const over = cost.thresholds.filter((threshold) => cost.high.total > threshold.usd).at(-1);
  return (
    <section aria-labelledby="cost-title" className="space-y-3" data-cost-estimate>
      <h2 id="cost-title" className="text-lg font-semibold">
        {t("cost.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("cost.lead", { region: cost.region, date: cost.pricesChecked })}</p>
      <p className="text-sm">
        {t("cost.measured", {
          users: number(cost.usage.users, 0),
          active: number(cost.usage.monthlyActiveUsers, 0),
          requests: number(cost.usage.requestsPerMonth, 0),
          days: number(cost.usage.daysMeasured, 1),
          photos: number(cost.usage.uploadsGB, 2),
          database: number(cost.usage.databaseGB, 2),
        })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full max-w-xl text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-3">
                {t("cost.service")}
              </th>
              <th scope="col" className="pr-3 text-right">
                {t("cost.low")}
              </th>
              <th scope="col" className="text-right">
                {t("cost.high")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows(true)}
            <tr className="border-t border-stone-400 font-semibold" data-cost="plan">
              <th scope="row" className="pr-3">
                {t("cost.planTotal")}
              </th>
              <td className="pr-3 text-right tabular-nums">{usd(cost.low.planTotal)}</td>
              <td className="text-right tabular-nums">{usd(cost.high.planTotal)}</td>
            </tr>
            <tr>
              <th scope="rowgroup" colSpan={3} className="pt-3 pr-3 font-semibold">
                {t("cost.beyondPlan")}
              </th>
            </tr>
            {rows(false)}
            <tr className="border-t border-stone-400 font-semibold" data-cost="total" data-low={cost.low.total} data-high={cost.high.total}>
              <th scope="row" className="pr-3">
                {t("cost.total")}
              </th>
              <td className="pr-3 text-right tabular-nums">{usd(cost.low.total)}</td>
              <td className="text-right tabular-nums">{usd(cost.high.total)}</td>
            </tr>
            <tr data-cost="per-active-user">
              <th scope="row" className="pr-3 font-normal">
                {t("cost.perActiveUser")}
              </th>
              <td className="pr-3 text-right tabular-nums">{perUser(cost.low)}</td>
              <td className="text-right tabular-nums">{perUser(cost.high)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="text-sm" data-cost="budget">
        {t("cost.budget", {
          budget: usd(cost.budgetUsd),
          thresholds: cost.thresholds.map((threshold) => `${threshold.percent} % (${usd(threshold.usd)})`).join(", "),
        })}
        {over ? ` ${t("cost.overBudget", { percent: over.percent })}` : null}
      </p>
    </section>
  );
}
