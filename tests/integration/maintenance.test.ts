import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, deployments, maintenanceWindows, statusNotices } from "~/db/schema.server";
import { loadMigrations } from "~/db/migrations.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { announcedWindow, forgetBanners, windowInstants } from "~/maintenance/windows.server";
import { nextDateAt, zonedDate } from "~/maintenance/zoned-time";
import { browse, CookieJar, postForm } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * Maintenance windows, status notices and the releases page (issue 9) over
 * HTTP, with the announcement's 24 hours checked on the model with a moved
 * clock rather than by waiting.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";
const HOUR = 60 * 60_000;

let server: TestServer;
let ops: CookieJar;
let admin: CookieJar;
const at = (p: string) => `${server.url}${p}`;
const page = async (jar: CookieJar, p: string) => (await browse(jar, at(p))).text();
const inDb = <T>(work: Parameters<typeof acrossChurches<T>>[0]) => acrossChurches(work, server.database.db);

/** A date in Manila some days from now, as the form takes it. */
const manilaDate = (days: number) => zonedDate(new Date(Date.now() + days * 24 * HOUR), "Asia/Manila");

const fieldError = (html: string, name: string) =>
  new RegExp(`id="field-${name}-error"[^>]*>([^<]*)<`).exec(html)?.[1];

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  [ops, admin] = await Promise.all([
    signedInJar(server.url, "ops@kapatiran.example"),
    signedInJar(server.url, "admin@grace.example"),
  ]);
});
afterAll(async () => {
  await server?.close();
});

