import { parse } from "csv-parse/sync";
import { MAX_DATA_ROWS } from "./targets";

/**
 * From the bytes of an uploaded file to its header and rows. Church offices
 * export from Excel (Windows-1252, often with semicolons where the decimal
 * mark is a comma), from Google Sheets (UTF-8), from Planning Center or
 * ChurchCRM (UTF-8, sometimes with a byte order mark): all of these read here.
 */

export type FileRefusal = "empty" | "binary" | "utf16" | "malformed" | "noRows" | "tooManyRows";

export type Decoded = { ok: true; text: string } | { ok: false; reason: FileRefusal };

/** Bytes to text: UTF-8 when they are valid UTF-8 (BOM or not), else Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  // Excel's "Unicode text" and some exports are UTF-16: say so rather than "not a CSV".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: "utf16" };
  }
  if (looksBinary(bytes)) return { ok: false, reason: "binary" };
  let text: string;
  try {
    // `fatal` makes invalid UTF-8 throw instead of turning into U+FFFD; the BOM is dropped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.trim() === "" ? { ok: false, reason: "empty" } : { ok: true, text };
}

/*
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, dashes…).
 * Some Node versions decode "windows-1252" as Latin-1, leaving those as C1
 * control characters, so they are mapped here whatever the runtime does.
 */
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/**
 * Text files have no NUL bytes and few control characters; spreadsheets
 * (XLSX is a zip), images and PDFs have plenty within their first kilobytes.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  }
  return control > sample.length / 100;
}

export interface CsvRow {
  /** The row's number as a spreadsheet shows the file: the header is row 1. */
  row: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: "," | ";" | "\t";
  headers: string[];
  /** Data rows, blank ones left out (their numbers are skipped, not reused). */
  rows: CsvRow[];
}

export type Parsed = { ok: true; csv: ParsedCsv } | { ok: false; reason: FileRefusal; line?: number };

/** The delimiter the header line uses most: comma, semicolon or tab, outside quotes. */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

/** RFC 4180 text (quoted fields, embedded line breaks, doubled quotes) to rows. */
export function parseCsvText(text: string): Parsed {
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ""));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (Jose "Pepe" Rizal) is text, as Excel reads it.
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : undefined;
    return { ok: false, reason: "malformed", line };
  }
  const [header, ...data] = records;
  if (!header || header.every((cell) => cell.trim() === "")) return { ok: false, reason: "empty" };
  const headers = header.map((cell, index) => cell.trim() || `#${index + 1}`);
  const rows: CsvRow[] = [];
  data.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== "")) rows.push({ row: index + 2, cells });
  });
  if (rows.length === 0) return { ok: false, reason: "noRows" };
  if (rows.length > MAX_DATA_ROWS) return { ok: false, reason: "tooManyRows" };
  return { ok: true, csv: { delimiter, headers, rows } };
}

/** Both steps at once: what the upload form calls. */
export function readCsvFile(bytes: Uint8Array): { ok: true; text: string; csv: ParsedCsv } | { ok: false; reason: FileRefusal; line?: number } {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseCsvText(decoded.text);
  return parsed.ok ? { ok: true, text: decoded.text, csv: parsed.csv } : parsed;
}
