import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLngs } from "~/i18n/config";

/**
 * A plain POST form: one button per language, so switching is one tap and
 * needs no JavaScript. /language sets the cookie and sends the visitor back.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  // Drop ?lng= so the cookie, not an old query, decides after switching.
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const query = params.toString();
  const back = `${location.pathname}${query ? `?${query}` : ""}`;

  return (
    <form method="post" action="/language" className="flex items-center gap-1 text-sm">
      <input type="hidden" name="redirectTo" value={back} />
      <span id="language-label" className="sr-only">
        {t("language.label")}
      </span>
      <div role="group" aria-labelledby="language-label" className="flex gap-1">
        {supportedLngs.map((lng) => {
          const current = i18n.language === lng;
          return (
            <button
              key={lng}
              type="submit"
              name="lng"
              value={lng}
              lang={lng}
              aria-pressed={current}
              className={
                current
                  ? "rounded border border-teal-800 bg-teal-800 px-2 py-1 text-white"
                  : "rounded border border-stone-400 bg-white px-2 py-1 text-stone-900 hover:bg-stone-100"
              }
            >
              {t(`language.names.${lng}`)}
            </button>
          );
        })}
      </div>
    </form>
  );
}
