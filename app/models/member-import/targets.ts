/**
 * What a column of an uploaded file can become. `ignore` drops the column.
 * A full name is split on its last space ("Maria Clara Santos" → "Maria
 * Clara" + "Santos"); a birthday comes either whole or in the three parts
 * ChurchCRM exports (year, month, day).
 */
export const IMPORT_TARGETS = [
  "ignore",
  "given_name",
  "family_name",
  "full_name",
  "email",
  "phone",
  "address",
  "birthday",
  "birth_year",
  "birth_month",
  "birth_day",
  "household",
  "groups",
] as const;

export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Targets several columns may feed: address parts are joined, group lists combined. */
export const MULTI_COLUMN_TARGETS: ReadonlySet<ImportTarget> = new Set(["ignore", "address", "groups"]);

export function isImportTarget(value: unknown): value is ImportTarget {
  return typeof value === "string" && (IMPORT_TARGETS as readonly string[]).includes(value);
}

/** The limits of one upload. */
export const MAX_FILE_BYTES = 5_000_000;
export const MAX_DATA_ROWS = 20_000;
/** Rows the preview shows as they would be imported. */
export const PREVIEW_ROWS = 20;
/** An upload not imported within this time is deleted. */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
