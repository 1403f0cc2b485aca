import { useTranslation } from "react-i18next";
import { FilterForm } from "~/components/filter-form";
import { TextField, type FormState } from "~/components/form";

/** The period to report on: a GET form, so the report's address names its period. Left off paper. */
export function PeriodForm({ state }: { state: FormState }) {
  const { t } = useTranslation("compliance");
  return (
    <FilterForm
      titleId="period-title"
      title={t("form.title")}
      refused={state.errors ? t("form.invalid") : null}
      applyLabel={t("form.apply")}
      className="no-print print:hidden"
      fields={
        <>
          <TextField name="from" label={t("form.from")} state={state} type="date" />
          <TextField name="to" label={t("form.to")} state={state} type="date" />
        </>
      }
      links={
        <a className="link" href="/admin/compliance">
          {t("form.reset")}
        </a>
      }
    />
  );
}
