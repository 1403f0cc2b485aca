import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { verifyAuditChain } from "~/models/audit.server";
import { addPlatformStaff } from "~/models/platform-staff.server";
import { browse } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signIn } from "../support/sign-in";

/**
 * A new installation's first platform administrator, added from the command
 * line (npm run platform-staff): on an empty database nobody can invite
 * anyone, so this is the way in. Then they sign in like anyone else.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";

describe(`platform staff from the command line (${engine})`, () => {
  let server: TestServer;
  const at = (p: string) => `${server.url}${p}`;

  beforeAll(async () => {
    // No demo data: a fresh installation, only what the migrations make.
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("lets the first platform administrator in, audited, and refuses a second account for the same address", async () => {
    const email = "first-ops@kapatiran.example";
    expect((await signIn(server.url, email)).finished.status, "before: nobody invited them").not.toBe(302);

    const added = await addPlatformStaff({ email: " First-Ops@Kapatiran.example ", displayName: "Ana Reyes", role: "platform_admin", addedBy: "root (command line)" }, server.database.db);
    expect(added.ok).toBe(true);
    const [row] = await acrossChurches((tx) => tx.select().from(users).where(eq(users.email, email)), server.database.db);
    expect(row).toMatchObject({ churchId: null, displayName: "Ana Reyes", status: "active" });

    const { jar, finished } = await signIn(server.url, email);
    expect(finished.status).toBe(302);
    expect((await browse(jar, at("/platform/ops"))).status).toBe(200);
    expect((await browse(jar, at("/platform/churches"))).status).toBe(200);

    const again = await addPlatformStaff({ email, displayName: "Someone else", role: "support_staff", addedBy: "root (command line)" }, server.database.db);
    expect(again).toEqual({ ok: false, reason: "exists" });
    expect(await addPlatformStaff({ email: "not an address", displayName: "", role: "support_staff", addedBy: "x" }, server.database.db)).toEqual({
      ok: false,
      reason: "invalid-email",
    });

    const [entry] = await acrossChurches(
      (tx) => tx.select().from(auditLog).where(and(isNull(auditLog.churchId), eq(auditLog.action, "user.added_from_command_line"))),
      server.database.db,
    );
    expect(entry).toMatchObject({ recordId: row!.id, after: { role: "platform_admin", addedBy: "root (command line)" } });
    expect(await verifyAuditChain(server.database.db, { churchId: null })).toMatchObject({ ok: true });
  });
});
