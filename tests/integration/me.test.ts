import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, members, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, postForm, type CookieJar } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let maria: CookieJar;
let leader: CookieJar;
let admin: CookieJar;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  maria = await signedInJar(server.url, "member@grace.example");
  leader = await signedInJar(server.url, "leader@grace.example");
  admin = await signedInJar(server.url, "admin@grace.example");
});
afterAll(async () => {
  await server.close();
});

const at = (path: string) => `${server.url}${path}`;
const html = async (jar: CookieJar, path: string) => (await browse(jar, at(path))).text();

async function mariasRecord() {
  return acrossChurches(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, "member@grace.example"));
    const [row] = await tx.select().from(members).where(eq(members.userId, user!.id));
    return row!;
  }, server.database.db);
}

const PROFILE = {
  intent: "profile",
  givenName: "Maria",
  familyName: "Santos",
  phone: "+63 917 555 0101",
  email: "maria.s@example.com",
  address: "12 Mabini St., Brgy. San Isidro, Quezon City",
  birthday: "1988-03-14",
};

describe("my details", () => {
  it("refuses a bad phone and birthday with messages by the fields, keeping what was typed", async () => {
    const response = await postForm(maria, at("/me"), { ...PROFILE, phone: "call me maybe", birthday: "2999-01-01" });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Enter a phone number of digits");
    expect(page).toContain("Enter a birthday between 1900 and today.");
    expect(page).toContain('value="call me maybe"');
    const phoneInput = /<input[^>]*id="field-phone"[^>]*>/.exec(page)?.[0] ?? "";
    expect(phoneInput).toContain('aria-invalid="true"');
    expect(phoneInput).toMatch(/aria-describedby="[^"]*field-phone-error/);
    expect((await mariasRecord()).phone).not.toBe("call me maybe");
  });

  it("saves the details and audits exactly what changed", async () => {
    const response = await postForm(maria, at("/me"), PROFILE);
    expect(response.status).toBe(302);
    const record = await mariasRecord();
    expect(record).toMatchObject({ phone: PROFILE.phone, address: PROFILE.address, birthday: PROFILE.birthday });
    const [entry] = await acrossChurches(
      (tx) => tx.select().from(auditLog).where(eq(auditLog.recordId, record.id)).orderBy(desc(auditLog.id)).limit(1),
      server.database.db,
    );
    expect(entry?.action).toBe("member.profile_updated");
    expect(entry?.after).toMatchObject({ phone: PROFILE.phone });
    expect(Object.keys(entry?.after as object)).not.toContain("givenName");
  });
});

describe("who sees what", () => {
  const choices = { name: "church", photo: "church", phone: "hidden", email: "leaders", address: "admins", birthday: "hidden", listed: "on" };

  it("previews without saving", async () => {
    const before = (await mariasRecord()).privacy;
    const response = await postForm(maria, at("/me/privacy"), { ...choices, intent: "preview" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("This is a preview");
    expect((await mariasRecord()).privacy).toEqual(before);
  });

  it("a field set to hidden disappears for leaders and admins, on the card and in the list", async () => {
    expect((await postForm(maria, at("/me/privacy"), { ...choices, intent: "save" })).status).toBe(302);
    const record = await mariasRecord();
    expect(record.privacy.phone).toBe("hidden");
    for (const viewer of [leader, admin]) {
      expect(await html(viewer, `/directory/${record.id}`)).not.toContain(PROFILE.phone);
      expect(await html(viewer, "/directory?q=Maria%20Santos")).not.toContain(PROFILE.phone);
    }
    // The admin still sees the address (admins level); the leader does not.
    expect(await html(admin, `/directory/${record.id}`)).toContain("Mabini");
    expect(await html(leader, `/directory/${record.id}`)).not.toContain("Mabini");
    // Maria herself sees everything of her own.
    expect(await html(maria, `/directory/${record.id}`)).toContain(PROFILE.phone);
  });

  it("the preview shows each kind of viewer the same as the real pages", async () => {
    const page = await html(maria, "/me/privacy");
    const card = (who: string) => page.split(`aria-label="${who}"`)[1]?.split("</section>")[0] ?? "";
    expect(card("A member of your church")).not.toContain("Mabini");
    expect(card("A church administrator")).toContain("Mabini");
    expect(card("A church administrator")).not.toContain(PROFILE.phone);
  });

  it("refuses a level that does not exist", async () => {
    const response = await postForm(maria, at("/me/privacy"), { ...choices, phone: "everyone", intent: "save" });
    expect(response.status).toBe(400);
  });

  it("leaving the directory hides Maria from members but not from herself or admins", async () => {
    const { listed: _listed, ...unlisted } = choices;
    expect((await postForm(maria, at("/me/privacy"), { ...unlisted, intent: "save" })).status).toBe(302);
    const record = await mariasRecord();
    expect(record.listed).toBe(false);
    expect((await browse(leader, at(`/directory/${record.id}`))).status).toBe(404);
    expect((await browse(admin, at(`/directory/${record.id}`))).status).toBe(200);
    expect((await browse(maria, at(`/directory/${record.id}`))).status).toBe(200);
  });

  it("platform staff have no member record: /me works, /me/privacy is not there", async () => {
    const staff = await signedInJar(server.url, "staff@kapatiran.example");
    expect((await browse(staff, at("/me"))).status).toBe(200);
    expect((await browse(staff, at("/me/privacy"))).status).toBe(404);
  });
});
