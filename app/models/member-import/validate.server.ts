import { profileSchema } from "../profile.server";
import { isoDate, monthOf, parseBirthday } from "./dates";
import type { CsvRow, ParsedCsv } from "./parse.server";
import type { ImportTarget } from "./targets";

/**
 * Each row of the file checked as the member form checks what an
 * administrator types (the same `profileSchema`), plus what only a file can
 * get wrong: an unknown group, or the same person twice in the file.
 * Problems name the row as the file numbers it and the column by its header.
 */

export interface ImportedMember {
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  birthday: string | null;
  household: string | null;
  groupIds: string[];
  /** The group names as the church spells them (for the preview). */
  groupNames: string[];
}

export interface RowProblem {
  row: number;
  /** The header of the column at fault. */
  column: string;
  /** An i18n key, with its interpolation values. */
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface CheckedRow {
  row: number;
  member: ImportedMember;
  problems: RowProblem[];
}

/** The church's groups by lower-cased name. */
export type GroupsByName = ReadonlyMap<string, { id: string; name: string }>;

const HOUSEHOLD_MAX = 200;

export function checkRows(csv: ParsedCsv, mapping: readonly ImportTarget[], groups: GroupsByName): CheckedRow[] {
  const columnsOf = (target: ImportTarget) => mapping.flatMap((t, index) => (t === target ? [index] : []));
  const header = (target: ImportTarget) => {
    const index = columnsOf(target)[0];
    return index === undefined ? "" : (csv.headers[index] ?? "");
  };
  const fieldColumn: Record<string, string> = {
    givenName: header(mapping.includes("full_name") ? "full_name" : "given_name"),
    familyName: header(mapping.includes("full_name") ? "full_name" : "family_name"),
    email: header("email"),
    phone: header("phone"),
    address: header("address"),
    birthday: header(mapping.includes("birth_year") ? "birth_year" : "birthday"),
    household: header("household"),
    groups: header("groups"),
  };
  const firstRowOfEmail = new Map<string, number>();
  const firstRowOfPerson = new Map<string, number>();

  return csv.rows.map((csvRow) => {
    const cell = (target: ImportTarget) => {
      const index = columnsOf(target)[0];
      return index === undefined ? "" : (csvRow.cells[index] ?? "").trim();
    };
    const problems: RowProblem[] = [];
    const problem = (field: string, messageKey: string, params?: RowProblem["params"]) =>
      problems.push({ row: csvRow.row, column: fieldColumn[field] ?? "", messageKey, ...(params ? { params } : {}) });

    const names = namesOf(cell, mapping);
    if (names.oneWord) problem("givenName", "adminMembers:import.reasons.oneWordName");
    const birthday = birthdayOf(cell, mapping);
    if (birthday.unreadable) problem("birthday", birthday.incomplete ? "adminMembers:import.reasons.incompleteBirthday" : "forms:date");
    const address = joined(csvRow, columnsOf("address"), ", ");

    const raw = {
      givenName: names.given,
      familyName: names.family,
      phone: cell("phone"),
      email: cell("email"),
      address,
      birthday: birthday.iso ?? "",
    };
    const checked = profileSchema.safeParse(raw);
    if (!checked.success) {
      const told = new Set<string>(names.oneWord ? ["familyName"] : []);
      for (const issue of checked.error.issues) {
        // One reason per column: a 40-digit phone is "too long", not also "not a phone number".
        const field = String(issue.path[0]);
        if (told.has(field)) continue;
        told.add(field);
        problem(field, issue.message);
      }
    }
    const household = cell("household");
    if (household.length > HOUSEHOLD_MAX) problem("household", "forms:tooLong");

    const groupIds: string[] = [];
    const groupNames: string[] = [];
    for (const name of groupList(csvRow, columnsOf("groups"), groups)) {
      const group = groups.get(name.toLowerCase());
      if (!group) problem("groups", "adminMembers:import.reasons.unknownGroup", { group: name });
      else if (!groupIds.includes(group.id)) {
        groupIds.push(group.id);
        groupNames.push(group.name);
      }
    }

    const member: ImportedMember = checked.success
      ? { ...checked.data, household: household || null, groupIds, groupNames }
      : {
          givenName: raw.givenName,
          familyName: raw.familyName,
          email: raw.email || null,
          phone: raw.phone || null,
          address: raw.address || null,
          birthday: raw.birthday || birthday.text || null,
          household: household || null,
          groupIds,
          groupNames,
        };

    // The same person twice in one file would become two members.
    if (member.email) {
      const key = member.email.toLowerCase();
      const first = firstRowOfEmail.get(key);
      if (first !== undefined) problem("email", "adminMembers:import.reasons.sameEmail", { row: first });
      else firstRowOfEmail.set(key, csvRow.row);
    }
    if (member.birthday && checked.success) {
      const key = personKey(member.givenName, member.familyName, member.birthday);
      const first = firstRowOfPerson.get(key);
      if (first !== undefined) problem("givenName", "adminMembers:import.reasons.samePerson", { row: first });
      else firstRowOfPerson.set(key, csvRow.row);
    }
    return { row: csvRow.row, member, problems };
  });
}

/** How the same person is recognised by name and birthday, here and in the database. */
export function personKey(givenName: string, familyName: string, birthday: string): string {
  const simple = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase().replace(/\s+/g, " ");
  return `${simple(givenName)}|${simple(familyName)}|${birthday}`;
}

type Cell = (target: ImportTarget) => string;

/** Given and family name, from two columns or one split on its last space. */
function namesOf(cell: Cell, mapping: readonly ImportTarget[]) {
  if (!mapping.includes("full_name")) return { given: cell("given_name"), family: cell("family_name"), oneWord: false };
  const full = cell("full_name").replace(/\s+/g, " ");
  const cut = full.lastIndexOf(" ");
  if (cut < 0) return { given: full, family: "", oneWord: full !== "" };
  return { given: full.slice(0, cut), family: full.slice(cut + 1), oneWord: false };
}

/** The birthday from its own column or from ChurchCRM's three parts (all three, or none). */
function birthdayOf(cell: Cell, mapping: readonly ImportTarget[]) {
  if (mapping.includes("birth_year")) {
    const parts = [cell("birth_year"), cell("birth_month"), cell("birth_day")];
    const text = parts.filter(Boolean).join("-");
    if (parts.every((part) => part === "" || part === "0")) return { iso: null, text: "", unreadable: false, incomplete: false };
    if (parts.some((part) => part === "" || part === "0")) return { iso: null, text, unreadable: true, incomplete: true };
    const month = monthOf(parts[1]!);
    const iso = month && /^\d{4}$/.test(parts[0]!) && /^\d{1,2}$/.test(parts[2]!) ? isoDate(Number(parts[0]), month, Number(parts[2])) : null;
    return { iso, text, unreadable: iso === null, incomplete: false };
  }
  const text = cell("birthday");
  if (text === "") return { iso: null, text, unreadable: false, incomplete: false };
  const iso = parseBirthday(text);
  return { iso, text, unreadable: iso === null, incomplete: false };
}

function joined(row: CsvRow, columns: number[], separator: string): string {
  return columns
    .map((index) => (row.cells[index] ?? "").trim())
    .filter(Boolean)
    .join(separator);
}

/**
 * Group names from one or more columns: a list separated by semicolons,
 * bars or commas, unless the whole cell is itself a group's name.
 */
function groupList(row: CsvRow, columns: number[], groups: GroupsByName): string[] {
  return columns.flatMap((index) => {
    const text = (row.cells[index] ?? "").trim();
    if (text === "") return [];
    if (groups.has(text.toLowerCase())) return [text];
    return text
      .split(/[;|,]/)
      .map((name) => name.trim())
      .filter(Boolean);
  });
}
