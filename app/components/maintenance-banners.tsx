import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { windowParts, zoneName } from "~/maintenance/window-text";
import type { RootLoaderData } from "~/root";

/**
 * Announcements on every page, under the header: read-only mode, the next
 * maintenance window (from 24 hours before it) and operators' status notices.
 * Dark text on pale backgrounds (contrast above 7:1); an incident is an
 * alert, everything else a polite status.
 */
export function MaintenanceBanners() {
  const banners = useRouteLoaderData<RootLoaderData>("root")?.banners;
  const { t, i18n } = useTranslation("maintenance");
  if (!banners) return null;
  const { readOnly, window, notices } = banners;
  if (!readOnly.enabled && !window && notices.length === 0) return null;
  const locale = i18n.language;
  const zone = window ? zoneName(window.timeZone, t("philippineTime")) : "";
  const note = (en: string | null, fil: string | null) => (locale === "fil" && fil ? fil : en);
  return (
    <section aria-label={t("banner.label")} className="border-b border-stone-300">
      {notices.map((notice) => (
        <div
          key={notice.id}
          role={notice.severity === "incident" ? "alert" : "status"}
          data-notice={notice.severity}
          className={notice.severity === "incident" ? "bg-red-50 text-red-950" : "bg-sky-50 text-sky-950"}
        >
          <p className="mx-auto max-w-5xl px-4 py-2 wrap-anywhere">
            <strong>{t(`banner.${notice.severity}`)}:</strong> {note(notice.messageEn, notice.messageFil)}
          </p>
        </div>
      ))}
      {readOnly.enabled ? (
        <div role="status" data-banner="read-only" className="bg-amber-50 text-amber-950">
          <p className="mx-auto max-w-5xl px-4 py-2">
            <strong>{t("banner.readOnly")}</strong>
            {readOnly.reason ? <> {t("banner.reason", { reason: readOnly.reason })}</> : null}
          </p>
        </div>
      ) : null}
      {window ? (
        <div role="status" data-banner="maintenance-window" className="bg-amber-50 text-amber-950">
          <p className="mx-auto max-w-5xl px-4 py-2">
            {t(window.running ? "banner.running" : "banner.scheduled", { ...windowParts(window, locale), zone })}
            {note(window.noteEn, window.noteFil) ? <> {note(window.noteEn, window.noteFil)}</> : null}
          </p>
        </div>
      ) : null}
    </section>
  );
}
