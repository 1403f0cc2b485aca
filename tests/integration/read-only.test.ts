import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, maintenanceWindows, members, readOnlyMode, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { READ_ONLY_CACHE_MS, setReadOnly } from "~/maintenance/read-only.server";
import { forgetBanners } from "~/maintenance/windows.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar, signIn } from "../support/sign-in";

/**
 * Read-only mode over HTTP (issue 9): switched on by the command (PostgreSQL
 * server; the embedded database is held by the server, so there the model
 * switches it) while a member, a church administrator and a platform
 * administrator use the app. Pages read as usual with a banner; every write
 * answers 503 with Retry-After and a page in the visitor's language, and the
 * database does not change; switched off, writes work again. The switch
 * reaches a running server without a restart within the cache time.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";
const run = promisify(execFile);

let server: TestServer;
let maria: CookieJar;
let admin: CookieJar;
let ops: CookieJar;
let mariaMemberId: string;
let helpSlug: string;
const at = (p: string) => `${server.url}${p}`;

const PROFILE = {
  intent: "profile",
  givenName: "Maria",
  familyName: "Santos",
  phone: "+63 917 555 0199",
  email: "maria.s@example.com",
  address: "12 Mabini St., Brgy. San Isidro, Quezon City",
  birthday: "1988-03-14",
};

/** Every table a write route of the app could change, as one digest per table. */
async function digest(): Promise<Record<string, string>> {
  const tables = [
    "members",
    "households",
    "groups",
    "group_memberships",
    "help_feedback",
    "support_tickets",
    "ticket_messages",
    "consent_records",
    "data_requests",
    "invitations",
    "roles",
    "audit_log",
    "client_errors",
  ];
  return acrossChurches(async (tx) => {
    const result: Record<string, string> = {};
    for (const table of tables) {
      const rows = await tx.execute(
        sql.raw(`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as d from ${table} t`),
      );
      const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
      result[table] = (list[0] as { d: string }).d;
    }
    return result;
  }, server.database.db);
}

/** Switch on as an operator would: the command against the server's database, or the model on PGlite. */
async function switchOn(reason: string) {
  if (server.database.url) {
    const tsx = path.resolve("node_modules/.bin/tsx");
    const { stdout } = await run(tsx, ["scripts/maintenance.ts", "read-only", "on", "--reason", reason, "--by", "test operator"], {
      env: { ...process.env, DATABASE_URL: server.database.url },
    });
    expect(stdout).toContain("read-only mode is ON");
  } else {
    await setReadOnly({ enabled: true, reason, changedBy: "test operator" }, {}, server.database.db);
  }
}

/** The writes people make, one per area: [who, path, form]. */
function writes(): [string, CookieJar, string, Record<string, string>][] {
  return [
    ["profile save", maria, "/me", PROFILE],
    ["privacy choice", maria, "/me/privacy", { intent: "save", phone: "hidden" }],
    ["help feedback", maria, `/help/${helpSlug}`, { helpful: "yes", comment: "Clear, thank you" }],
    ["support question", maria, "/support", { subject: "Read-only?", message: "Can I change my address?" }],
    ["cookie choice", new CookieJar(), "/cookies", { choice: "all" }],
    ["admin member edit", admin, `/admin/members/${mariaMemberId}`, { intent: "details", givenName: "Mariana", familyName: "Santos" }],
    ["admin group create", admin, "/admin/groups", { intent: "create", name: "Choir" }],
    ["church onboarding", ops, "/platform/churches", { name: "Faith", slug: "faith-ro", timezone: "Asia/Manila", defaultLocale: "en", adminEmail: "p@faith.example" }],
  ];
}

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  [maria, admin, ops] = await Promise.all([
    signedInJar(server.url, "member@grace.example"),
    signedInJar(server.url, "admin@grace.example"),
    signedInJar(server.url, "ops@kapatiran.example"),
  ]);
  mariaMemberId = await acrossChurches(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, "member@grace.example"));
    const [row] = await tx.select().from(members).where(eq(members.userId, user!.id));
    return row!.id;
  }, server.database.db);
  const help = await (await browse(maria, at("/help"))).text();
  helpSlug = /href="\/help\/([a-z0-9-]+)"/.exec(help)![1]!;
});
afterAll(async () => {
  await server?.close();
});

/** The 5xx answers /metrics has counted so far, all routes together (the error-rate alert's numerator). */
async function serverErrorsCounted(): Promise<number> {
  const text = await (await fetch(at("/metrics"))).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("kapatiran_http_errors_total"))
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
}

