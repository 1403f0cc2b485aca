import { z } from "zod";
import { formValues, optionalCalendarDay, parseForm, type FieldErrors } from "~/utils/forms";
import { dateIn } from "../audit-log.server";

/** The compliance report's period: a GET form of two calendar days in the church's timezone. */

const periodSchema = z
  .object({ from: optionalCalendarDay, to: optionalCalendarDay })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ["from"], message: "compliance:errors.fromAfterTo" });

export interface Period {
  from: string;
  to: string;
}

/** The last twelve months up to today, in the church's timezone. */
export function defaultPeriod(timezone: string, now = new Date()): Period {
  const to = dateIn(timezone, now);
  const [year, month, dayOfMonth] = to.split("-").map(Number) as [number, number, number];
  const from = new Date(Date.UTC(year - 1, month - 1, dayOfMonth + 1)).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * The period a query string asks for. Missing dates take the default's; a bad
 * one is reported (the page keeps what was typed) and the default applies.
 */
export function parsePeriod(
  params: URLSearchParams,
  timezone: string,
  now = new Date()
): { period: Period; errors: FieldErrors | null; values: Record<string, string | string[]> } {
  const fallback = defaultPeriod(timezone, now);
  const form = new FormData();
  for (const name of ["from", "to"]) {
    const value = params.get(name);
    if (value !== null) form.set(name, value);
  }
  const result = parseForm(periodSchema, form);
  if (!result.ok) return { period: fallback, errors: result.errors, values: result.values };
  const period = { from: result.data.from ?? fallback.from, to: result.data.to ?? fallback.to };
  if (period.from > period.to) {
    // Only one date given, on the wrong side of the default for the other.
    return { period: fallback, errors: { from: ["compliance:errors.fromAfterTo"] }, values: formValues(form) };
  }
  return { period, errors: null, values: formValues(form) };
}
