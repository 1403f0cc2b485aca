import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { TextField, type FormState } from "~/components/form";
import {
  churchTimezone,
  complianceReport,
  LATEST_ACCESS_EVENTS,
  parsePeriod,
  RETENTION_RUNS_SHOWN,
  type ComplianceReport,
} from "~/models/compliance-report.server";
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

function useFormats(timezone: string) {
  const { i18n } = useTranslation();
  const locale = i18n.language === "fil" ? "fil-PH" : "en-GB";
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: timezone });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: timezone });
  // A calendar day of the period (YYYY-MM-DD) is already the church's day: format it as is.
  const calendar = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return {
    day: (iso: string) => day.format(new Date(iso)),
    moment: (iso: string) => moment.format(new Date(iso)),
    calendar: (ymd: string) => calendar.format(new Date(`${ymd}T00:00:00Z`)),
  };
}

const TABLE = "w-full border-collapse text-left text-sm";
const CELL = "border border-stone-300 px-2 py-1 align-top";
const HEAD = `${CELL} bg-stone-100 font-semibold`;

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

      <form
        method="get"
        aria-labelledby="period-title"
        className="no-print space-y-3 rounded border border-stone-300 bg-white p-3 print:hidden"
      >
        <h2 id="period-title" className="text-lg font-semibold">
          {t("form.title")}
        </h2>
        {errors ? (
          <p role="alert" className="font-semibold text-red-800">
            {t("form.invalid")}
          </p>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="from" label={t("form.from")} state={state} type="date" />
          <TextField name="to" label={t("form.to")} state={state} type="date" />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            {t("form.apply")}
          </button>
          <a className="link" href="/admin/compliance">
            {t("form.reset")}
          </a>
        </div>
      </form>

      <Holdings report={report} />
      <Consent report={report} day={day} />
      <Requests report={report} day={day} />
      <Access report={report} moment={moment} />
      <Retention report={report} moment={moment} />
      <Storage report={report} />
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 break-inside-avoid">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Room for a table to scroll sideways on a narrow phone; focusable and named,
 * so a keyboard user can scroll it too (axe: scrollable-region-focusable).
 */
function Frame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      {children}
    </div>
  );
}

