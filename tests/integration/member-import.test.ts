import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { browse, type CookieJar, postForm } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";
import { decodeEntities, memberFixtures, visibleText } from "./member-admin-fixtures";

/**
 * /admin/members/import over real HTTP, as a browser without JavaScript
 * does it: upload (multipart), choose columns, preview, import — all or
 * nothing — with files as churches bring them.
 */

let server: TestServer;
let admin: CookieJar;
let hopeAdmin: CookieJar;
let member: CookieJar;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
  hopeAdmin = await signedInJar(server.url, "admin@hope.example");
  member = await signedInJar(server.url, "member@grace.example");
});
afterAll(async () => {
  await server?.close();
});

const db = memberFixtures(() => server);
const at = (p: string) => `${server.url}${p}`;
const fixture = (name: string) => fs.readFileSync(path.resolve("tests/fixtures", name));

function upload(jar: CookieJar, fileName: string, content: Uint8Array | string) {
  const form = new FormData();
  form.set("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)], { type: "text/csv" }), fileName);
  return browse(jar, at("/admin/members/import"), { method: "POST", body: form, headers: { origin: server.url } });
}

/** The choices the column page pre-selects, as its form would send them. */
function preselected(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, options] of html.matchAll(/<select[^>]*name="(column-\d+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[name!] = /<option value="([a-z_]+)" selected=""/.exec(options!)?.[1] ?? "";
  }
  return fields;
}

/** Upload, accept the suggested columns; the import's id, and the suggestion by header. */
async function uploadAndMap(fileName: string, content: Uint8Array | string, jar = admin) {
  const uploaded = await upload(jar, fileName, content);
  expect(uploaded.status, await uploaded.clone().text()).toBe(302);
  const importId = uploaded.headers.get("location")!.match(/\/admin\/members\/import\/([0-9a-f-]{36})$/)![1]!;
  const mapPage = await db.page(jar, `/admin/members/import/${importId}`);
  expect(mapPage.status).toBe(200);
  const fields = preselected(mapPage.html);
  const headers = [...mapPage.html.matchAll(/<label for="column-\d+"[^>]*>([^<]*)<\/label>/g)].map((m) => decodeEntities(m[1]!));
  const mapped = await postForm(jar, at(`/admin/members/import/${importId}`), { intent: "map", ...fields });
  expect(mapped.status).toBe(302);
  expect(mapped.headers.get("location")).toBe(`/admin/members/import/${importId}/preview`);
  const suggestion = Object.fromEntries(headers.map((header, index) => [header, fields[`column-${index}`]]));
  return { importId, suggestion };
}

const runImport = (importId: string, fields: Record<string, string> = {}, jar = admin) =>
  postForm(jar, at(`/admin/members/import/${importId}/preview`), { intent: "import", duplicates: "skip", ...fields });

/** "aaa", "aab", …: distinct, name-like, no digits. */
const letters = (n: number) => {
  let text = "";
  for (let i = 0; i < 3; i++, n = Math.floor(n / 26)) text = String.fromCharCode(97 + (n % 26)) + text;
  return text;
};