describe(`maintenance windows (${engine})`, () => {
  it("the form offers the next usual window, in Philippine time", async () => {
    const html = await page(ops, "/platform/maintenance");
    const next = nextDateAt("02:00", "Asia/Manila");
    expect(html).toContain('<h1 id="maintenance-title"');
    expect(html).toContain("Read-only mode is off");
    expect(html).toMatch(new RegExp(`name="date"[^>]*value="${next}"`));
    expect(html).toMatch(/name="start"[^>]*value="02:00"|value="02:00"[^>]*name="start"/);
    expect(html).toMatch(/name="end"[^>]*value="04:00"|value="04:00"[^>]*name="end"/);
    expect(html).toContain("Times are in Philippine time.");
  });

  it("refuses a bad window with field errors and keeps what was typed", async () => {
    const good = { intent: "schedule", date: manilaDate(3), start: "02:00", end: "04:00", noteEn: "Database upgrade", noteFil: "" };
    const cases: [Record<string, string>, string, string][] = [
      [{ date: "" }, "date", "This is required."],
      [{ date: "2026-02-30" }, "date", "Enter a date like 2026-11-28."],
      [{ start: "25:00" }, "start", "Enter a time like 02:00."],
      [{ date: manilaDate(-1) }, "date", "This window would start in the past."],
      [{ start: "02:00", end: "01:00" }, "end", "A window must end after it starts and last at most 12 hours."],
      [{ start: "02:00", end: "02:00" }, "end", "A window must end after it starts and last at most 12 hours."],
    ];
    for (const [change, field, message] of cases) {
      const response = await postForm(ops, at("/platform/maintenance"), { ...good, ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      const html = await response.text();
      expect(fieldError(html, field), JSON.stringify(change)).toContain(message);
      expect(html).toMatch(new RegExp(`id="field-${field}"[^>]*aria-invalid="true"`));
      expect(html).toContain('value="Database upgrade"');
    }
    const count = await inDb((tx) => tx.$count(maintenanceWindows));
    expect(count).toBe(0);
  });

  it("schedules a window in Manila time, lists it, and cancels it", async () => {
    const date = manilaDate(3);
    const response = await postForm(ops, at("/platform/maintenance"), {
      intent: "schedule",
      date,
      start: "23:00",
      end: "01:00",
      noteEn: "Database upgrade",
      noteFil: "Pag-upgrade ng database",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/platform/maintenance?done=scheduled");
    const [row] = await inDb((tx) => tx.select().from(maintenanceWindows));
    // 23:00 in Manila (UTC+8) is 15:00 UTC; the end before the start is the next day's 01:00.
    expect(row!.startsAt.toISOString()).toBe(`${date}T15:00:00.000Z`);
    expect(row!.endsAt.getTime() - row!.startsAt.getTime()).toBe(2 * HOUR);
    expect(row!.createdBy).toBe("ops@kapatiran.example");

    const html = await page(ops, "/platform/maintenance?done=scheduled");
    expect(html).toContain("The maintenance window is scheduled.");
    expect(html).toContain(`data-window="${row!.id}"`);
    expect(html).toContain("Database upgrade");
    // Three days away: no banner yet.
    expect(html).not.toContain('data-banner="maintenance-window"');

    const cancelled = await postForm(ops, at("/platform/maintenance"), { intent: "cancel", id: row!.id });
    expect(cancelled.status).toBe(302);
    expect(await page(ops, "/platform/maintenance")).not.toContain(`data-window="${row!.id}"`);
    const again = await postForm(ops, at("/platform/maintenance"), { intent: "cancel", id: row!.id });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("already over, cancelled or resolved");

    const actions = await inDb((tx) =>
      tx.select({ action: auditLog.action }).from(auditLog).where(and(isNull(auditLog.churchId), eq(auditLog.recordId, row!.id))),
    );
    expect(actions.map((a) => a.action).sort()).toEqual(["maintenance.window_cancelled", "maintenance.window_scheduled"]);
  });

  it("is announced from 24 hours before it starts until it ends, not 25 hours before", async () => {
    const startsAt = new Date(Date.now() + 48 * HOUR);
    const [row] = await inDb((tx) =>
      tx.insert(maintenanceWindows).values({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), createdBy: "test" }).returning(),
    );
    const announced = async (offsetMs: number) => (await announcedWindow(new Date(startsAt.getTime() + offsetMs), server.database.db))?.id ?? null;
    expect(await announced(-25 * HOUR)).toBeNull();
    expect(await announced(-24 * HOUR - 60_000)).toBeNull();
    expect(await announced(-24 * HOUR)).toBe(row!.id);
    expect(await announced(-1 * HOUR)).toBe(row!.id);
    expect(await announced(1 * HOUR)).toBe(row!.id);
    expect(await announced(2 * HOUR)).toBeNull();
    await inDb((tx) => tx.update(maintenanceWindows).set({ cancelledAt: new Date() }).where(eq(maintenanceWindows.id, row!.id)));
    expect(await announced(-1 * HOUR)).toBeNull();
  });

  it("every page shows the banner for a window 23 hours away, in both languages, and none for one 25 hours away", async () => {
    const far = new Date(Math.ceil((Date.now() + 25 * HOUR) / 60_000) * 60_000);
    await inDb((tx) => tx.insert(maintenanceWindows).values({ startsAt: far, endsAt: new Date(far.getTime() + 2 * HOUR), createdBy: "test" }));
    forgetBanners();
    expect(await page(new CookieJar(), "/")).not.toContain('data-banner="maintenance-window"');

    // The usual window on the usual clock: 02:00–04:00 Manila time, 23 hours or less from now.
    const tomorrow = windowInstants({ date: manilaDate(1), start: "02:00", end: "04:00" }, "Asia/Manila");
    const soon = tomorrow.startsAt.getTime() - Date.now() <= 23 * HOUR ? tomorrow : windowInstants({ date: manilaDate(0), start: "02:00", end: "04:00" }, "Asia/Manila");
    await inDb((tx) =>
      tx.insert(maintenanceWindows).values({ ...soon, noteEn: "Database upgrade.", noteFil: "Pag-upgrade ng database.", createdBy: "test" }),
    );
    forgetBanners();
    const running = soon.startsAt.getTime() <= Date.now();
    const day = (tag: string) =>
      new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", timeZone: "Asia/Manila" }).format(soon.startsAt);
    const english = running
      ? "Maintenance in progress until 04:00 (Philippine time). Kapatiran may be read-only during this time."
      : `Scheduled maintenance: ${day("en-GB")}, 02:00–04:00 (Philippine time). Kapatiran may be read-only during this time.`;
    const filipino = running
      ? "May maintenance hanggang 04:00 (oras sa Pilipinas)."
      : `Nakatakdang maintenance: ${day("fil-PH")}, 02:00–04:00 (oras sa Pilipinas). Maaaring pagbabasa lamang ang Kapatiran sa oras na ito.`;
    for (const [jar, p] of [
      [new CookieJar(), "/"],
      [new CookieJar(), "/help"],
      [admin, "/admin/members"],
      [ops, "/platform/churches"],
    ] as const) {
      const html = await page(jar, p);
      expect(html, p).toContain('data-banner="maintenance-window"');
      expect(html, p).toContain(english);
      expect(html, p).toContain("Database upgrade.");
    }
    const fil = await page(new CookieJar(), "/help?lng=fil");
    expect(fil).toContain(filipino);
    expect(fil).toContain("Pag-upgrade ng database.");
    await inDb((tx) => tx.update(maintenanceWindows).set({ cancelledAt: new Date() }));
    forgetBanners();
  });
});

describe(`status notices (${engine})`, () => {
  it("refuses a notice without an English message or with an unknown kind", async () => {
    const empty = await postForm(ops, at("/platform/status"), { intent: "post", severity: "info", messageEn: " ", messageFil: "Kumusta" });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(fieldError(html, "messageEn")).toBe("This is required.");
    expect(html).toContain(">Kumusta</textarea>");
    const kind = await postForm(ops, at("/platform/status"), { intent: "post", severity: "panic", messageEn: "Hello" });
    expect(kind.status).toBe(400);
    expect(fieldError(await kind.text(), "severity")).toBe("Choose one of the options.");
    expect(await inDb((tx) => tx.$count(statusNotices))).toBe(0);
  });

  it("shows an incident on every page in the reader's language until it is resolved", async () => {
    const posted = await postForm(ops, at("/platform/status"), {
      intent: "post",
      severity: "incident",
      messageEn: "Sign-in is slow; we are on it.",
      messageFil: "Mabagal ang pag-sign in; inaayos na namin.",
    });
    expect(posted.status).toBe(302);
    const info = await postForm(ops, at("/platform/status"), { intent: "post", severity: "info", messageEn: "New help guides are up." });
    expect(info.status).toBe(302);

    for (const [jar, p] of [
      [new CookieJar(), "/"],
      [admin, "/admin/members"],
      [ops, "/platform/ops"],
    ] as const) {
      const html = await page(jar, p);
      expect(html, p).toMatch(/role="alert" data-notice="incident"[^>]*>[\s\S]*?Sign-in is slow; we are on it\./);
      expect(html, p).toMatch(/role="status" data-notice="info"[^>]*>[\s\S]*?New help guides are up\./);
    }
    const fil = await page(new CookieJar(), "/help?lng=fil");
    expect(fil).toContain("Mabagal ang pag-sign in; inaayos na namin.");
    expect(fil).not.toContain("Sign-in is slow");
    // No Filipino text: Filipino readers see the English one.
    expect(fil).toContain("New help guides are up.");

    const [incident] = await inDb((tx) => tx.select().from(statusNotices).where(eq(statusNotices.severity, "incident")));
    expect(incident!.postedBy).toBe("ops@kapatiran.example");
    const resolved = await postForm(ops, at("/platform/status"), { intent: "resolve", id: incident!.id });
    expect(resolved.status).toBe(302);
    const after = await page(new CookieJar(), "/");
    expect(after).not.toContain("Sign-in is slow");
    expect(after).toContain("New help guides are up.");
    const statusPage = await page(ops, "/platform/status");
    expect(statusPage).toMatch(/Resolved recently[\s\S]*Sign-in is slow; we are on it\./);
    expect((await postForm(ops, at("/platform/status"), { intent: "resolve", id: incident!.id })).status).toBe(404);

    const actions = await inDb((tx) =>
      tx.select({ action: auditLog.action }).from(auditLog).where(and(isNull(auditLog.churchId), eq(auditLog.recordId, incident!.id))),
    );
    expect(actions.map((a) => a.action).sort()).toEqual(["maintenance.notice_posted", "maintenance.notice_resolved"]);
  });

  it("is for platform administrators only", async () => {
    expect((await browse(admin, at("/platform/status"))).status).toBe(403);
    expect((await postForm(admin, at("/platform/status"), { intent: "post", severity: "incident", messageEn: "Hacked" })).status).toBe(403);
    expect((await postForm(admin, at("/platform/maintenance"), { intent: "read-only-on" })).status).toBe(403);
  });
});

describe(`releases page (${engine})`, () => {
  it("shows this release, the migration level and the recorded deploys", async () => {
    const started = new Date(Date.now() - 5 * 60_000);
    await inDb((tx) =>
      tx.insert(deployments).values([
        {
          action: "deploy",
          release: "2026.11.28-a1b2c3d",
          commit: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
          slot: "green",
          migrationLevel: "0016_delivery",
          outcome: "live",
          detail: "ready after 4.2 s; blue drained",
          startedAt: started,
          finishedAt: new Date(started.getTime() + 60_000),
          actor: "ci run 4711",
        },
        {
          action: "deploy",
          release: "2026.11.28-broken",
          slot: "blue",
          migrationLevel: "0016_delivery",
          outcome: "rejected",
          detail: "/readyz not ready within 60 s",
          startedAt: started,
          finishedAt: new Date(started.getTime() + 120_000),
          actor: "operator",
        },
      ]),
    );
    const response = await browse(ops, at("/platform/releases"));
    expect(response.status).toBe(200);
    const html = await response.text();
    const latest = loadMigrations().at(-1)!.tag;
    expect(html).toMatch(new RegExp(`data-live="migration-level"><code[^>]*>${latest}<`));
    expect(html).toMatch(/data-live="pending"><code[^>]*>none</);
    expect(html).toContain("2026.11.28-a1b2c3d");
    expect(html).toContain("(a1b2c3d4e5f6)");
    expect(html).toContain("ready after 4.2 s; blue drained");
    expect(html).toContain("ci run 4711");
    expect(html).toContain("Rejected (never ready)");
    // Newest first: the rejected deploy finished last.
    expect(html.indexOf("2026.11.28-broken")).toBeLessThan(html.indexOf("2026.11.28-a1b2c3d"));
    expect(await page(ops, "/platform/churches")).toContain('href="/platform/releases"');
    expect((await browse(admin, at("/platform/releases"))).status).toBe(403);
  });
});
