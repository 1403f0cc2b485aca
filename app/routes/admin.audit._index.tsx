import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FilterForm } from "~/components/filter-form";
import { SelectField, TextField, type FormState } from "~/components/form";
import { listAuditLog, parseAuditFilters, type AuditPage, type AuditRow } from "~/models/audit-log.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { pageParam } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Audit log · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminAudit"], help: "reading-the-audit-log" };
export const headers = memberPageHeaders;

/** The church's audit trail, filtered by a plain GET form, 50 entries a page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:audit");
  if (!user.churchId) throw new Response("Forbidden: no church", { status: 403 });
  const url = new URL(request.url);
  const { filters, errors, values } = parseAuditFilters(url.searchParams);
  const log = await listAuditLog(user.churchId, filters, pageParam(url.searchParams));
  // The filters as they apply, for the export link and the page links.
  const query = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))
  ).toString();
  return Response.json({ ...log, errors, values, query }, { status: errors ? 400 : 200, headers: memberPageHeaders() });
}

type LoaderData = AuditPage & FormState & { errors: FormState["errors"] | null; query: string };

export default function AuditLog() {
  const data = useLoaderData<LoaderData>();
  const { t } = useTranslation("adminAudit");
  const state: FormState = { errors: data.errors ?? undefined, values: data.values };
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(data.query);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <section aria-labelledby="audit-title" className="space-y-6">
      <h1 id="audit-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <p className="max-w-prose text-stone-700">{t("lead", { timezone: data.timezone })}</p>

      <FilterForm
        titleId="audit-filter-title"
        title={t("filters.title")}
        refused={data.errors ? t("filters.invalid") : null}
        applyLabel={t("filters.apply")}
        fields={
          <>
            <SelectField
              name="actor"
              label={t("filters.actor")}
              state={state}
              options={[
                { value: "", label: t("filters.anyone") },
                { value: "system", label: t("actor.system") },
                ...data.options.actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` })),
                // An e-mail given in a link stays selected, so the form shows the filter in force.
                ...(typeof data.values?.actor === "string" && data.values.actor.includes("@")
                  ? [{ value: data.values.actor, label: data.values.actor }]
                  : []),
              ]}
            />
            <SelectField
              name="action"
              label={t("filters.action")}
              state={state}
              options={[
                { value: "", label: t("filters.anyAction") },
                ...data.options.actions.map((a) => ({ value: a, label: a })),
              ]}
            />
            <SelectField
              name="recordType"
              label={t("filters.recordType")}
              state={state}
              options={[
                { value: "", label: t("filters.anyRecordType") },
                ...data.options.recordTypes.map((r) => ({ value: r, label: r })),
              ]}
            />
            <TextField name="recordId" label={t("filters.recordId")} state={state} autoComplete="off" />
            <TextField name="from" label={t("filters.from")} state={state} type="date" />
            <TextField name="to" label={t("filters.to")} state={state} type="date" />
          </>
        }
        links={
          <>
            <a className="link" href="/admin/audit">
              {t("filters.clear")}
            </a>
            <a className="link" href={withQuery("/admin/audit/export.csv")} download>
              {t("export")}
            </a>
          </>
        }
      />

      <h2 className="text-lg font-semibold">{t("entries.title")}</h2>
      {data.entries.length === 0 ? (
        <p>{t("entries.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {data.entries.map((entry) => (
            <Entry key={entry.id} entry={entry} timezone={data.timezone} />
          ))}
        </ol>
      )}

      {data.page > 1 || data.hasNext ? (
        <nav aria-label={t("pages.label")} className="flex items-center justify-between text-sm">
          {data.page > 1 ? (
            <a className="link" href={withQuery("/admin/audit", { page: String(data.page - 1) })} rel="prev">
              {t("pages.newer")}
            </a>
          ) : (
            <span />
          )}
          <span>{t("pages.page", { page: data.page })}</span>
          {data.hasNext ? (
            <a className="link" href={withQuery("/admin/audit", { page: String(data.page + 1) })} rel="next">
              {t("pages.older")}
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}

function Entry({ entry, timezone }: { entry: AuditRow; timezone: string }) {
  const { t, i18n } = useTranslation("adminAudit");
  const when = new Intl.DateTimeFormat(`${i18n.language}-PH`, {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: timezone,
  });
  const who =
    entry.actor === null
      ? t("actor.system")
      : entry.actor === "platform"
      ? t("actor.platform")
      : `${entry.actor.name} (${entry.actor.email})`;
  return (
    <li className="space-y-2 rounded border border-stone-300 bg-white p-3" data-entry-id={entry.id}>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">{t("entry.when")}</dt>
        <dd>
          <time dateTime={entry.createdAt}>{when.format(new Date(entry.createdAt))}</time>
        </dd>
        <dt className="font-semibold">{t("entry.who")}</dt>
        <dd className="wrap-anywhere">{who}</dd>
        <dt className="font-semibold">{t("entry.action")}</dt>
        <dd>
          {/* Access events and other actions a church should read at a glance have a label; the code stays for filtering. */}
          {t(`actions.${entry.action}`, { defaultValue: "" }) ? (
            <span className="mr-2">{t(`actions.${entry.action}`)}</span>
          ) : null}
          <code className="wrap-anywhere">{entry.action}</code>
        </dd>
        <dt className="font-semibold">{t("entry.record")}</dt>
        <dd className="wrap-anywhere">
          {entry.recordType}
          {entry.recordId ? <code className="ml-2 text-stone-700">{entry.recordId}</code> : null}
        </dd>
      </dl>
      {entry.changes.length > 0 ? (
        <div className="text-sm">
          <p className="font-semibold">{t("entry.changes")}</p>
          <ul className="list-disc space-y-1 pl-5">
            {entry.changes.map((change) => (
              <li key={change.field} className="wrap-anywhere">
                <span className="font-semibold">{change.field}</span>: <Value value={change.before} />{" "}
                <span aria-hidden="true">→</span>
                <span className="sr-only">{t("entry.changedTo")}</span> <Value value={change.after} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

/** A value the user typed: React renders it as text, never as markup. */
function Value({ value }: { value: string | null }) {
  const { t } = useTranslation("adminAudit");
  return value === null ? <em className="text-stone-700">{t("entry.none")}</em> : <span>{value}</span>;
}