/** Windows-1252 bytes (the Latin-1 range is enough for Filipino and Spanish names). */
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${char}`);
    return code;
  }));

describe("a file with an invalid row", () => {
  it("imports nothing and names the row, the column and the reason", async () => {
    const before = await db.countMembers("grace");
    const { importId, suggestion } = await uploadAndMap("members.csv", fixture("members-with-bad-row.csv"));
    expect(suggestion).toEqual({
      "First Name": "given_name",
      "Last Name": "family_name",
      Email: "email",
      Mobile: "phone",
      Birthday: "birthday",
      Household: "household",
      Groups: "groups",
    });
    const preview = await db.page(admin, `/admin/members/import/${importId}/preview`);
    expect(preview.status).toBe(200);
    const text = visibleText(preview.html);
    expect(text).toContain("Row 3 · Email: Enter an e-mail address like name@example.com.");
    expect(text).toContain("1 row has problems");
    expect(text).toContain("Rosalinda Kaibigan");

    const refused = await runImport(importId);
    expect(refused.status).toBe(400);
    expect(visibleText(await refused.text())).toContain("Nothing was imported: some rows have problems");
    expect(await db.countMembers("grace")).toBe(before);
    expect(await db.audit("members.imported", importId)).toEqual([]);
    expect((await db.uploads()).map((u) => u.id)).toContain(importId);
  });

  it("with “skip the invalid rows”, imports the others in one audited step and lists the skipped row", async () => {
    const householdsBefore = await db.countHouseholds("grace");
    const { importId } = await uploadAndMap("members.csv", fixture("members-with-bad-row.csv"));
    const imported = await runImport(importId, { skipInvalid: "on" });
    expect(imported.status).toBe(302);
    expect(imported.headers.get("location")).toBe(`/admin/members/import/${importId}/result`);

    const result = await db.page(admin, `/admin/members/import/${importId}/result`);
    const text = visibleText(result.html);
    expect(text).toContain("2 new members added");
    expect(text).toContain("1 row with problems skipped");
    expect(text).toContain("The row not imported Row 3");

    const [rosalinda] = await db.membersWhere(eq(members.email, "rosalinda.kaibigan@import.example"));
    const [gabriela] = await db.membersWhere(eq(members.email, "gabriela.bagwis@import.example"));
    expect(rosalinda).toMatchObject({ givenName: "Rosalinda", familyName: "Kaibigan", phone: "+63 917 100 0001", birthday: "1985-02-14" });
    expect(gabriela).toMatchObject({ birthday: "1990-03-15", householdId: null });
    expect((await db.household(rosalinda!.householdId!))?.name).toBe("Kaibigan Family");
    expect(await db.countHouseholds("grace")).toBe(householdsBefore + 1);
    const youth = await db.group("Youth Ministry");
    expect((await db.membershipsOf(rosalinda!.id)).map((m) => m.groupId)).toEqual([youth.id]);
    expect(await db.membersWhere(eq(members.familyName, "Kaibigan"))).toHaveLength(1);

    const entries = await db.audit("members.imported", importId);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ rows: 3, created: 2, invalidSkipped: 1, householdsCreated: 1, skippedRows: [3] });
    // The file is gone; its pages now lead to the result.
    expect((await db.uploads()).map((u) => u.id)).not.toContain(importId);
    const again = await browse(admin, at(`/admin/members/import/${importId}`));
    expect(again.headers.get("location")).toBe(`/admin/members/import/${importId}/result`);
    // A second click on Import lands on the result, and imports nothing twice.
    const twice = await runImport(importId, { skipInvalid: "on" });
    expect(twice.headers.get("location")).toBe(`/admin/members/import/${importId}/result`);
    expect(await db.audit("members.imported", importId)).toHaveLength(1);
  });
});

describe("large files as churches export them", () => {
  it("imports 2,000 rows of a Planning Center export in Windows-1252 with semicolons, then finds them in the directory", async () => {
    const header = "Person ID;First Name;Last Name;Birthdate;Home Email;Mobile Phone Number;Home Address Street Line 1;Home Address City;Household Name";
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const family = `Peña${letters(i)}`;
      const birthday = `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
      return `${i + 1};Niño;${family};${birthday};nino.${letters(i)}@pco.example;+63 917 ${String(i).padStart(3, "0")} ${String(i).padStart(4, "0")};${i} Calle Real;Quezon City;Peña ${letters(Math.floor(i / 4))} Household`;
    });
    const bytes = cp1252(`${header}\r\n${rows.join("\r\n")}\r\n`);
    const before = await db.countMembers("grace");
    const { importId, suggestion } = await uploadAndMap("pco-people.csv", bytes);
    expect(suggestion).toMatchObject({
      "First Name": "given_name",
      "Last Name": "family_name",
      Birthdate: "birthday",
      "Home Email": "email",
      "Mobile Phone Number": "phone",
      "Home Address Street Line 1": "address",
      "Home Address City": "address",
      "Household Name": "household",
      "Person ID": "ignore",
    });
    const preview = await db.page(admin, `/admin/members/import/${importId}/preview`);
    expect(visibleText(preview.html)).toContain("2000 new members");

    const started = Date.now();
    const imported = await runImport(importId);
    expect(imported.status).toBe(302);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await db.countMembers("grace")).toBe(before + 2000);
    const [one] = await db.membersWhere(eq(members.email, `nino.${letters(1234)}@pco.example`));
    expect(one).toMatchObject({ givenName: "Niño", familyName: `Peña${letters(1234)}`, address: "1234 Calle Real, Quezon City" });

    const found = await db.page(admin, `/directory?q=${encodeURIComponent(`Niño Peña${letters(1234)}`)}`);
    expect(found.html).toContain(`href="/directory/${one!.id}"`);
    // Accent-insensitive as the directory is: typed without the ñ.
    expect((await db.page(admin, `/directory?q=Pena${letters(1999)}`)).html).toContain(`Niño Peña${letters(1999)}`);
    expect((await db.audit("members.imported", importId))[0]?.after).toMatchObject({ created: 2000, householdsCreated: 500 });
  });

  it("imports 2,000 rows of a ChurchCRM export in UTF-8 with a BOM, birthdays in parts", async () => {
    const header = "per_ID,per_FirstName,per_LastName,per_Email,per_CellPhone,per_Address1,per_City,per_BirthYear,per_BirthMonth,per_BirthDay,fam_Name,Groups";
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const family = `Dimagiba${letters(i)}`;
      const groups = i % 10 === 0 ? "Youth Ministry; Worship Team" : "";
      return `${i + 1},"Ma. Luísa",${family},luisa.${letters(i)}@crm.example,0917-555-${String(i).padStart(4, "0")},"${i} Rizal St., Brgy. 3",Cebu City,${1960 + (i % 40)},${1 + (i % 12)},${1 + (i % 28)},"${family} Family",${groups}`;
    });
    const text = `\uFEFF${header}\r\n${rows.join("\r\n")}\r\n`;
    const { importId, suggestion } = await uploadAndMap("churchcrm.csv", new TextEncoder().encode(text));
    expect(suggestion).toMatchObject({
      per_FirstName: "given_name",
      per_LastName: "family_name",
      per_Email: "email",
      per_CellPhone: "phone",
      per_Address1: "address",
      per_City: "address",
      per_BirthYear: "birth_year",
      per_BirthMonth: "birth_month",
      per_BirthDay: "birth_day",
      fam_Name: "household",
      Groups: "groups",
      per_ID: "ignore",
    });
    const imported = await runImport(importId);
    expect(imported.status).toBe(302);
    const [one] = await db.membersWhere(eq(members.email, `luisa.${letters(10)}@crm.example`));
    expect(one).toMatchObject({ givenName: "Ma. Luísa", address: "10 Rizal St., Brgy. 3, Cebu City", birthday: "1970-11-11" });
    expect(await db.membersWhere(sql`${members.email} like '%@crm.example'`)).toHaveLength(2000);
    expect((await db.membershipsOf(one!.id))).toHaveLength(2);
    expect((await db.page(admin, `/directory?q=Luisa+Dimagiba${letters(10)}`)).html).toContain(`href="/directory/${one!.id}"`);
  });
});

