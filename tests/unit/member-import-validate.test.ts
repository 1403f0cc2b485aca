import { describe, expect, it } from "vitest";
import { parseBirthday } from "~/models/member-import/dates";
import type { ParsedCsv } from "~/models/member-import/parse.server";
import type { ImportTarget } from "~/models/member-import/targets";
import { checkRows, personKey, type GroupsByName } from "~/models/member-import/validate.server";

const GROUPS: GroupsByName = new Map([
  ["youth ministry", { id: "g-youth", name: "Youth Ministry" }],
  ["worship team", { id: "g-worship", name: "Worship Team" }],
  ["men, women & children", { id: "g-all", name: "Men, Women & Children" }],
]);

function csv(headers: string[], ...rows: string[][]): ParsedCsv {
  return { delimiter: ",", headers, rows: rows.map((cells, index) => ({ row: index + 2, cells })) };
}

const SPLIT: ImportTarget[] = ["given_name", "family_name", "email", "phone", "address", "birthday", "household", "groups"];
const HEADERS = ["First", "Last", "Email", "Phone", "Address", "Birthday", "Household", "Groups"];

describe("reading birthdays", () => {
  it.each([
    ["1980-03-05", "1980-03-05"],
    ["1980/3/5", "1980-03-05"],
    ["3/5/1980", "1980-03-05"],
    ["25/12/1980", "1980-12-25"],
    ["March 5, 1980", "1980-03-05"],
    ["5 Marso 1980", "1980-03-05"],
    ["05-Mar-1980", "1980-03-05"],
    ["1980-03-05 00:00:00", "1980-03-05"],
    ["1980-03-05T00:00:00Z", "1980-03-05"],
  ])("%s → %s", (text, iso) => expect(parseBirthday(text)).toBe(iso));

  it.each(["1980-02-30", "13/13/1980", "next week", "1980", "Smarch 5, 1980"])("%s is not a date", (text) =>
    expect(parseBirthday(text)).toBeNull(),
  );
});

describe("checking rows", () => {
  it("turns a good row into a member, with its groups resolved", () => {
    const [row] = checkRows(
      csv(HEADERS, ["Maria", "Santos", "Maria@Example.com", "+63 917 123 4567", "12 Rizal St.", "3/5/1980", "Santos Family", "youth ministry; Worship Team"]),
      SPLIT,
      GROUPS,
    );
    expect(row).toEqual({
      row: 2,
      problems: [],
      member: {
        givenName: "Maria",
        familyName: "Santos",
        email: "maria@example.com",
        phone: "+63 917 123 4567",
        address: "12 Rizal St.",
        birthday: "1980-03-05",
        household: "Santos Family",
        groupIds: ["g-youth", "g-worship"],
        groupNames: ["Youth Ministry", "Worship Team"],
      },
    });
  });

  it("names the row, the column and the reason of every problem", () => {
    const rows = checkRows(
      csv(
        HEADERS,
        ["", "Santos", "", "", "", "", "", ""],
        ["Jose", "Rizal", "not-an-email", "", "", "", "", ""],
        ["Ana", "Cruz", "", "", "", "1990-02-30", "", ""],
        ["Ben", "Reyes", "", "0917 123 4567 0917 123 4567 0917", "", "", "", ""],
        ["Lito", "Lapid", "", "call me", "", "2999-01-01", "", "Choir"],
      ),
      SPLIT,
      GROUPS,
    );
    expect(rows.flatMap((row) => row.problems)).toEqual([
      { row: 2, column: "First", messageKey: "forms:required" },
      { row: 3, column: "Email", messageKey: "forms:email" },
      { row: 4, column: "Birthday", messageKey: "forms:date" },
      { row: 5, column: "Phone", messageKey: "forms:tooLong" },
      { row: 6, column: "Phone", messageKey: "me:errors.phone" },
      { row: 6, column: "Birthday", messageKey: "me:errors.birthday" },
      { row: 6, column: "Groups", messageKey: "adminMembers:import.reasons.unknownGroup", params: { group: "Choir" } },
    ]);
  });

  it("splits a full name on its last space, and wants two words", () => {
    const rows = checkRows(csv(["Name"], ["Maria Clara  Santos"], ["Cher"]), ["full_name"], GROUPS);
    expect(rows[0]!.member).toMatchObject({ givenName: "Maria Clara", familyName: "Santos" });
    expect(rows[1]!.problems).toEqual([{ row: 3, column: "Name", messageKey: "adminMembers:import.reasons.oneWordName" }]);
  });

  it("joins address parts and reads ChurchCRM's birthday parts", () => {
    const mapping: ImportTarget[] = ["given_name", "family_name", "address", "address", "birth_year", "birth_month", "birth_day"];
    const headers = ["per_FirstName", "per_LastName", "per_Address1", "per_City", "per_BirthYear", "per_BirthMonth", "per_BirthDay"];
    const rows = checkRows(
      csv(headers, ["Ana", "Cruz", "12 Rizal St.", "Quezon City", "1985", "7", "14"], ["Ben", "Cruz", "", "", "", "7", "14"], ["Cy", "Cruz", "", "", "0", "0", "0"]),
      mapping,
      GROUPS,
    );
    expect(rows[0]!.member).toMatchObject({ address: "12 Rizal St., Quezon City", birthday: "1985-07-14" });
    expect(rows[1]!.problems).toEqual([{ row: 3, column: "per_BirthYear", messageKey: "adminMembers:import.reasons.incompleteBirthday" }]);
    expect(rows[2]!.problems).toEqual([]);
    expect(rows[2]!.member.birthday).toBeNull();
  });

  it("flags the same person twice in one file", () => {
    const rows = checkRows(
      csv(HEADERS, ["Ana", "Cruz", "ana@example.com", "", "", "1990-01-01", "", ""], ["Ann", "Cruz", "ANA@example.com", "", "", "", "", ""], ["Ána", "cruz", "", "", "", "1990-01-01", "", ""]),
      SPLIT,
      GROUPS,
    );
    expect(rows.flatMap((row) => row.problems)).toEqual([
      { row: 3, column: "Email", messageKey: "adminMembers:import.reasons.sameEmail", params: { row: 2 } },
      { row: 4, column: "First", messageKey: "adminMembers:import.reasons.samePerson", params: { row: 2 } },
    ]);
  });

  it("takes a group whose name has a comma as one group", () => {
    const [row] = checkRows(csv(["Name", "Groups"], ["Ana Cruz", "Men, Women & Children"]), ["full_name", "groups"], GROUPS);
    expect(row!.member.groupIds).toEqual(["g-all"]);
  });

  it("recognises a person by name and birthday regardless of accents and case", () => {
    expect(personKey("Ána María", "De la Cruz", "1990-01-01")).toBe(personKey("ana maria", "de la  cruz", "1990-01-01"));
  });
});
