import { useTranslation } from "react-i18next";
import { LATEST_ACCESS_EVENTS, type ComplianceReport } from "~/models/compliance-report/contents";
import { CELL, Counts, Frame, HEAD, Section, TABLE } from "./report-parts";

export function Access({ report, moment }: { report: ComplianceReport; moment: (iso: string) => string }) {
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
