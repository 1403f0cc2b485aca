import { z } from "zod";

/**
 * One schema per form, checked on the server. Messages in schemas are i18n
 * keys of the `forms` namespace (e.g. "forms:required"), so the page shows
 * them in the reader's language next to the field. On failure the action
 * answers 400 with the errors and the values as typed, and the form keeps them.
 */

export type FieldErrors = Record<string, string[]>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/** FormData to a plain object: repeated names (checkboxes) become arrays. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return values;
}

export function parseForm<S extends z.ZodTypeAny>(schema: S, form: FormData): FormResult<z.infer<S>> {
  const values = formValues(form);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "form";
    (errors[field] ??= []).push(issue.message);
  }
  return { ok: false, errors, values };
}

/** The 400 answer for a form that did not pass. */
export function invalid(result: Extract<FormResult<unknown>, { ok: false }>, extra: Record<string, unknown> = {}) {
  return Response.json({ errors: result.errors, values: result.values, ...extra }, { status: 400 });
}

/** A form-level refusal (not one field's): shown at the top of the form. */
export function refused(messageKey: string, values: Record<string, string | string[]> = {}, status = 400) {
  return Response.json({ errors: { form: [messageKey] }, values }, { status });
}

// Shared field rules, messages as i18n keys.
export const fields = {
  email: z
    .string()
    .trim()
    .min(1, "forms:required")
    .max(254, "forms:tooLong")
    .email("forms:email")
    .transform((v) => v.toLowerCase()),
  text: (max = 200) => z.string().trim().min(1, "forms:required").max(max, "forms:tooLong"),
  optionalText: (max = 2000) =>
    z
      .string()
      .trim()
      .max(max, "forms:tooLong")
      .optional()
      .transform((v) => (v ? v : null)),
  uuid: z.string().uuid("forms:choose"),
  /** Checkbox lists arrive as one string or many; none at all means an empty list. */
  list: <T extends z.ZodTypeAny>(item: T) =>
    z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item)),
};

/**
 * An optional calendar day typed as YYYY-MM-DD (a date input's value): empty
 * means not given; anything that is not a real day of 1970 or later is a
 * field error. Before 1970 nothing of Kapatiran existed, and it keeps Date.UTC
 * away from its two-digit years.
 */
export const optionalCalendarDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isCalendarDate(v), "forms:date");

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, dayOfMonth] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1970) return false;
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dayOfMonth;
}
