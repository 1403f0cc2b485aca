import { useTranslation } from "react-i18next";
import { TextField, type FormState } from "~/components/form";

/** The period to report on: a GET form, so the report's address names its period. Left off paper. */
export function PeriodForm({ state }: { state: FormState }) {
  const { t } = useTranslation("compliance");
  return (
    <form
      method="get"
      aria-labelledby="period-title"
      className="no-print space-y-3 rounded border border-stone-300 bg-white p-3 print:hidden"
    >
      <h2 id="period-title" className="text-lg font-semibold">
        {t("form.title")}
      </h2>
      {state.errors ? (
        <p role="alert" className="font-semibold text-red-800">
          {t("form.invalid")}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="from" label={t("form.from")} state={state} type="date" />
        <TextField name="to" label={t("form.to")} state={state} type="date" />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          {t("form.apply")}
        </button>
        <a className="link" href="/admin/compliance">
          {t("form.reset")}
        </a>
      </div>
    </form>
  );
}