describe("duplicates", () => {
  it("skips rows that are members already, or fills their empty fields, as chosen — never matching a hidden e-mail", async () => {
    const byEmail = await db.addMember({ givenName: "Teodora", familyName: "Alonzo", email: "teodora.alonzo@dup.example" });
    const byBirthday = await db.addMember({ givenName: "Francisco", familyName: "Mercado", birthday: "1950-06-19", phone: "+63 917 999 0000" });
    const hiddenEmail = await db.addMember({
      givenName: "Lihim",
      familyName: "Na Email",
      email: "lihim@dup.example",
      privacy: { name: "church", photo: "church", phone: "leaders", email: "hidden", address: "admins", birthday: "admins" },
    });
    const csv = [
      "Name,Email,Phone,Birthday,Groups",
      "Teodora Alonzo,TEODORA.ALONZO@dup.example,+63 917 123 0001,1951-01-01,Worship Team",
      "Francisco Mercado,francisco@dup.example,+63 917 123 0002,1950-06-19,",
      "Lihim Iba,lihim@dup.example,,,",
    ].join("\n");

    const skip = await uploadAndMap("dups.csv", csv);
    const preview = visibleText((await db.page(admin, `/admin/members/import/${skip.importId}/preview`)).html);
    expect(preview).toContain("Row 2 · same e-mail as Teodora Alonzo");
    expect(preview).toContain("Row 3 · same name and birthday as Francisco Mercado");
    expect(preview).not.toContain("Row 4 · same");
    expect((await runImport(skip.importId, { duplicates: "skip" })).status).toBe(302);
    expect(await db.member(byEmail.id)).toMatchObject({ phone: null, birthday: null });
    expect((await db.audit("members.imported", skip.importId))[0]?.after).toMatchObject({ created: 1, updated: 0, duplicatesSkipped: 2 });
    // The hidden e-mail was not matched: the row became a member of its own.
    expect(await db.membersWhere(eq(members.familyName, "Iba"))).toHaveLength(1);
    expect((await db.member(hiddenEmail.id))?.givenName).toBe("Lihim");

    const merge = await uploadAndMap("dups.csv", csv.split("\n").slice(0, 3).join("\n"));
    expect((await runImport(merge.importId, { duplicates: "merge" })).status).toBe(302);
    const worship = await db.group("Worship Team");
    expect(await db.member(byEmail.id)).toMatchObject({ email: "teodora.alonzo@dup.example", phone: "+63 917 123 0001", birthday: "1951-01-01" });
    expect((await db.membershipsOf(byEmail.id)).map((m) => m.groupId)).toEqual([worship.id]);
    // Only empty fields are filled: Francisco's phone stays, his e-mail is added.
    expect(await db.member(byBirthday.id)).toMatchObject({ phone: "+63 917 999 0000", email: "francisco@dup.example" });
    expect((await db.audit("members.imported", merge.importId))[0]?.after).toMatchObject({ created: 0, updated: 2, duplicatesSkipped: 0 });
    expect(await db.membersWhere(eq(members.familyName, "Alonzo"))).toHaveLength(1);
  });
});