/** A two-column table of label and number. */
function Counts({ caption, rows }: { caption: string; rows: [string, number | string][] }) {
  const { t } = useTranslation("compliance");
  return (
    <Frame label={caption}>
      <table className={TABLE}>
        <caption className="py-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={HEAD}>
              {t("table.what")}
            </th>
            <th scope="col" className={HEAD}>
              {t("table.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className={`${CELL} font-normal`}>
                {label}
              </th>
              <td className={CELL}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Frame>
  );
}

function Holdings({ report }: { report: ComplianceReport }) {
  const { t } = useTranslation("compliance");
  const { members, accounts, openInvitations } = report.holdings;
  return (
    <Section id="holdings" title={t("holdings.title")}>
      <Counts
        caption={t("holdings.membersCaption")}
        rows={[
          [t("holdings.total"), members.total],
          [t("holdings.listed"), members.listed],
          [t("holdings.unlisted"), members.unlisted],
          [t("holdings.withPhoto"), members.withPhoto],
          [t("holdings.removed"), members.removed],
          [t("holdings.erased"), members.erased],
        ]}
      />
      <Frame label={t("holdings.accountsCaption")}>
        <table className={TABLE}>
          <caption className="py-1 text-left font-semibold">{t("holdings.accountsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className={HEAD}>
                {t("holdings.role")}
              </th>
              <th scope="col" className={HEAD}>
                {t("holdings.active")}
              </th>
              <th scope="col" className={HEAD}>
                {t("holdings.deactivated")}
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.byRole.map((row) => (
              <tr key={row.role}>
                <th scope="row" className={`${CELL} font-normal`}>
                  {row.role}
                </th>
                <td className={CELL}>{row.active}</td>
                <td className={CELL}>{row.deactivated}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className={CELL}>
                {t("holdings.allRoles")}
              </th>
              <td className={`${CELL} font-semibold`}>{accounts.active}</td>
              <td className={`${CELL} font-semibold`}>{accounts.deactivated}</td>
            </tr>
          </tbody>
        </table>
      </Frame>
      <p>{t("holdings.openInvitations", { count: openInvitations })}</p>
    </Section>
  );
}

function Consent({ report, day }: { report: ComplianceReport; day: (iso: string) => string }) {
  const { t } = useTranslation("compliance");
  const { consent } = report;
  return (
    <Section id="consent" title={t("consent.title")}>
      <p>
        {consent.currentVersion > 0 && consent.publishedAt
          ? t("consent.currentPolicy", { version: consent.currentVersion, date: day(consent.publishedAt) })
          : t("consent.noPolicy")}
      </p>
      <p className="max-w-prose text-stone-800">{t("consent.scope")}</p>
      <Counts
        caption={t("consent.peopleCaption")}
        rows={[
          [t("consent.usersWithChoice"), consent.usersWithChoice],
          [t("consent.usersWithoutChoice"), consent.usersWithoutChoice],
          [t("consent.latestRecords"), consent.latestRecords],
        ]}
      />
      <Frame label={t("consent.categoriesCaption")}>
        <table className={TABLE}>
          <caption className="py-1 text-left font-semibold">{t("consent.categoriesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className={HEAD}>
                {t("consent.category")}
              </th>
              <th scope="col" className={HEAD}>
                {t("consent.yes")}
              </th>
              <th scope="col" className={HEAD}>
                {t("consent.no")}
              </th>
            </tr>
          </thead>
          <tbody>
            {(["preferences", "analytics"] as const).map((category) => (
              <tr key={category} data-category={category}>
                <th scope="row" className={`${CELL} font-normal`}>
                  {t(`consent.categories.${category}`)}
                </th>
                <td className={CELL}>{consent.categories[category].yes}</td>
                <td className={CELL}>{consent.categories[category].no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Frame>
      {consent.byVersion.length > 0 ? (
        <Counts
          caption={t("consent.versionsCaption")}
          rows={consent.byVersion.map((row) => [t("consent.version", { version: row.version }), row.records])}
        />
      ) : null}
      <p className="max-w-prose text-sm text-stone-800">{t("consent.anonymous")}</p>
    </Section>
  );
}

function Requests({ report, day }: { report: ComplianceReport; day: (iso: string) => string }) {
  const { t } = useTranslation("compliance");
  const { requests } = report;
  return (
    <Section id="requests" title={t("requests.title")}>
      {requests.overdue > 0 ? (
        <p className="font-semibold text-red-800">{t("requests.overdueWarning", { count: requests.overdue })}</p>
      ) : null}
      <Counts
        caption={t("requests.byStatusCaption")}
        rows={(["pending", "approved", "declined", "withdrawn"] as const).map((status) => [
          t(`requests.statuses.${status}`),
          requests.byStatus[status],
        ])}
      />
      {requests.lines.length === 0 ? (
        <p>{t("requests.none")}</p>
      ) : (
        <Frame label={t("requests.listCaption")}>
          <table className={TABLE}>
            <caption className="py-1 text-left font-semibold">{t("requests.listCaption")}</caption>
            <thead>
              <tr>
                {(["who", "requested", "due", "decided", "status", "daysTaken"] as const).map((column) => (
                  <th key={column} scope="col" className={HEAD}>
                    {t(`requests.columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {requests.lines.map((line) => (
                <tr key={line.id} data-request-id={line.id}>
                  <th scope="row" className={`${CELL} font-normal break-words`}>
                    {line.requesterName}
                  </th>
                  <td className={CELL}>{day(line.requestedAt)}</td>
                  <td className={CELL}>{day(line.dueAt)}</td>
                  <td className={CELL}>{line.decidedAt ? day(line.decidedAt) : "—"}</td>
                  <td className={line.overdue ? `${CELL} font-semibold text-red-800` : CELL}>
                    {line.overdue ? t("requests.overdue") : t(`requests.statuses.${line.status}`)}
                  </td>
                  <td className={CELL}>
                    {line.daysTaken === null ? "—" : t("requests.days", { count: line.daysTaken })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Frame>
      )}
    </Section>
  );
}

function Access({ report, moment }: { report: ComplianceReport; moment: (iso: string) => string }) {
  const { t } = useTranslation("compliance");
  const { access } = report;
  return (
    <Section id="access" title={t("access.title")}>
      <p className="max-w-prose text-stone-800">{t("access.intro")}</p>
      {access.counts.length === 0 ? (
        <p>{t("access.none")}</p>
      ) : (
        <>
          <Counts
            caption={t("access.countsCaption")}
            rows={access.counts.map((row) => [
              t(`access.actions.${row.action}`, { defaultValue: row.action }),
              row.count,
            ])}
          />
          <Frame label={t("access.latestCaption", { count: LATEST_ACCESS_EVENTS })}>
            <table className={TABLE}>
              <caption className="py-1 text-left font-semibold">
                {t("access.latestCaption", { count: LATEST_ACCESS_EVENTS })}
              </caption>
              <thead>
                <tr>
                  {(["when", "who", "what", "record"] as const).map((column) => (
                    <th key={column} scope="col" className={HEAD}>
                      {t(`access.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {access.latest.map((event) => (
                  <tr key={event.id} data-audit-id={event.id}>
                    <td className={CELL}>
                      <time dateTime={event.createdAt}>{moment(event.createdAt)}</time>
                    </td>
                    <td className={`${CELL} break-words`}>{event.actorName ?? t("access.system")}</td>
                    <td className={CELL}>{t(`access.actions.${event.action}`, { defaultValue: event.action })}</td>
                    <td className={`${CELL} font-mono text-xs break-all`}>
                      {event.recordId ? `${event.recordType} ${event.recordId}` : event.recordType}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Frame>
        </>
      )}
    </Section>
  );
}

function Retention({ report, moment }: { report: ComplianceReport; moment: (iso: string) => string }) {
  const { t } = useTranslation("compliance");
  return (
    <Section id="retention" title={t("retention.title")}>
      <p className="max-w-prose text-stone-800">{t("retention.platformWide", { count: RETENTION_RUNS_SHOWN })}</p>
      {report.retention.length === 0 ? (
        <p>{t("retention.none")}</p>
      ) : (
        <Frame label={t("retention.caption")}>
          <table className={TABLE}>
            <caption className="py-1 text-left font-semibold">{t("retention.caption")}</caption>
            <thead>
              <tr>
                <th scope="col" className={HEAD}>
                  {t("retention.started")}
                </th>
                <th scope="col" className={HEAD}>
                  {t("retention.removed")}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.retention.map((run) => {
                const removed = Object.entries(run.removed).filter(([, count]) => count > 0);
                return (
                  <tr key={run.id} data-run-id={run.id}>
                    <td className={CELL}>
                      <time dateTime={run.startedAt}>{moment(run.startedAt)}</time>
                      {run.finishedAt ? null : ` (${t("retention.unfinished")})`}
                    </td>
                    <td className={CELL}>
                      {removed.length === 0
                        ? t("retention.nothing")
                        : removed
                            .map(([kind, count]) => `${t(`retention.kinds.${kind}`, { defaultValue: kind })}: ${count}`)
                            .join(", ")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Frame>
      )}
      <p className="text-sm text-stone-800">{t("retention.policy")}</p>
    </Section>
  );
}

function Storage({ report }: { report: ComplianceReport }) {
  const { t } = useTranslation("compliance");
  const { storage } = report;
  const database =
    storage.database.kind === "postgres"
      ? t("storage.databasePostgres", { host: storage.database.host })
      : t("storage.databaseEmbedded", { folder: storage.database.folder });
  const files =
    storage.files.kind === "local"
      ? t("storage.filesLocal", { folder: storage.files.folder })
      : storage.files.kind === "s3"
      ? t("storage.filesS3", { bucket: storage.files.bucket, region: storage.files.region })
      : t("storage.filesS3Compatible", { bucket: storage.files.bucket, host: storage.files.endpointHost });
  const rows: [string, string][] = [
    [t("storage.database"), database],
    [t("storage.files"), files],
    [t("storage.transit"), storage.hsts ? t("storage.transitProduction") : t("storage.transitDevelopment")],
    [t("storage.sessions"), t(storage.sessionStore === "redis" ? "storage.sessionsRedis" : "storage.sessionsDatabase")],
    [t("storage.addresses"), t("storage.addressesText")],
    [t("storage.backups"), t("storage.backupsText")],
    [t("storage.region"), storage.region ?? t("storage.regionUnset")],
  ];
  return (
    <Section id="storage" title={t("storage.title")}>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        {rows.map(([label, text]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="break-words text-stone-800">{text}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
