import { useTranslation } from "react-i18next";

/**
 * Dates of data requests as a church reads them: "28 Dec 2026", in Manila
 * time (the deadline is a calendar day for the administrators, not an instant).
 */
export function useDay() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === "fil" ? "fil-PH" : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "Asia/Manila",
  });
  return (iso: string) => format.format(new Date(iso));
}

/** "due 28 Dec 2026 — 12 days left", or "… — overdue by 3 days". */
export function Deadline({ dueAt, daysLeft }: { dueAt: string; daysLeft: number | null }) {
  const { t } = useTranslation("adminRequests");
  const day = useDay();
  const left =
    daysLeft === null
      ? null
      : daysLeft > 0
      ? t("list.daysLeft", { count: daysLeft })
      : daysLeft === 0
      ? t("list.dueToday")
      : t("list.overdue", { count: -daysLeft });
  return (
    <span className={daysLeft !== null && daysLeft < 0 ? "font-semibold text-red-800" : undefined}>
      {left ? `${t("list.due", { date: day(dueAt) })} — ${left}` : t("list.due", { date: day(dueAt) })}
    </span>
  );
}
