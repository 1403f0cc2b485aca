import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, type CookieJar } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let member: CookieJar;
let admin: CookieJar;
let hidden: { phone: string; address: string };

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  // Maria hides her phone from everyone and keeps her address for admins.
  hidden = await acrossChurches(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, "member@grace.example"));
    const [row] = await tx.select().from(members).where(eq(members.userId, user!.id));
    const phone = "+63 917 000 4242";
    const address = "99 Rizal Ave., Brgy. Poblacion";
    await tx
      .update(members)
      .set({ phone, address, privacy: { ...row!.privacy, phone: "hidden", address: "admins" } })
      .where(eq(members.id, row!.id));
    return { phone, address };
  }, server.database.db);
  member = await signedInJar(server.url, "leader@grace.example");
  admin = await signedInJar(server.url, "admin@grace.example");
});
afterAll(async () => {
  await server.close();
});

describe("printable directory", () => {
  it("lists households with what the viewer may see, and nothing more", async () => {
    const asLeader = await (await browse(member, `${server.url}/directory/print`)).text();
    expect(asLeader).toContain("Maria Santos");
    expect(asLeader).not.toContain(hidden.phone);
    expect(asLeader).not.toContain(hidden.address);
    const asAdmin = await (await browse(admin, `${server.url}/directory/print`)).text();
    expect(asAdmin).toContain(hidden.address);
    expect(asAdmin).not.toContain(hidden.phone);
    expect(asAdmin).toContain('class="print-household');
  });

  it("offers the same as a PDF download", async () => {
    const response = await browse(admin, `${server.url}/directory/print.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="directory-grace-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(2000);
  });
});
