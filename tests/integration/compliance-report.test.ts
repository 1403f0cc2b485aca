import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentRecords, dataRequests, members, policyVersions, retentionRuns, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { browse, type CookieJar } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";
import { memberFixtures } from "./member-admin-fixtures";

/**
 * The compliance report (issue 7, point 7) over real HTTP: Grace's
 * administrator reads Grace's figures — member records, consent of Grace's
 * accounts only, the data requests with the days each took, access events,
 * retention runs and where the data lives — and Hope's administrator reads
 * Hope's. Members and leaders are refused; a bad period is a field error.
 */

const DAY_MS = 86_400_000;

let server: TestServer;
let admin: CookieJar;
let hopeAdmin: CookieJar;
let viewedMemberId: string;
let runId: string;

const db = memberFixtures(() => server);

async function page(jar: CookieJar, path: string) {
  const response = await browse(jar, db.at(path));
  return { status: response.status, html: await response.text() };
}

const userId = (email: string) =>
  db.across(async (tx) => (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id);

/** The cells of the table row whose header or first cell is `label`. */
function rowCells(html: string, label: string): string[] {
  const rows = html.split("<tr").slice(1);
  const row = rows.find((r) => r.includes(`>${label}</th>`));
  if (!row) throw new Error(`no row ${label}`);
  return [...row.split("</tr>")[0]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
}

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  admin = await signedInJar(server.url, "admin@grace.example");
  hopeAdmin = await signedInJar(server.url, "admin@hope.example");
  const grace = await db.churchId("grace");
  const hope = await db.churchId("hope");
  const graceMemberUser = await userId("member@grace.example");
  const hopeUser = await userId("admin@hope.example");
  const now = Date.now();

  await db.across(async (tx) => {
    const [policy] = await tx.select().from(policyVersions).orderBy(desc(policyVersions.version)).limit(1);
    const version = policy?.version ?? 1;
    await tx.insert(consentRecords).values([
      // An older choice on the same browser: only the latest counts.
      {
        consentId: "grace-member-phone",
        policyVersion: version,
        categories: { preferences: false, analytics: true },
        source: "banner",
        userId: graceMemberUser,
        createdAt: new Date(now - 5 * DAY_MS),
      },
      {
        consentId: "grace-member-phone",
        policyVersion: version,
        categories: { preferences: true, analytics: false },
        source: "preferences",
        userId: graceMemberUser,
      },
      // Another church's account: never counted for Grace.
      {
        consentId: "hope-admin-laptop",
        policyVersion: version,
        categories: { preferences: true, analytics: true },
        source: "banner",
        userId: hopeUser,
      },
    ]);
    await tx.insert(dataRequests).values([
      {
        churchId: grace,
        status: "declined",
        requesterName: "Dora Declined",
        decisionReason: "Still an officer of the church",
        requestedAt: new Date(now - 10 * DAY_MS - 3_600_000),
        dueAt: new Date(now + 20 * DAY_MS),
        decidedAt: new Date(now - 3 * DAY_MS),
      },
      {
        churchId: grace,
        status: "pending",
        requesterName: "Olga Overdue",
        requestedAt: new Date(now - 40 * DAY_MS),
        dueAt: new Date(now - 10 * DAY_MS),
      },
      {
        churchId: hope,
        status: "pending",
        requesterName: "Henry Hope",
        requestedAt: new Date(now - 2 * DAY_MS),
        dueAt: new Date(now + 28 * DAY_MS),
      },
    ]);
    const [run] = await tx
      .insert(retentionRuns)
      .values({
        startedAt: new Date(now - DAY_MS),
        finishedAt: new Date(now - DAY_MS + 1000),
        removed: {
          sessions: 3,
          invitations: 0,
          consentRecords: 0,
          memberImports: 0,
          dataRequests: 0,
          erasedAccounts: 0,
        },
      })
      .returning();
    runId = run!.id;
  });

  // An access event: Grace's administrator opens a record whose address only administrators may see.
  const viewed = await db.addMember({
    givenName: "Priscilla",
    familyName: "Private",
    address: "12 Hidden Street, Quezon City",
    privacy: {
      name: "church",
      photo: "church",
      phone: "church",
      email: "church",
      address: "admins",
      birthday: "church",
    },
  });
  viewedMemberId = viewed.id;
  const opened = await browse(admin, db.at(`/admin/members/${viewed.id}`));
  expect(opened.status).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

describe("Grace's compliance report", () => {
  it("counts the member records the church holds", async () => {
    const { status, html } = await page(admin, "/admin/compliance");
    expect(status).toBe(200);
    const total = await db.countMembers("grace");
    expect(rowCells(html, "All member records (including removed and erased)")).toEqual([String(total)]);
    const grace = await db.churchId("grace");
    const [{ listed }] = (await db.across((tx) =>
      tx
        .select({ listed: sql<number>`count(*)::int` })
        .from(members)
        .where(and(eq(members.churchId, grace), eq(members.listed, true), sql`${members.deletedAt} is null`))
    )) as [{ listed: number }];
    expect(rowCells(html, "Current, listed in the directory")).toEqual([String(listed)]);
    for (const heading of [
      "Member records and accounts held",
      "Cookie consent",
      "Data requests",
      "Access to personal data",
      "Retention runs",
      "Where the data is stored and how it is protected",
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
  });

  it("counts only the latest consent choice of Grace's own accounts", async () => {
    const { html } = await page(admin, "/admin/compliance");
    expect(rowCells(html, "Preferences")).toEqual(["1", "0"]);
    expect(rowCells(html, "Analytics")).toEqual(["0", "1"]);
    expect(rowCells(html, "Active accounts that recorded a choice")).toEqual(["1"]);
    expect(html).toContain("cannot be linked to any church");
  });

  it("lists the church's data requests with the days each took and warns of an overdue one", async () => {
    const { html } = await page(admin, "/admin/compliance");
    expect(rowCells(html, "Dora Declined")).toContain("7 days");
    expect(rowCells(html, "Dora Declined")).toContain("Declined");
    expect(rowCells(html, "Olga Overdue")).toContain("Overdue");
    expect(html).toContain("1 request is past its deadline and still waiting for a decision.");
    expect(html).not.toContain("Henry Hope");
  });

  it("lists the access event and the retention run", async () => {
    const { html } = await page(admin, "/admin/compliance");
    expect(rowCells(html, "Viewed a member&#x27;s private details")).toEqual(["1"]);
    expect(html).toContain(`member ${viewedMemberId}`);
    expect(html).toContain(`data-run-id="${runId}"`);
    expect(html).toContain("expired sessions: 3");
    expect(html).toContain("whole Kapatiran platform");
  });

  it("says where the data is stored, from the configuration", async () => {
    const { html } = await page(admin, "/admin/compliance");
    expect(html).toContain("Files in the local uploads folder");
    expect(html).toContain("only its SHA-256 hash");
    expect(html).toContain("not yet written");
  });
});

describe("another church's report", () => {
  it("shows Hope's figures only", async () => {
    const { status, html } = await page(hopeAdmin, "/admin/compliance");
    expect(status).toBe(200);
    expect(html).toContain("Henry Hope");
    expect(html).not.toContain("Dora Declined");
    expect(html).not.toContain(viewedMemberId);
    expect(rowCells(html, "All member records (including removed and erased)")).toEqual([
      String(await db.countMembers("hope")),
    ]);
    expect(rowCells(html, "Preferences")).toEqual(["1", "0"]);
    expect(rowCells(html, "Analytics")).toEqual(["1", "0"]);
  });
});

describe("who may read it and what the period accepts", () => {
  it("refuses members and group leaders", async () => {
    for (const email of ["member@grace.example", "leader@grace.example"]) {
      const jar = await signedInJar(server.url, email);
      expect((await page(jar, "/admin/compliance")).status).toBe(403);
    }
  });

  it("reports a date that does not exist as a field error and keeps it", async () => {
    const { status, html } = await page(admin, "/admin/compliance?from=2026-13-40");
    expect(status).toBe(400);
    expect(html).toContain("Enter a date like 2026-11-28.");
    expect(html).toContain('value="2026-13-40"');
    expect(html).toContain('aria-invalid="true"');
  });

  it("refuses a period that starts after it ends", async () => {
    const { status, html } = await page(admin, "/admin/compliance?from=2026-05-01&to=2026-04-01");
    expect(status).toBe(400);
    expect(html).toContain("The start of the period must be on or before its end.");
    expect(html).toContain('value="2026-05-01"');
  });

  it("narrows the requests to the period asked for", async () => {
    const old = new Date(Date.now() - 400 * DAY_MS).toISOString().slice(0, 10);
    const older = new Date(Date.now() - 380 * DAY_MS).toISOString().slice(0, 10);
    const { status, html } = await page(admin, `/admin/compliance?from=${old}&to=${older}`);
    expect(status).toBe(200);
    expect(html).not.toContain("Dora Declined");
    expect(html).toContain("No requests were received in this period.");
  });
});
