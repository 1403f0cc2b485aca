import { useTranslation } from "react-i18next";

const STEPS = ["upload", "map", "preview"] as const;

/** Where the administrator is in an import: upload, choose columns, preview and import. */
export function ImportSteps({ current }: { current: (typeof STEPS)[number] }) {
  const { t } = useTranslation("adminMembers");
  return (
    <ol aria-label={t("steps.label")} className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {STEPS.map((step, index) => (
        <li key={step} aria-current={step === current ? "step" : undefined} className={step === current ? "font-bold text-teal-950" : "text-stone-700"}>
          {index + 1}. {t(`steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