describe("files refused at upload", () => {
  it("refuses a 20,001-row file, a binary file, an oversized file and no file, with clear messages and no 500", async () => {
    const uploadsBefore = (await db.uploads()).length;
    const tooMany = await upload(admin, "big.csv", `Name\n${"Juan Dela Cruz\n".repeat(20_001)}`);
    expect(tooMany.status).toBe(400);
    expect(visibleText(await tooMany.text())).toContain("This file has more than 20,000 rows.");

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array(200).fill(0)]);
    const binary = await upload(admin, "photo.csv", png);
    expect(binary.status).toBe(400);
    expect(visibleText(await binary.text())).toContain("This is not a CSV file.");

    const huge = await upload(admin, "huge.csv", `Name\n${"x".repeat(5_100_000)}\n`);
    expect(huge.status).toBe(413);
    expect(visibleText(await huge.text())).toContain("This file is bigger than 5 MB.");

    const none = await browse(admin, at("/admin/members/import"), { method: "POST", body: new FormData(), headers: { origin: server.url } });
    expect(none.status).toBe(400);
    expect(visibleText(await none.text())).toContain("Choose a CSV file to upload.");
    const urlEncoded = await postForm(admin, at("/admin/members/import"), { file: "a,b" });
    expect(urlEncoded.status).toBe(400);

    const unclosed = await upload(admin, "broken.csv", 'Name,Email\n"Ana Cruz,ana@example.com\n');
    expect(unclosed.status).toBe(400);
    expect(visibleText(await unclosed.text())).toContain("a quotation mark is not closed");
    expect((await db.uploads()).length).toBe(uploadsBefore);
  });

  it("says what is wrong with a column choice instead of guessing", async () => {
    const uploaded = await upload(admin, "odd.csv", "A,B\nAna,Cruz\n");
    const importId = uploaded.headers.get("location")!.split("/").pop()!;
    const refused = await postForm(admin, at(`/admin/members/import/${importId}`), { intent: "map", "column-0": "email", "column-1": "email" });
    expect(refused.status).toBe(400);
    const text = visibleText(await refused.text());
    expect(text).toContain("Choose the columns with the given and family names");
    expect(text).toContain("This is already chosen for another column.");
    // Without a mapping the preview sends the administrator back to the columns.
    expect((await browse(admin, at(`/admin/members/import/${importId}/preview`))).headers.get("location")).toBe(`/admin/members/import/${importId}`);
    expect((await postForm(admin, at(`/admin/members/import/${importId}`), { intent: "cancel" })).status).toBe(302);
    expect((await db.uploads()).map((u) => u.id)).not.toContain(importId);
  });
});