describe(`read-only mode (${engine})`, () => {
  it("refuses every write with a localized 503 and Retry-After, keeps reads and sign-in working, and writes nothing", async () => {
    await switchOn("Database upgrade");
    // After the switch: turning it on is itself audited.
    const before = await digest();

    // Reads: as usual, with the banner.
    for (const [jar, page] of [
      [maria, "/me"],
      [maria, "/directory"],
      [maria, `/help/${helpSlug}`],
      [admin, "/admin/members"],
      [ops, "/platform/ops"],
    ] as const) {
      const response = await browse(jar, at(page));
      expect(response.status, page).toBe(200);
      const html = await response.text();
      expect(html, page).toContain('data-banner="read-only"');
      expect(html, page).toContain("Kapatiran is read-only for maintenance.");
      expect(html, page).toContain("Reason: Database upgrade");
    }

    // Writes: 503 before any handler, with the page and when to come back.
    const errorsBefore = await serverErrorsCounted();
    for (const [what, jar, page, form] of writes()) {
      const response = await postForm(jar, at(page), form);
      expect(response.status, what).toBe(503);
      expect(response.headers.get("retry-after"), what).toBe("300");
      expect(response.headers.get("cache-control"), what).toBe("no-store");
      expect(response.headers.get("content-type"), what).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html, what).toContain('<html lang="en">');
      expect(html, what).toContain("<h1>Kapatiran is read-only for maintenance</h1>");
      expect(html, what).toContain("Your change was not saved.");
      expect(html, what).toContain("Reason: Database upgrade");
    }
    // PUT, PATCH and DELETE too; browser reports are dropped like any write.
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect((await browse(maria, at("/me"), { method, headers: { origin: server.url } })).status, method).toBe(503);
    }
    const beacon = await browse(new CookieJar(), at("/api/beacon"), {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ route: "/", lcp: 1200 }),
    });
    expect(beacon.status).toBe(503);
    // Planned refusals are requests, not errors: maintenance must not fire the error-rate alert.
    expect(await serverErrorsCounted()).toBe(errorsBefore);

    // In the visitor's language: the switcher's cookie, or the browser's languages (tl is Filipino).
    const filipino = new CookieJar();
    expect((await postForm(filipino, at("/language"), { lng: "fil", redirectTo: "/" })).status).toBe(302);
    for (const [jar, headers] of [
      [filipino, {}],
      [new CookieJar(), { "accept-language": "tl-PH,tl;q=0.9,en;q=0.5" }],
    ] as const) {
      const response = await browse(jar, at("/cookies"), {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin: server.url },
        body: "choice=all",
      });
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain('<html lang="fil">');
      expect(html).toContain("Pagbabasa lamang ang Kapatiran dahil sa maintenance");
      expect(html).toContain("Hindi na-save ang iyong pagbabago.");
    }
    // A client that does not read HTML gets both languages as plain text.
    const plain = await browse(maria, at("/me"), {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams(PROFILE).toString(),
    });
    expect(plain.status).toBe(503);
    expect(plain.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await plain.text()).toMatch(/read-only for maintenance[\s\S]*Pagbabasa lamang/);

    // Signing in and out still work, so people can read.
    const fresh = await signIn(server.url, "leader@grace.example");
    expect(fresh.finished.status).toBe(302);
    expect((await browse(fresh.jar, at("/directory"))).status).toBe(200);
    expect((await postForm(fresh.jar, at("/auth/logout"), {})).status).toBe(302);

    expect(await digest()).toEqual(before);
    // The switch is in the platform's audit trail, with who and why.
    const [entry] = await acrossChurches(
      (tx) => tx.select().from(auditLog).where(and(isNull(auditLog.churchId), eq(auditLog.action, "maintenance.read_only_on"))),
      server.database.db,
    );
    expect(entry?.after).toMatchObject({ enabled: true, reason: "Database upgrade", changedBy: "test operator" });

    // Off from the platform page (its own post passes the gate): writes work again at once.
    const off = await postForm(ops, at("/platform/maintenance"), { intent: "read-only-off" });
    expect(off.status).toBe(302);
    expect(off.headers.get("location")).toBe("/platform/maintenance?done=off");
    const saved = await postForm(maria, at("/me"), PROFILE);
    expect(saved.status).toBe(302);
    expect((await postForm(maria, at(`/help/${helpSlug}`), { helpful: "yes" })).status).toBe(302);
    const page = await (await browse(maria, at("/me"))).text();
    expect(page).not.toContain('data-banner="read-only"');
    expect(page).toContain("+63 917 555 0199");
  });

  it("reaches a running server without a restart within the cache time", async () => {
    // As another process would switch it (the command on the box, the other slot's page): straight in the database.
    const flip = (enabled: boolean) =>
      acrossChurches((tx) => tx.update(readOnlyMode).set({ enabled, changedBy: "other process" }).where(eq(readOnlyMode.id, 1)), server.database.db);
    const tryWrite = () => postForm(maria, at("/me"), PROFILE);
    const until = async (status: (code: number) => boolean) => {
      const started = Date.now();
      while (Date.now() - started < READ_ONLY_CACHE_MS + 3000) {
        if (status((await tryWrite()).status)) return Date.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error("the switch was not seen");
    };
    await flip(true);
    const onAfter = await until((code) => code === 503);
    await flip(false);
    const offAfter = await until((code) => code === 302);
    expect(onAfter).toBeLessThanOrEqual(READ_ONLY_CACHE_MS + 500);
    expect(offAfter).toBeLessThanOrEqual(READ_ONLY_CACHE_MS + 500);
  });

  it("during a running maintenance window, Retry-After counts to its end and the page says when", async () => {
    const now = Date.now();
    await acrossChurches(
      (tx) =>
        tx.insert(maintenanceWindows).values({
          startsAt: new Date(now - 10 * 60_000),
          endsAt: new Date(now + 30 * 60_000),
          createdBy: "test",
        }),
      server.database.db,
    );
    forgetBanners();
    await setReadOnly({ enabled: true, changedBy: "test operator" }, {}, server.database.db);
    try {
      const response = await postForm(maria, at("/me"), PROFILE);
      expect(response.status).toBe(503);
      const retryAfter = Number(response.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(30 * 60 - 60);
      expect(retryAfter).toBeLessThanOrEqual(30 * 60);
      const end = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Manila" }).format(
        new Date(now + 30 * 60_000),
      );
      expect(await response.text()).toContain(`Please try again after ${end} (Philippine time).`);
      const page = await (await browse(maria, at("/directory"))).text();
      expect(page).toContain(`Maintenance in progress until ${end} (Philippine time).`);
    } finally {
      await setReadOnly({ enabled: false, changedBy: "test operator" }, {}, server.database.db);
    }
  });
});
