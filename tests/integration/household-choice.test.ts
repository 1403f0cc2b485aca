import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { HOUSEHOLD_SELECT_LIMIT } from "~/models/households.server";
import { type CookieJar, postForm } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";
import { memberFixtures, visibleText } from "./member-admin-fixtures";

/**
 * Choosing a household in a church with more households than a drop-down
 * list can carry (Grace: about a hundred): the forms ask for the household's
 * name and the server finds it — one match is taken, several are offered as
 * radio buttons, none is a field error — while a small church (Hope) keeps
 * its list.
 */

let server: TestServer;
let admin: CookieJar;
let hopeAdmin: CookieJar;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
  hopeAdmin = await signedInJar(server.url, "admin@hope.example");
});
afterAll(async () => {
  await server?.close();
});

const db = memberFixtures(() => server);
const post = (jar: CookieJar, path: string, fields: Record<string, string>) => postForm(jar, db.at(path), fields);
const newMember = (givenName: string, household: Record<string, string>) => ({
  intent: "add",
  givenName,
  familyName: "Halimbawa",
  email: "",
  phone: "",
  address: "",
  birthday: "",
  householdName: "",
  ...household,
});
const createdId = (response: Response) => response.headers.get("location")?.match(/\/admin\/members\/([0-9a-f-]{36})\?done=created/)?.[1];
/** The add-a-member form's markup, the part the household list used to swell. */
const addForm = (html: string) => html.slice(html.indexOf('aria-labelledby="add-title"'), html.indexOf("</form>", html.indexOf('aria-labelledby="add-title"')));
const sqlGiven = (givenName: string) => eq(members.givenName, givenName);
const optionCount = (html: string) => (html.match(/<option /g) ?? []).length;

