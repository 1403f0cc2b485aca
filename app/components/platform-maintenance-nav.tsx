import { useTranslation } from "react-i18next";

/** Between the maintenance, status-notice and releases pages of the platform console. */
export function PlatformMaintenanceNav({ current }: { current: "maintenance" | "status" | "releases" }) {
  const { t } = useTranslation("maintenance");
  const pages = [
    ["maintenance", "/platform/maintenance"],
    ["status", "/platform/status"],
    ["releases", "/platform/releases"],
  ] as const;
  return (
    <nav aria-label={t("nav.maintenance")}>
      <ul className="flex flex-wrap gap-2">
        {pages.map(([name, href]) => (
          <li key={name}>
            <a
              href={href}
              aria-current={name === current ? "page" : undefined}
              className="inline-block rounded border border-teal-800 px-3 py-1 text-teal-900 aria-[current=page]:bg-teal-800 aria-[current=page]:text-white"
            >
              {t(`nav.${name}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
