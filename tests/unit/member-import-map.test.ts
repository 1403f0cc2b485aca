import { describe, expect, it } from "vitest";
import { checkMapping, normalizeHeader, suggestMapping } from "~/models/member-import/map";

/** The mapping as header → target, leaving out ignored columns, for readable expectations. */
const mapped = (headers: string[]) =>
  Object.fromEntries(suggestMapping(headers).flatMap((target, index) => (target === "ignore" ? [] : [[headers[index], target]])));

describe("normalizing headers", () => {
  it("ignores case, accents, spaces and punctuation", () => {
    expect(normalizeHeader("per_FirstName")).toBe("perfirstname");
    expect(normalizeHeader(" First Name ")).toBe("firstname");
    expect(normalizeHeader("E-mail")).toBe("email");
    expect(normalizeHeader("Teléfono")).toBe("telefono");
  });
});

describe("suggesting a mapping", () => {
  it("recognises a Planning Center People export", () => {
    const headers = [
      "Person ID", "Name Prefix", "First Name", "Nickname", "Given Name", "Middle Name", "Last Name", "Name Suffix",
      "Birthdate", "Anniversary", "Gender", "Grade", "Membership", "Status",
      "Home Address Street Line 1", "Home Address Street Line 2", "Home Address City", "Home Address State", "Home Address Zip Code",
      "Home Email", "Work Email", "Mobile Phone Number", "Home Phone Number", "Household ID", "Household Name", "Household Primary Contact",
    ];
    expect(mapped(headers)).toEqual({
      "First Name": "given_name",
      "Last Name": "family_name",
      Birthdate: "birthday",
      "Home Address Street Line 1": "address",
      "Home Address Street Line 2": "address",
      "Home Address City": "address",
      "Home Address State": "address",
      "Home Address Zip Code": "address",
      "Home Email": "email",
      "Mobile Phone Number": "phone",
      "Household Name": "household",
    });
  });

  it("recognises a ChurchCRM export, birthday in parts and the family as household", () => {
    const headers = [
      "per_ID", "per_Title", "per_FirstName", "per_MiddleName", "per_LastName", "per_Suffix",
      "per_Address1", "per_Address2", "per_City", "per_State", "per_Zip", "per_Country",
      "per_HomePhone", "per_WorkPhone", "per_CellPhone", "per_Email", "per_WorkEmail",
      "per_BirthMonth", "per_BirthDay", "per_BirthYear", "per_Gender", "Family Name",
    ];
    expect(mapped(headers)).toEqual({
      per_FirstName: "given_name",
      per_LastName: "family_name",
      per_Address1: "address",
      per_Address2: "address",
      per_City: "address",
      per_State: "address",
      per_Zip: "address",
      per_CellPhone: "phone",
      per_Email: "email",
      per_BirthMonth: "birth_month",
      per_BirthDay: "birth_day",
      per_BirthYear: "birth_year",
      "Family Name": "household",
    });
    expect(mapped(["per_FirstName", "per_LastName", "Birth Date", "fam_Name"])).toEqual({
      per_FirstName: "given_name",
      per_LastName: "family_name",
      "Birth Date": "birthday",
      fam_Name: "household",
    });
  });

  it("recognises plain English and Filipino headers", () => {
    expect(mapped(["Pangalan", "Apelyido", "Telepono", "E-mail", "Tirahan", "Kaarawan", "Sambahayan", "Mga Grupo"])).toEqual({
      Pangalan: "given_name",
      Apelyido: "family_name",
      Telepono: "phone",
      "E-mail": "email",
      Tirahan: "address",
      Kaarawan: "birthday",
      Sambahayan: "household",
      "Mga Grupo": "groups",
    });
    expect(mapped(["Name", "Email", "Mobile", "Birthday"])).toEqual({
      Name: "full_name",
      Email: "email",
      Mobile: "phone",
      Birthday: "birthday",
    });
    // "Family Name" is the surname when nothing else is.
    expect(mapped(["Given Name", "Family Name"])).toEqual({ "Given Name": "given_name", "Family Name": "family_name" });
  });

  it("gives a one-column target to the likeliest column, else the first", () => {
    expect(suggestMapping(["Email", "E-mail", "Home Phone", "Mobile"])).toEqual(["email", "ignore", "ignore", "phone"]);
    expect(suggestMapping(["Work Email", "Home Email"])).toEqual(["ignore", "email"]);
  });
});

describe("checking a mapping", () => {
  it("accepts given and family names, or a full name", () => {
    expect(checkMapping(["given_name", "family_name", "ignore"], 3)).toEqual([]);
    expect(checkMapping(["full_name", "address", "address"], 3)).toEqual([]);
  });

  it("says what is missing or chosen twice", () => {
    expect(checkMapping(["given_name", "email"], 2)).toEqual([{ column: null, messageKey: "adminMembers:map.errors.names" }]);
    expect(checkMapping(["full_name", "given_name", "family_name"], 3)).toEqual([
      { column: null, messageKey: "adminMembers:map.errors.nameTwice" },
    ]);
    expect(checkMapping(["full_name", "email", "email"], 3)).toEqual([{ column: 2, messageKey: "adminMembers:map.errors.twice" }]);
    expect(checkMapping(["full_name", "birth_year", "birth_month"], 3)).toEqual([
      { column: null, messageKey: "adminMembers:map.errors.birthdayParts" },
    ]);
    expect(checkMapping(["full_name", "no-such-target"], 2)).toEqual([{ column: null, messageKey: "forms:choose" }]);
    expect(checkMapping(["full_name"], 2)).toEqual([{ column: null, messageKey: "forms:choose" }]);
  });
});
