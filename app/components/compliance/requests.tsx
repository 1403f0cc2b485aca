import { useTranslation } from "react-i18next";
import type { ComplianceReport } from "~/models/compliance-report/contents";
import { CELL, Counts, Frame, HEAD, Section, TABLE } from "./report-parts";

export function Requests({ report, day }: { report: ComplianceReport; day: (iso: string) => string }) {
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
