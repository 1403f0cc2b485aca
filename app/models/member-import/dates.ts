/**
 * Birthdays as spreadsheets write them, to ISO dates (YYYY-MM-DD). Month
 * first when both orders could be meant (1/2/1990 is January 2), as Filipino
 * and American offices write it; a day over 12 in front can only be a day.
 */

const MONTHS: Record<string, number> = {};
const NAMES = [
  ["january", "jan", "enero"],
  ["february", "feb", "pebrero", "febrero"],
  ["march", "mar", "marso"],
  ["april", "apr", "abril"],
  ["may", "mayo"],
  ["june", "jun", "hunyo", "junio"],
  ["july", "jul", "hulyo", "julio"],
  ["august", "aug", "agosto"],
  ["september", "sep", "sept", "setyembre", "septiyembre"],
  ["october", "oct", "oktubre", "octubre"],
  ["november", "nov", "nobyembre", "noviembre"],
  ["december", "dec", "disyembre", "diciembre"],
];
NAMES.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

/** A month written as a number or a name (English, Filipino, Spanish), or null. */
export function monthOf(text: string): number | null {
  const value = text.trim().toLowerCase().replace(/\.$/, "");
  if (/^\d{1,2}$/.test(value)) return Number(value);
  return MONTHS[value] ?? null;
}

/** YYYY-MM-DD when the three numbers make a real date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A written date to YYYY-MM-DD, or null when it cannot be read as one. */
export function parseBirthday(text: string): string | null {
  // Excel and database exports add a time: "1980-03-05 00:00:00", "1980-03-05T00:00:00Z".
  const value = text.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i, "");
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return first > 12 ? isoDate(year, second, first) : isoDate(year, first, second);
  }
  // "March 5, 1980", "Mar. 5 1980"
  match = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(value);
  if (match) {
    const month = monthOf(match[1]!);
    return month ? isoDate(Number(match[3]), month, Number(match[2])) : null;
  }
  // "5 March 1980", "5-Mar-1980"
  match = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/i.exec(value);
  if (match) {
    const month = monthOf(match[2]!);
    return month ? isoDate(Number(match[3]), month, Number(match[1])) : null;
  }
  return null;
}
