import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * Form pieces that keep the user's input and show errors where they belong,
 * wired for screen readers: `aria-invalid` on the field, `aria-describedby`
 * pointing at its message, and a summary with role="alert" at the top.
 */

export interface FormState {
  errors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
}

export function useFormState(): FormState {
  return (useActionData() as FormState | undefined) ?? {};
}

/** The value to show: what the user typed (after a failed post), else the default. */
export function valueOf(state: FormState, name: string, fallback = ""): string {
  const value = state.values?.[name];
  return typeof value === "string" ? value : fallback;
}

export function FormErrors({ state }: { state: FormState }) {
  const { t } = useTranslation("forms");
  const errors = state.errors;
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{t("forms:summary")}</p>
      {errors.form ? (
        <ul className="list-disc pl-5">
          {errors.form.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface FieldBase {
  name: string;
  label: string;
  state: FormState;
  defaultValue?: string;
  hint?: string;
  /** Say "(optional)" after the label: people should know what they may leave out. */
  optional?: boolean;
}

type FieldProps = FieldBase & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">;
type TextAreaProps = FieldBase & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue">;

/** What every field shares: its label, hint and errors, and the attributes that tie them to the control. */
function useField({ name, state, defaultValue, hint }: FieldBase, id: string | undefined) {
  const fieldId = id ?? `field-${name}`;
  const errors = state.errors?.[name];
  const describedBy = [hint ? `${fieldId}-hint` : null, errors ? `${fieldId}-error` : null].filter(Boolean).join(" ");
  return {
    fieldId,
    errors,
    control: {
      id: fieldId,
      name,
      defaultValue: valueOf(state, name, defaultValue),
      "aria-invalid": errors ? true : undefined,
      "aria-describedby": describedBy || undefined,
      className: "w-full rounded border border-stone-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700",
    },
  };
}

function FieldFrame({
  fieldId,
  label,
  hint,
  optional,
  errors,
  children,
}: {
  fieldId: string;
  label: string;
  hint?: string;
  optional?: boolean;
  errors?: string[];
  children: React.ReactNode;
}) {
  const { t } = useTranslation("forms");
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block font-semibold">
        {label}
        {optional ? <span className="font-normal text-stone-700"> ({t("optional")})</span> : null}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      {children}
      {errors ? (
        <p id={`${fieldId}-error`} className="text-sm font-semibold text-red-800">
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ name, label, state, defaultValue, hint, optional, id, ...input }: FieldProps) {
  const { fieldId, errors, control } = useField({ name, label, state, defaultValue, hint }, id);
  return (
    <FieldFrame fieldId={fieldId} label={label} hint={hint} optional={optional} errors={errors}>
      <input {...control} {...input} />
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, state, defaultValue, hint, optional, id, ...textarea }: TextAreaProps) {
  const { fieldId, errors, control } = useField({ name, label, state, defaultValue, hint }, id);
  return (
    <FieldFrame fieldId={fieldId} label={label} hint={hint} optional={optional} errors={errors}>
      <textarea {...control} {...textarea} />
    </FieldFrame>
  );
}

interface SelectProps extends Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name" | "defaultValue"> {
  name: string;
  label: string;
  state: FormState;
  defaultValue?: string;
  options: { value: string; label: string }[];
}

export function SelectField({ name, label, state, defaultValue, options, id, ...select }: SelectProps) {
  const { t } = useTranslation("forms");
  const fieldId = id ?? `field-${name}`;
  const errors = state.errors?.[name];
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block font-semibold">
        {label}
      </label>
      <select
        id={fieldId}
        name={name}
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${fieldId}-error` : undefined}
        className="w-full rounded border border-stone-500 bg-white px-3 py-2"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errors ? (
        <p id={`${fieldId}-error`} className="text-sm font-semibold text-red-800">
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The "yes, I mean it" checkbox in front of a destructive button (delete a
 * group, a role…): submits `confirm=yes`; the action refuses without it.
 */
export function ConfirmCheckbox({ label, errors }: { label: string; errors?: string[] }) {
  const { t } = useTranslation("forms");
  return (
    <>
      <div className="flex items-start gap-2">
        <input
          id="confirm-delete"
          type="checkbox"
          name="confirm"
          value="yes"
          required
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? "confirm-delete-error" : undefined}
          className="mt-1 h-5 w-5 shrink-0 accent-red-800"
        />
        <label htmlFor="confirm-delete">{label}</label>
      </div>
      {errors ? (
        <p id="confirm-delete-error" className="text-sm font-semibold text-red-800">
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
    </>
  );
}
