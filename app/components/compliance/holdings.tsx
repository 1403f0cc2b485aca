import { useTranslation } from "react-i18next";
import type { ComplianceReport } from "~/models/compliance-report/contents";
import { CELL, Counts, Frame, HEAD, Section, TABLE } from "./report-parts";

export function Holdings({ report }: { report: ComplianceReport }) {
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
