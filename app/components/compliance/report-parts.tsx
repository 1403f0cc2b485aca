import { useTranslation } from "react-i18next";

/** The pieces every section of the compliance report is built from. */

export const TABLE = "w-full border-collapse text-left text-sm";
export const CELL = "border border-stone-300 px-2 py-1 align-top";
export const HEAD = `${CELL} bg-stone-100 font-semibold`;

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 break-inside-avoid">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Room for a table to scroll sideways on a narrow phone; focusable and named,
 * so a keyboard user can scroll it too (axe: scrollable-region-focusable).
 */
export function Frame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      {children}
    </div>
  );
}

/** A two-column table of label and number. */
export function Counts({ caption, rows }: { caption: string; rows: [string, number | string][] }) {
  const { t } = useTranslation("compliance");
  return (
    <Frame label={caption}>
      <table className={TABLE}>
        <caption className="py-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={HEAD}>
              {t("table.what")}
            </th>
            <th scope="col" className={HEAD}>
              {t("table.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className={`${CELL} font-normal`}>
                {label}
              </th>
              <td className={CELL}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Frame>
  );
}