describe("a failure part-way", () => {
  it("rolls everything back and says so", async () => {
    // A trigger that fails on row 1,500, after three batches of 500 went in.
    await server.database.db.execute(sql.raw(`
      create function kapatiran_test_fail() returns trigger language plpgsql as $$
      begin if new.given_name = 'Sirang' then raise exception 'simulated failure'; end if; return new; end $$`));
    await server.database.db.execute(
      sql.raw(`create trigger kapatiran_test_fail before insert on members for each row execute function kapatiran_test_fail()`),
    );
    try {
      const rows = Array.from({ length: 2000 }, (_, i) => `${i === 1500 ? "Sirang" : "Buo"},Rollback${letters(i)},${letters(i)} Bahay`);
      const { importId } = await uploadAndMap("fails.csv", `First Name,Last Name,Household\n${rows.join("\n")}\n`);
      const [members0, households0] = [await db.countMembers("grace"), await db.countHouseholds("grace")];
      const failed = await runImport(importId);
      expect(failed.status).toBe(500);
      expect(visibleText(await failed.text())).toContain("Nothing was imported: the import stopped part-way and everything was undone.");
      expect(await db.countMembers("grace")).toBe(members0);
      expect(await db.countHouseholds("grace")).toBe(households0);
      expect(await db.audit("members.imported", importId)).toEqual([]);
      expect((await db.uploads()).map((u) => u.id)).toContain(importId);
    } finally {
      await server.database.db.execute(sql.raw(`drop trigger kapatiran_test_fail on members`));
      await server.database.db.execute(sql.raw(`drop function kapatiran_test_fail()`));
    }
  });
});

describe("who may", () => {
  it("another church's administrator gets 404 for a Grace import, and changes nothing", async () => {
    const { importId } = await uploadAndMap("members.csv", fixture("members-fixed.csv"));
    for (const p of [`/admin/members/import/${importId}`, `/admin/members/import/${importId}/preview`, `/admin/members/import/${importId}/result`]) {
      expect((await browse(hopeAdmin, at(p))).status, p).toBe(404);
    }
    expect((await runImport(importId, { skipInvalid: "on" }, hopeAdmin)).status).toBe(404);
    expect((await postForm(hopeAdmin, at(`/admin/members/import/${importId}/preview`), { intent: "cancel" })).status).toBe(404);
    expect((await postForm(hopeAdmin, at(`/admin/members/import/${importId}`), { intent: "map", "column-0": "full_name" })).status).toBe(404);
    const upload = (await db.uploads()).find((u) => u.id === importId);
    expect(upload?.mapping).toEqual(["given_name", "family_name", "email", "phone", "birthday", "household", "groups"]);
    expect(await db.membersWhere(eq(members.email, "emilio.kaibigan@import.example"))).toEqual([]);

    // Grace's result page is Grace's alone.
    expect((await runImport(importId)).status).toBe(302);
    expect((await browse(hopeAdmin, at(`/admin/members/import/${importId}/result`))).status).toBe(404);
  });

  it("a plain member gets 403", async () => {
    expect((await browse(member, at("/admin/members/import"))).status).toBe(403);
    expect((await upload(member, "members.csv", fixture("members-fixed.csv"))).status).toBe(403);
  });
});
