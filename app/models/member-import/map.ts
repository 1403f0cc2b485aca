import { MULTI_COLUMN_TARGETS, isImportTarget, type ImportTarget } from "./targets";

/**
 * Which column is which: a first guess from the header names of the exports
 * churches bring (Planning Center People, ChurchCRM, plain English or
 * Filipino spreadsheets), which the administrator then checks and corrects.
 */

/** "per_FirstName", "First Name", "first-name" and "Fírst name" all read as "firstname". */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const KNOWN: Record<Exclude<ImportTarget, "ignore" | "full_name">, string[]> = {
  given_name: [
    "firstname", "givenname", "first", "given", "forename", "perfirstname",
    "unangpangalan", "pangalanunang", "primeronombre",
  ],
  family_name: ["lastname", "surname", "perlastname", "apelyido", "apelido", "last", "apelyidopangalan"],
  email: [
    "email", "emailaddress", "homeemail", "peremail", "mail", "eadres", "emailadres",
    "workemail", "perworkemail", "emel",
  ],
  phone: [
    "mobilephonenumber", "mobilephone", "mobile", "mobilenumber", "mobileno", "cellphone", "cellphonenumber",
    "cellphoneno", "cellno", "cell", "cp", "cpno", "cpnumber", "percellphone", "phone", "phonenumber",
    "homephonenumber", "homephone", "perhomephone", "telepono", "numerongtelepono", "contactnumber",
    "contactno", "selpon", "numero", "workphonenumber", "perworkphone",
  ],
  address: [
    "address", "homeaddress", "homeaddressstreetline1", "homeaddressstreetline2", "homeaddresscity",
    "homeaddressstate", "homeaddresszipcode", "homeaddresszip", "peraddress1", "peraddress2", "percity",
    "perstate", "perzip", "address1", "address2", "streetaddress", "street", "city", "barangay", "province",
    "zip", "zipcode", "postalcode", "tirahan", "lungsod", "lalawigan", "bayan",
  ],
  birthday: ["birthday", "birthdate", "dateofbirth", "dob", "kaarawan", "kapanganakan", "petsangkapanganakan", "arawngkapanganakan"],
  birth_year: ["perbirthyear", "birthyear"],
  birth_month: ["perbirthmonth", "birthmonth"],
  birth_day: ["perbirthday", "birthdayofmonth", "dayofbirth"],
  household: ["householdname", "household", "famname", "familia", "sambahayan", "pamilya"],
  groups: ["groups", "group", "ministries", "ministry", "grupo", "mgagrupo", "smallgroup", "smallgroups"],
};

/** Header → its target and rank: the lists above go from the likeliest column to the least. */
const BY_HEADER = new Map<string, { target: ImportTarget; rank: number }>(
  Object.entries(KNOWN).flatMap(([target, names]) => names.map((name, rank) => [name, { target: target as ImportTarget, rank }])),
);

/** Headers whose meaning depends on the rest of the file. */
const JUST_NAME = new Set(["name", "fullname", "pangalan", "buongpangalan", "completename", "membername"]);
const FAMILY_OR_HOUSEHOLD = "familyname";

/**
 * One target per column. Exact headers come first; the ambiguous ones after:
 * "Family Name" is the surname unless another column already is (ChurchCRM
 * calls the household that), and "Name"/"Pangalan" is the given name beside
 * a surname column, else the whole name. A target that takes one column goes
 * to the likeliest column for it; the others are ignored.
 */
export function suggestMapping(headers: readonly string[]): ImportTarget[] {
  const normalized = headers.map(normalizeHeader);
  const mapping: ImportTarget[] = headers.map(() => "ignore");
  const taken = new Set<ImportTarget>();
  const claim = (index: number, target: ImportTarget) => {
    if (taken.has(target) && !MULTI_COLUMN_TARGETS.has(target)) return;
    mapping[index] = target;
    taken.add(target);
  };
  // Known headers, best ranked first: a mobile number beats a home phone wherever the columns stand.
  normalized
    .flatMap((name, index) => {
      const known = BY_HEADER.get(name);
      return known ? [{ index, ...known }] : [];
    })
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .forEach(({ index, target }) => claim(index, target));
  normalized.forEach((name, index) => {
    if (name === FAMILY_OR_HOUSEHOLD) claim(index, taken.has("family_name") ? "household" : "family_name");
  });
  normalized.forEach((name, index) => {
    if (JUST_NAME.has(name)) claim(index, taken.has("family_name") ? "given_name" : "full_name");
  });
  return mapping;
}

export interface MappingProblem {
  /** Column index, or null for the mapping as a whole. */
  column: number | null;
  messageKey: string;
}

/**
 * What the mapping must say before a preview makes sense: where the names
 * are, each single target at most once, a birthday whole or in all three parts.
 */
export function checkMapping(mapping: readonly string[], columnCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.length !== columnCount || !mapping.every(isImportTarget)) {
    return [{ column: null, messageKey: "forms:choose" }];
  }
  const targets = mapping as ImportTarget[];
  const seen = new Set<ImportTarget>();
  targets.forEach((target, column) => {
    if (seen.has(target) && !MULTI_COLUMN_TARGETS.has(target)) {
      problems.push({ column, messageKey: "adminMembers:map.errors.twice" });
    }
    seen.add(target);
  });
  const full = seen.has("full_name");
  const split = seen.has("given_name") || seen.has("family_name");
  if (full && split) problems.push({ column: null, messageKey: "adminMembers:map.errors.nameTwice" });
  else if (!full && !(seen.has("given_name") && seen.has("family_name"))) {
    problems.push({ column: null, messageKey: "adminMembers:map.errors.names" });
  }
  const parts = (["birth_year", "birth_month", "birth_day"] as const).filter((part) => seen.has(part));
  if (parts.length > 0 && (parts.length < 3 || seen.has("birthday"))) {
    problems.push({ column: null, messageKey: "adminMembers:map.errors.birthdayParts" });
  }
  return problems;
}
