import { useTranslation } from "react-i18next";
import type { OnboardingChecklist } from "~/models/onboarding.server";

/**
 * The getting-started checklist on /admin. Each step says "Done" or "To do"
 * in words (the tick is decoration), links to where it is done and to its
 * help article; when every step is done it shrinks to one line.
 */
export function OnboardingChecklistPanel({
  checklist,
  churchName,
}: {
  checklist: OnboardingChecklist;
  churchName: string;
}) {
  const { t } = useTranslation("onboarding");
  if (checklist.allDone) {
    return (
      <p className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
        <span aria-hidden="true">✓ </span>
        {t("checklist.allSet")}
      </p>
    );
  }
  return (
    <section aria-labelledby="checklist-title" className="space-y-3 rounded border border-stone-300 bg-white p-4">
      <h2 id="checklist-title" className="text-xl font-semibold">
        {t("checklist.title")}
      </h2>
      <p>{t("checklist.intro", { church: churchName })}</p>
      <p className="font-semibold">
        {t("checklist.progress", { done: checklist.doneCount, total: checklist.steps.length })}
      </p>
      <ol aria-label={t("checklist.listLabel")} className="space-y-4">
        {checklist.steps.map((step) => (
          <li key={step.key} data-step={step.key} className="space-y-1 border-t border-stone-200 pt-3">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span
                className={
                  step.done
                    ? "rounded bg-teal-800 px-2 text-sm font-semibold text-white"
                    : "rounded border border-stone-600 px-2 text-sm font-semibold text-stone-900"
                }
              >
                {step.done ? <span aria-hidden="true">✓ </span> : null}
                {t(step.done ? "checklist.done" : "checklist.todo")}
              </span>
              <span className="font-semibold">{t(`checklist.steps.${step.key}.title`)}</span>
            </p>
            <p className="text-stone-800">{t(`checklist.steps.${step.key}.body`)}</p>
            <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {step.href ? (
                <a className="link font-semibold" href={step.href}>
                  {t(`checklist.steps.${step.key}.action`)}
                </a>
              ) : null}
              <a className="link" href={`/help/${step.helpSlug}`}>
                {t("checklist.help", { title: t(`checklist.steps.${step.key}.help`) })}
              </a>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
