import { useTranslation } from "react-i18next";

/** How the report writes days and moments: in the church's timezone, in the reader's language. */
export function useFormats(timezone: string) {
  const { i18n } = useTranslation();
  const locale = i18n.language === "fil" ? "fil-PH" : "en-GB";
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: timezone });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: timezone });
  // A calendar day of the period (YYYY-MM-DD) is already the church's day: format it as is.
  const calendar = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return {
    day: (iso: string) => day.format(new Date(iso)),
    moment: (iso: string) => moment.format(new Date(iso)),
    calendar: (ymd: string) => calendar.format(new Date(`${ymd}T00:00:00Z`)),
  };
}