describe("a church past the household list's limit", () => {
  it("asks for a household's name instead of listing every household, and the pages stay light", async () => {
    expect(await db.countHouseholds("grace")).toBeGreaterThan(HOUSEHOLD_SELECT_LIMIT);
    const { status, html } = await db.page(admin, "/admin/members");
    expect(status).toBe(200);
    const form = addForm(html);
    expect(form).toContain('name="householdName"');
    expect(form).toContain("An existing household (type its name below)");
    expect(optionCount(form)).toBeLessThanOrEqual(4);
    // The form's size no longer grows with the church: a few KB, whatever the number of households.
    expect(form.length).toBeLessThan(15_000);
    // The page around it (50 members a page, shared header and footer) stays well below what thousands of options weighed.
    expect(html.length).toBeLessThan(100_000);

    const households = await db.page(admin, "/admin/members/households");
    expect(households.html).toContain('name="fromName"');
    expect(optionCount(households.html)).toBeLessThanOrEqual(4);
    expect(households.html.length).toBeLessThan(100_000);

    const someone = await db.graceMember();
    const memberPage = await db.page(admin, `/admin/members/${someone.id}`);
    expect(optionCount(memberPage.html)).toBeLessThanOrEqual(5);
  });

  it("adds a member to the one household with the name typed, in any case", async () => {
    const household = await db.addHousehold("Bukang-Liwayway Household");
    const response = await post(admin, "/admin/members", newMember("Tala", { householdId: "find", householdName: "bukang-liwayway household" }));
    expect(response.status).toBe(302);
    expect((await db.member(createdId(response)!))?.householdId).toBe(household.id);
    // Part of the name is enough when only one household has it.
    const partly = await post(admin, "/admin/members", newMember("Bituin", { householdId: "find", householdName: "Liwayway" }));
    expect((await db.member(createdId(partly)!))?.householdId).toBe(household.id);
  });

  it("offers the households a shared name fits, told apart by their members, and takes the one picked", async () => {
    const first = await db.addHousehold("Dalisay Family");
    const second = await db.addHousehold("Dalisay Family");
    await db.addMember({ givenName: "Amado", familyName: "Dalisay", householdId: first.id });
    await db.addMember({ givenName: "Consolacion", familyName: "Dalisay", householdId: second.id });
    const fields = newMember("Ligayang-Pinili", { householdId: "find", householdName: "Dalisay Family", email: "ligaya@example.com" });
    const refused = await post(admin, "/admin/members", fields);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    const text = visibleText(html);
    expect(text).toContain("Several households have that name: choose one below.");
    expect(text).toContain("Dalisay Family (1 member): Amado");
    expect(text).toContain("Dalisay Family (1 member): Consolacion");
    for (const { id } of [first, second]) expect(html).toMatch(new RegExp(`type="radio" name="householdPick"[^>]*value="${id}"`));
    expect(html).toMatch(/name="householdName"[^>]*value="Dalisay Family"|value="Dalisay Family"[^>]*name="householdName"/);
    expect(html).toMatch(/value="ligaya@example.com"/);
    expect(await db.membersWhere(sqlGiven("Ligayang-Pinili"))).toEqual([]);

    const picked = await post(admin, "/admin/members", { ...fields, householdPick: second.id });
    expect(picked.status).toBe(302);
    expect((await db.member(createdId(picked)!))?.householdId).toBe(second.id);
  });

  it("offers only the first ten when many households fit, asking for more of the name", async () => {
    const refused = await post(admin, "/admin/members", newMember("Marami", { householdId: "find", householdName: "Family" }));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(visibleText(html)).toContain("More than 10 households fit that name: type more of it, or choose one of these.");
    expect(html.match(/type="radio" name="householdPick"/g)).toHaveLength(10);
  });

  it("says when no household has the name, keeping what was typed", async () => {
    const refused = await post(admin, "/admin/members", newMember("Walangbahay", { householdId: "find", householdName: "Walang-Ganitong Sambahayan" }));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(visibleText(html)).toContain("No household has that name.");
    expect(html).toContain('value="Walang-Ganitong Sambahayan"');
    expect(html).toContain('value="Walangbahay"');
    expect(html).toMatch(/id="field-householdName"[^>]*aria-invalid="true"/);
    const blank = await post(admin, "/admin/members", newMember("Walangbahay", { householdId: "find" }));
    expect(blank.status).toBe(400);
    expect(await db.membersWhere(sqlGiven("Walangbahay"))).toEqual([]);
  });

  it("still adds to a new household or to none", async () => {
    const created = await post(admin, "/admin/members", newMember("Bagwis", { householdId: "new", householdName: "Bagwis Household" }));
    expect((await db.household((await db.member(createdId(created)!))!.householdId!))?.name).toBe("Bagwis Household");
    const alone = await post(admin, "/admin/members", newMember("Nag-iisa", { householdId: "" }));
    expect((await db.member(createdId(alone)!))?.householdId).toBeNull();
  });

  it("moves a member by household name, and merges households by name", async () => {
    const target = await db.addMember({ givenName: "Lakbay", familyName: "Halimbawa" });
    const home = await db.addHousehold("Tahanang Maluwag");
    const moved = await post(admin, `/admin/members/${target.id}`, { intent: "household", householdId: "find", householdName: "Tahanang Maluwag" });
    expect(moved.status).toBe(302);
    expect((await db.member(target.id))?.householdId).toBe(home.id);
    const memberPage = await db.page(admin, `/admin/members/${target.id}`);
    expect(memberPage.html).toContain("Stays in Tahanang Maluwag");

    const other = await db.addHousehold("Tahanang Makitid");
    const unknown = await post(admin, "/admin/members/households", { intent: "merge", fromName: "Tahanang Wala", intoName: "Tahanang Maluwag" });
    expect(unknown.status).toBe(400);
    expect(visibleText(await unknown.text())).toContain("No household has that name.");
    const merged = await post(admin, "/admin/members/households", { intent: "merge", fromName: "Tahanang Makitid", intoName: "tahanang maluwag" });
    expect(merged.status).toBe(302);
    expect(await db.household(other.id)).toBeUndefined();
    expect((await db.household(home.id))?.name).toBe("Tahanang Maluwag");
  });
});

describe("a small church", () => {
  it("keeps the drop-down list of its households", async () => {
    expect(await db.countHouseholds("hope")).toBeLessThanOrEqual(HOUSEHOLD_SELECT_LIMIT);
    const { html } = await db.page(hopeAdmin, "/admin/members");
    const form = addForm(html);
    expect(optionCount(form)).toBe((await db.countHouseholds("hope")) + 2);
    expect(form).toContain("Name of the new household");
    expect(form).not.toContain("An existing household (type its name below)");
  });
});
