import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { SelectField, TextField, valueOf, type FormState } from "./form";

/** "Dela Cruz Family (3 members)", with some given names when two households share the name. */
export function householdLabel(t: TFunction, household: { name: string; memberCount: number; givenNames?: string[] }) {
  const label = t("adminMembers:household.option", { name: household.name, count: household.memberCount });
  return household.givenNames?.length ? `${label}: ${household.givenNames.join(", ")}` : label;
}

/** The households a typed name could mean, sent back by the action to choose from (household-lookup.server.ts). */
export interface HouseholdChoiceState {
  field: string;
  pick: string;
  matches: { id: string; name: string; memberCount: number; givenNames: string[] }[];
}

export type HouseholdFormState = FormState & { householdChoice?: HouseholdChoiceState };

/**
 * Where a member lives, as the member forms ask it: an existing household,
 * a new one (named in the field below, the family name when left empty), or
 * none. Plain fields: it works without JavaScript. `households` null: too
 * many for a list, so an existing household is found by the name typed.
 */
export function HouseholdFields({
  households,
  state,
  defaultChoice,
  current,
}: {
  households: { id: string; name: string; memberCount: number; givenNames?: string[] }[] | null;
  state: HouseholdFormState;
  defaultChoice: string;
  /** The member's household now: kept as a choice when the list is replaced by a name. */
  current?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation("adminMembers");
  // A large church (households === null) types the household's name; a small one picks it from the list.
  const byName = households === null;
  const options = byName
    ? [
        ...(current ? [{ value: current.id, label: t("household.current", { name: current.name }) }] : []),
        { value: "find", label: t("household.find") },
        { value: "new", label: t("household.new") },
        { value: "", label: t("household.none") },
      ]
    : [
        { value: "new", label: t("household.new") },
        { value: "", label: t("household.none") },
        ...households.map((household) => ({ value: household.id, label: householdLabel(t, household) })),
      ];
  return (
    <fieldset className="space-y-3 rounded border border-stone-300 p-3">
      <legend className="px-1 font-semibold">{t("household.legend")}</legend>
      <SelectField name="householdId" label={t("household.choose")} state={state} defaultValue={defaultChoice} options={options} />
      <TextField
        name="householdName"
        label={t(byName ? "household.name" : "household.newName")}
        hint={t(byName ? "household.nameHint" : "household.newNameHint")}
        state={state}
        autoComplete="off"
      />
      {byName ? <HouseholdMatchChoices state={state} field="householdName" /> : null}
    </fieldset>
  );
}

/** When a typed name fit several households: each as a radio button, with its members' names to tell them apart. */
export function HouseholdMatchChoices({ state, field }: { state: HouseholdFormState; field: string }) {
  const { t } = useTranslation("adminMembers");
  const choice = state.householdChoice;
  if (!choice || choice.field !== field) return null;
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{t("household.pick")}</legend>
      {choice.matches.map((match) => (
        <div key={match.id} className="flex items-start gap-2">
          <input
            id={`${choice.pick}-${match.id}`}
            type="radio"
            name={choice.pick}
            value={match.id}
            defaultChecked={valueOf(state, choice.pick) === match.id}
            className="mt-1 h-5 w-5 shrink-0"
          />
          <label htmlFor={`${choice.pick}-${match.id}`} className="break-words">
            {householdLabel(t, match)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
