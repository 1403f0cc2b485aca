import { useTranslation } from "react-i18next";
import type { ComplianceReport } from "~/models/compliance-report/contents";
import { Section } from "./report-parts";

export function Storage({ report }: { report: ComplianceReport }) {
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
