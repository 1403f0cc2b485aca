import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { SelectField, TextField, type FormState } from "./form";

/** "Dela Cruz Family (3 members)", with some given names when two households share the name. */
export function householdLabel(t: TFunction, household: { name: string; memberCount: number; givenNames?: string[] }) {
  const label = t("adminMembers:household.option", { name: household.name, count: household.memberCount });
  return household.givenNames?.length ? `${label}: ${household.givenNames.join(", ")}` : label;
}

/**
 * Where a member lives, as the member forms ask it: an existing household,
 * a new one (named in the field below, the family name when left empty), or
 * none. Plain fields: it works without JavaScript.
 */
export function HouseholdFields({
  households,
  state,
  defaultChoice,
}: {
  households: { id: string; name: string; memberCount: number; givenNames?: string[] }[];
  state: FormState;
  defaultChoice: string;
}) {
  const { t } = useTranslation("adminMembers");
  return (
    <fieldset className="space-y-3 rounded border border-stone-300 p-3">
      <legend className="px-1 font-semibold">{t("household.legend")}</legend>
      <SelectField
        name="householdId"
        label={t("household.choose")}
        state={state}
        defaultValue={defaultChoice}
        options={[
          { value: "new", label: t("household.new") },
          { value: "", label: t("household.none") },
          ...households.map((household) => ({
            value: household.id,
            label: householdLabel(t, household),
          })),
        ]}
      />
      <TextField name="householdName" label={t("household.newName")} hint={t("household.newNameHint")} state={state} autoComplete="off" />
    </fieldset>
  );
}
