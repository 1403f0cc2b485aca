import { describe, expect, it } from "vitest";
import { decodeCsvBytes, detectDelimiter, parseCsvText, readCsvFile } from "~/models/member-import/parse.server";
import { MAX_DATA_ROWS } from "~/models/member-import/targets";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 for the Latin-1 range (ñ is 0xF1), as Excel writes it. */
const cp1252 = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

describe("decoding an upload", () => {
  it("reads UTF-8 with and without a byte order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Pangalan\nPeñafrancia\n")]);
    expect(decodeCsvBytes(withBom)).toEqual({ ok: true, text: "Pangalan\nPeñafrancia\n" });
    expect(decodeCsvBytes(utf8("Pangalan\nPeñafrancia\n"))).toEqual({ ok: true, text: "Pangalan\nPeñafrancia\n" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    const bytes = cp1252("Apelyido;Pangalan\r\nPeñafrancia;José\r\n");
    expect(bytes.includes(0xf1)).toBe(true);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: "Apelyido;Pangalan\r\nPeñafrancia;José\r\n" });
    // Windows-1252's own characters above 0x7F: the curly quotes Excel likes.
    expect(decodeCsvBytes(new Uint8Array([0x93, 0x4a, 0x6f, 0x79, 0x94]))).toEqual({ ok: true, text: "“Joy”" });
  });

  it("refuses binary files, UTF-16 and empty files with their own reasons", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeCsvBytes(png)).toEqual({ ok: false, reason: "binary" });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]);
    expect(decodeCsvBytes(zip)).toEqual({ ok: false, reason: "binary" });
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({ ok: false, reason: "utf16" });
    expect(decodeCsvBytes(new Uint8Array([]))).toEqual({ ok: false, reason: "empty" });
    expect(decodeCsvBytes(utf8(" \r\n "))).toEqual({ ok: false, reason: "empty" });
  });
});

describe("parsing CSV", () => {
  it("detects the delimiter from the header line, outside quotes", () => {
    expect(detectDelimiter("a,b,c\n1;2;3")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,2,3")).toBe(";");
    expect(detectDelimiter('"Name, full";Email;Phone\n')).toBe(";");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter("Name\n")).toBe(",");
  });

  it("keeps quoted fields with delimiters, line breaks and doubled quotes", () => {
    const parsed = parseCsvText('Name,Address,Note\r\n"Santos, Maria","12 Rizal St.\r\nQuezon City","She said ""hi"""\r\n');
    expect(parsed).toEqual({
      ok: true,
      csv: {
        delimiter: ",",
        headers: ["Name", "Address", "Note"],
        rows: [{ row: 2, cells: ["Santos, Maria", "12 Rizal St.\r\nQuezon City", 'She said "hi"'] }],
      },
    });
  });

  it("numbers rows as a spreadsheet does: header row 1, a multi-line cell one row, blank rows counted but left out", () => {
    const parsed = parseCsvText('a,b\n1,"x\ny"\n\n2,z\n,\n3,w');
    if (!parsed.ok) throw new Error("expected to parse");
    expect(parsed.csv.rows.map((row) => row.row)).toEqual([2, 4, 6]);
    // A short row is padded by nobody: missing cells are simply absent.
    expect(parseCsvText("a,b,c\n1\n")).toMatchObject({ ok: true, csv: { rows: [{ row: 2, cells: ["1"] }] } });
  });

  it("reads a stray quote inside an unquoted cell as text", () => {
    expect(parseCsvText('Name\nJose "Pepe" Rizal\n')).toMatchObject({ ok: true, csv: { rows: [{ cells: ['Jose "Pepe" Rizal'] }] } });
  });

  it("refuses an unclosed quote, naming the line", () => {
    expect(parseCsvText('a,b\n1,2\n3,"never closed\n4,5\n')).toEqual({ ok: false, reason: "malformed", line: expect.any(Number) });
  });

  it("refuses a header without rows", () => {
    expect(parseCsvText("given_name,family_name\n\n")).toEqual({ ok: false, reason: "noRows" });
  });

  it(`takes ${MAX_DATA_ROWS.toLocaleString("en")} rows and refuses one more`, () => {
    const file = (rows: number) => `Name\n${"Juan Cruz\n".repeat(rows)}`;
    const full = parseCsvText(file(MAX_DATA_ROWS));
    expect(full.ok && full.csv.rows.length).toBe(MAX_DATA_ROWS);
    expect(parseCsvText(file(MAX_DATA_ROWS + 1))).toEqual({ ok: false, reason: "tooManyRows" });
  });

  it("reads a Windows-1252 semicolon file end to end", () => {
    const read = readCsvFile(cp1252("Pangalan;Apelyido\r\nNiño;Peña\r\n"));
    expect(read).toMatchObject({ ok: true, csv: { delimiter: ";", headers: ["Pangalan", "Apelyido"], rows: [{ row: 2, cells: ["Niño", "Peña"] }] } });
  });
});
