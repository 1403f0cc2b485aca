import { useTranslation } from "react-i18next";
import type { ComplianceReport } from "~/models/compliance-report/contents";
import { CELL, Counts, Frame, HEAD, Section, TABLE } from "./report-parts";

export function Consent({ report, day }: { report: ComplianceReport; day: (iso: string) => string }) {
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
