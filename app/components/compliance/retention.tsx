import { useTranslation } from "react-i18next";
import { RETENTION_RUNS_SHOWN, type ComplianceReport } from "~/models/compliance-report/contents";
import { CELL, Frame, HEAD, Section, TABLE } from "./report-parts";

export function Retention({ report, moment }: { report: ComplianceReport; moment: (iso: string) => string }) {
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
