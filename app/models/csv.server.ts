/**
 * CSV as RFC 4180 writes it (CRLF line ends, fields with a comma, quote or
 * line break in double quotes, quotes doubled), made safe to open in a
 * spreadsheet: a cell that begins like a formula (=, +, -, @, tab, CR) gets a
 * leading single quote, so `=HYPERLINK(…)` typed by a user stays text
 * (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A whole document. It starts with a UTF-8 byte order mark because Excel,
 * which many church offices use, otherwise reads "Peñafrancia" as Latin-1.
 */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
