import { BUILT_IN_ROLES } from "~/auth/permissions";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, churches, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches, withChurch } from "~/db/tenancy.server";
import { recordAudit } from "~/models/audit.server";
import { inviteUser } from "~/models/invitations.server";
import { builtInRoleIds } from "~/models/roles.server";
import { deactivateUser } from "~/models/user-status.server";
import { browse, type CookieJar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar, signIn } from "../support/sign-in";

/**
 * The audit trail as a church administrator reads it: /admin/audit and its
 * CSV export, over HTTP against the real app, with entries written by real
 * changes. The hash chain is tested in audit-chain.test.ts.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";

/** The entries of an /admin/audit page, by id, each with its HTML. */
function entriesOf(html: string): { id: number; html: string }[] {
  return html
    .split('data-entry-id="')
    .slice(1)
    .map((chunk) => ({ id: Number(chunk.slice(0, chunk.indexOf('"'))), html: chunk }));
}

/** RFC 4180 reading, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

describe(`/admin/audit (${engine})`, () => {
  let server: TestServer;
  let graceId: string;
  let hopeId: string;
  let graceAdminId: string;
  let graceAdmin: CookieJar;
  let hopeAdmin: CookieJar;
  const at = (p: string) => `${server.url}${p}`;

  beforeAll(async () => {
    server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
    await acrossChurches(async (tx) => {
      const rows = await tx.select({ id: churches.id, slug: churches.slug }).from(churches);
      graceId = rows.find((r) => r.slug === "grace")!.id;
      hopeId = rows.find((r) => r.slug === "hope")!.id;
      const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "admin@grace.example"));
      graceAdminId = admin!.id;
    }, server.database.db);
    graceAdmin = await signedInJar(server.url, "admin@grace.example");
    hopeAdmin = await signedInJar(server.url, "admin@hope.example");

    // Real changes: an invitation, its acceptance by signing in, a deactivation.
    const roles = await acrossChurches((tx) => builtInRoleIds(tx), server.database.db);
    const actor = { id: graceAdminId, churchId: graceId, permissions: BUILT_IN_ROLES.church_admin.permissions };
    await inviteUser(actor, { email: "helper.one@example.com", roleId: roles.member }, { requestId: "req-invite" });
    expect((await signIn(server.url, "helper.one@example.com")).finished.status).toBe(302);
    const [helper] = await acrossChurches(
      (tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, "helper.one@example.com")),
      server.database.db,
    );
    expect(await deactivateUser(actor, helper!.id, { requestId: "req-deactivate" })).toBe(true);
  });
  afterAll(async () => {
    await server.close();
  });

  it("shows entries written by real changes, newest first, with who did it and before → after", async () => {
    const response = await browse(graceAdmin, at("/admin/audit"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await response.text();
    const entries = entriesOf(html);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));

    const [deactivated] = entries.filter((e) => e.html.includes("user.deactivated"));
    expect(deactivated!.html).toContain("Cristina Villanueva (admin@grace.example)");
    expect(deactivated!.html).toMatch(/status<\/span>: <span>active<\/span>[\s\S]*?<span>deactivated<\/span>/);

    const [invited] = entries.filter((e) => e.html.includes("invitation.created"));
    expect(invited!.html).toContain("helper.one@example.com");
    const [accepted] = entries.filter((e) => e.html.includes("invitation.accepted"));
    expect(accepted).toBeDefined();
  });

  it("renders values people typed as text, never as markup", async () => {
    await withChurch(graceId, (tx) =>
      recordAudit(tx, {
        churchId: graceId,
        actorUserId: graceAdminId,
        action: "test.markup",
        recordType: "note",
        before: { note: "<b>bold</b>" },
        after: { note: '<script>alert("x")</script>' },
      }),
    );
    const html = await (await browse(graceAdmin, at("/admin/audit?action=test.markup"))).text();
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });

  it("filters by action and by actor (from the select, an e-mail, or the system)", async () => {
    const byAction = entriesOf(await (await browse(graceAdmin, at("/admin/audit?action=user.deactivated"))).text());
    expect(byAction.length).toBe(1);
    expect(byAction[0]!.html).toContain("user.deactivated");

    const page = await (await browse(graceAdmin, at("/admin/audit"))).text();
    expect(page).toContain(`<option value="${graceAdminId}">Cristina Villanueva (admin@grace.example)</option>`);
    expect(page).toContain('<option value="user.deactivated">user.deactivated</option>');

    const byActor = entriesOf(await (await browse(graceAdmin, at(`/admin/audit?actor=${graceAdminId}`))).text());
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.html.includes("admin@grace.example"))).toBe(true);
    expect(byActor.some((e) => e.html.includes("invitation.accepted"))).toBe(false);

    const byEmail = entriesOf(await (await browse(graceAdmin, at("/admin/audit?actor=helper.one%40example.com"))).text());
    expect(byEmail.map((e) => e.html.includes("invitation.accepted"))).toEqual([true]);

    await withChurch(graceId, (tx) =>
      recordAudit(tx, { churchId: graceId, actorUserId: null, action: "test.system", recordType: "job" }),
    );
    const bySystem = entriesOf(await (await browse(graceAdmin, at("/admin/audit?actor=system"))).text());
    expect(bySystem.length).toBe(1);
    expect(bySystem[0]!.html).toContain("System");
  });

  it("filters by record and by dates read in the church's timezone (Asia/Manila)", async () => {
    // 23:30 on 10 March and 00:30 on 11 March in Manila: the same day in UTC.
    for (const [instant, recordId] of [
      ["2024-03-10T15:30:00Z", "before-midnight"],
      ["2024-03-10T16:30:00Z", "after-midnight"],
    ] as const) {
      vi.useFakeTimers({ now: new Date(instant), toFake: ["Date"] });
      try {
        await withChurch(graceId, (tx) =>
          recordAudit(tx, { churchId: graceId, actorUserId: graceAdminId, action: "test.dated", recordType: "note", recordId }),
        );
      } finally {
        vi.useRealTimers();
      }
    }
    const ids = async (query: string) =>
      entriesOf(await (await browse(graceAdmin, at(`/admin/audit?${query}`))).text()).map((e) =>
        e.html.includes("after-midnight") ? "after" : e.html.includes("before-midnight") ? "before" : "other",
      );
    expect(await ids("from=2024-03-11&to=2024-03-11")).toEqual(["after"]);
    expect(await ids("from=2024-03-10&to=2024-03-10")).toEqual(["before"]);
    expect(await ids("to=2024-03-10")).toEqual(["before"]);
    expect(await ids("from=2024-03-10&to=2024-03-11")).toEqual(["after", "before"]);
    expect(await ids("recordType=note&recordId=after-midnight")).toEqual(["after"]);
  });

  it("answers a bad filter with 400, the message and the input kept, never a 500", async () => {
    const response = await browse(graceAdmin, at("/admin/audit?from=2024-02-30&recordId=after-midnight"));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter a date like");
    expect(html).toContain('value="2024-02-30"');
    expect(html).toContain('value="after-midnight"');
    // The filters that were fine still apply.
    expect(entriesOf(html).map((e) => e.html.includes("after-midnight"))).toEqual([true]);
    const reversed = await browse(graceAdmin, at("/admin/audit?from=2024-03-11&to=2024-03-10"));
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain("on or after the start date");
    expect((await browse(graceAdmin, at("/admin/audit?actor=not-a-person"))).status).toBe(400);
    expect((await browse(graceAdmin, at("/admin/audit?page=-3"))).status).toBe(200);
  });

  it("shows 50 entries a page, with the filters kept in the page links", async () => {
    await withChurch(graceId, async (tx) => {
      for (let n = 1; n <= 55; n++) {
        await recordAudit(tx, { churchId: graceId, actorUserId: graceAdminId, action: "test.bulk", recordType: "note", recordId: `bulk-${n}` });
      }
    });
    const first = await (await browse(graceAdmin, at("/admin/audit?action=test.bulk"))).text();
    expect(entriesOf(first).length).toBe(50);
    expect(first).toContain('href="/admin/audit?action=test.bulk&amp;page=2"');
    const second = await (await browse(graceAdmin, at("/admin/audit?action=test.bulk&page=2"))).text();
    expect(entriesOf(second).length).toBe(5);
    expect(second).toContain("bulk-1<");
  });

  it("exports the filtered entries as CSV, safe to open in a spreadsheet, and audits the export", async () => {
    await withChurch(graceId, (tx) =>
      recordAudit(tx, {
        churchId: graceId,
        actorUserId: graceAdminId,
        action: "test.formula",
        recordType: "note",
        recordId: '=HYPERLINK("http://evil.example","click")',
        after: { note: "=1+1", line: "two\nlines" },
      }),
    );
    const response = await browse(graceAdmin, at("/admin/audit/export.csv?action=test.formula"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Manila" }).format(new Date());
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="audit-grace-${today}.csv"`);

    // A byte order mark first, for Excel; text() (like any UTF-8 decoder) drops it.
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      "id",
      "created_at_utc",
      "created_at_local",
      "actor_name",
      "actor_email",
      "action",
      "record_type",
      "record_id",
      "changes",
      "request_id",
      "ip_address",
    ]);
    expect(rows.length).toBe(1);
    const row = Object.fromEntries(header!.map((name, i) => [name, rows[0]![i]]));
    expect(row).toMatchObject({ actor_email: "admin@grace.example", action: "test.formula", record_type: "note" });
    expect(row.record_id).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row.changes).toBe("line: ∅ → two\nlines; note: ∅ → =1+1");
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);

    // The export itself is in the log, with what it selected.
    const exports = entriesOf(await (await browse(graceAdmin, at("/admin/audit?action=audit.exported"))).text());
    expect(exports.length).toBe(1);
    expect(exports[0]!.html).toContain("Cristina Villanueva");
    expect(exports[0]!.html).toMatch(/rows<\/span>: <em[^>]*>none<\/em>[\s\S]*?<span>1<\/span>/);

    // Every entry of the church, unfiltered: the header plus one row each.
    const all = parseCsv(await (await browse(graceAdmin, at("/admin/audit/export.csv"))).text());
    const count = await withChurch(graceId, (tx) => tx.$count(auditLog));
    expect(all.length - 1).toBe(count - 1); // all but the entry this export just wrote
  });

  it("keeps each church to its own entries, on the page and in the CSV", async () => {
    const page = await (await browse(hopeAdmin, at("/admin/audit"))).text();
    for (const grace of ["helper.one@example.com", "Cristina Villanueva", "test.formula", "after-midnight", graceAdminId]) {
      expect(page).not.toContain(grace);
    }
    expect(entriesOf(await (await browse(hopeAdmin, at(`/admin/audit?actor=${graceAdminId}`))).text())).toEqual([]);
    expect(entriesOf(await (await browse(hopeAdmin, at("/admin/audit?actor=admin%40grace.example"))).text())).toEqual([]);

    const csv = await browse(hopeAdmin, at("/admin/audit/export.csv"));
    expect(csv.headers.get("content-disposition")).toMatch(/filename="audit-hope-/);
    const text = await csv.text();
    for (const grace of ["helper.one@example.com", "admin@grace.example", "test.formula", "HYPERLINK"]) {
      expect(text).not.toContain(grace);
    }
    const hopeCount = await withChurch(hopeId, (tx) => tx.$count(auditLog));
    expect(parseCsv(text).length - 1).toBe(hopeCount - 1);
  });

  it("refuses members (403) and sends visitors to sign in", async () => {
    const member = await signedInJar(server.url, "member@grace.example");
    expect((await browse(member, at("/admin/audit"))).status).toBe(403);
    expect((await browse(member, at("/admin/audit/export.csv"))).status).toBe(403);
    const anonymous = await fetch(at("/admin/audit/export.csv"), { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/auth\/login\?redirectTo=/);
  });
});
