import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate, rowsOf } from "~/db/migrations.server";
import { auditLog, churches } from "~/db/schema.server";
import { acrossChurches, withChurch } from "~/db/tenancy.server";
import { recordAudit, verifyAuditChain } from "~/models/audit.server";
import { freshDatabase, type TestDatabase } from "../support/database";

/**
 * The audit trail as an operator checks it: verifyAuditChain and the
 * `verify-audit` command (built: run `npm run build` first), against rows
 * edited and deleted by hand as the table owner.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";

describe(`audit hash chains (${engine})`, () => {
  let database: TestDatabase;
  let alpha: string;
  const written: number[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    alpha = await acrossChurches(async (tx) => {
      const [church] = await tx.insert(churches).values({ slug: "alpha", name: "Alpha" }).returning();
      return church!.id;
    }, database.db);
    for (let n = 0; n < 5; n++) {
      await withChurch(
        alpha,
        (tx) =>
          recordAudit(tx, {
            churchId: alpha,
            actorUserId: null,
            action: "test.chain",
            recordType: "note",
            recordId: String(n),
            // Keys out of order, nesting, Unicode and numbers: all must survive jsonb exactly.
            before: { z: n, a: { y: [1, 2.5, "x"], b: null }, pangalan: "Niño Peñafrancia" },
            after: { n: 1.0, big: 12345678901234567890, tiny: 0.1 + 0.2, when: new Date("2024-01-01T00:00:00.123Z") },
            requestId: `req-${n}`,
            ipAddress: "203.0.113.7",
          }),
        database.db,
      );
    }
    await acrossChurches(
      (tx) => recordAudit(tx, { churchId: null, actorUserId: null, action: "test.platform", recordType: "church", recordId: alpha }),
      database.db,
    );
    const rows = await acrossChurches((tx) => tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.churchId, alpha)), database.db);
    written.push(...rows.map((r) => r.id).sort((a, b) => a - b));
  });
  afterAll(async () => {
    await database.drop();
  });

  it("reads back exactly what was hashed, timestamps included, so a fresh chain verifies", async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 6 });
    expect(await verifyAuditChain(database.db, { churchId: alpha })).toEqual({ ok: true, checked: 5 });
    expect(await verifyAuditChain(database.db, { churchId: null })).toEqual({ ok: true, checked: 1 });
    // Stored to the microsecond, written to the millisecond: the extra digits are zeros and
    // the driver's Date gives back the very ISO string that was hashed.
    const [first] = await acrossChurches((tx) => tx.select().from(auditLog).where(eq(auditLog.id, written[0]!)), database.db);
    const [stored] = rowsOf<{ iso: string }>(
      await database.db.execute(
        sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as iso from audit_log where id = ${written[0]!}`,
      ),
    );
    expect(stored!.iso.slice(23)).toBe("000");
    expect(`${stored!.iso.slice(0, 23)}Z`).toBe(first!.createdAt.toISOString());
    expect(first!.after).toMatchObject({ when: "2024-01-01T00:00:00.123Z" });
  });

  it("cannot be changed by the app's own role", async () => {
    await expect(
      withChurch(alpha, (tx) => tx.update(auditLog).set({ action: "x" }).where(eq(auditLog.id, written[0]!)), database.db),
    ).rejects.toThrow();
    await expect(
      withChurch(alpha, (tx) => tx.delete(auditLog).where(eq(auditLog.id, written[0]!)), database.db),
    ).rejects.toThrow();
  });

  it("names an entry edited by hand (hash mismatch), and the entry after a deleted one (broken link)", async () => {
    const edited = written[2]!;
    // As the table owner, outside the app's doors: what someone with database access could do.
    const [{ after } = { after: null }] = await database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.id, edited));
    await database.db.execute(sql`update audit_log set after = '{"x":1}' where id = ${edited}`);
    expect(await verifyAuditChain(database.db, { churchId: alpha })).toEqual({
      ok: false,
      brokenAt: { id: edited, churchId: alpha, reason: "hash mismatch" },
      checked: 2,
    });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: { id: edited } });

    // Put it back as it was: the chain is whole again (the hash covers content, not storage).
    await database.db.execute(sql`update audit_log set after = ${JSON.stringify(after)}::jsonb where id = ${edited}`);
    expect(await verifyAuditChain(database.db, { churchId: alpha })).toEqual({ ok: true, checked: 5 });

    await database.db.execute(sql`delete from audit_log where id = ${written[1]!}`);
    expect(await verifyAuditChain(database.db, { churchId: alpha })).toEqual({
      ok: false,
      brokenAt: { id: written[2]!, churchId: alpha, reason: "broken link" },
      checked: 1,
    });
  });
});

describe(`npm run audit:verify (${engine})`, () => {
  const entry = path.resolve("build/scripts/verify-audit.js");
  const cleanup: (() => Promise<void>)[] = [];

  /**
   * A database the command can open, and a way to work on it from here: a
   * PGlite folder (opened only while we work: PGlite is one process's at a
   * time), or a new database on the PostgreSQL server.
   */
  async function commandDatabase(): Promise<{
    env: Record<string, string>;
    using<T>(work: (db: Database) => Promise<T>): Promise<T>;
  }> {
    if (process.env.DATABASE_URL) {
      const database = await freshDatabase({ migrated: false });
      cleanup.push(() => database.drop());
      return { env: { DATABASE_URL: database.url! }, using: <T>(work: (db: Database) => Promise<T>) => work(database.db) };
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-audit-"));
    cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    return {
      env: { DATA_DIR: dataDir },
      async using<T>(work: (db: Database) => Promise<T>) {
        const connection = await openDatabase({ dataDir: path.join(dataDir, "db") });
        try {
          return await work(connection.db);
        } finally {
          await connection.close();
        }
      },
    };
  }

  function run(args: string[], extra: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !["DATABASE_URL", "DATA_DIR"].includes(key)) env[key] = value;
    }
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [entry, ...args], { env: { ...env, NODE_ENV: "test", LOG_LEVEL: "error", ...extra } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("exit", (code) => resolve({ code, stdout, stderr }));
      setTimeout(() => child.kill("SIGKILL"), 50_000).unref();
    });
  }

  afterAll(async () => {
    for (const step of cleanup) await step();
  });

  it("prints one line per chain and exits 0, then names a tampered entry and exits 1", async () => {
    expect(fs.existsSync(entry), "run `npm run build` first").toBe(true);
    const help = await run(["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--church SLUG");

    const target = await commandDatabase();
    const middle = await target.using(async (db) => {
      await migrate(db);
      const ids = await acrossChurches(async (tx) => {
        const made = await tx
          .insert(churches)
          .values([
            { slug: "alpha", name: "Alpha" },
            { slug: "beta", name: "Beta" },
          ])
          .returning();
        return Object.fromEntries(made.map((c) => [c.slug, c.id])) as Record<"alpha" | "beta", string>;
      }, db);
      for (let n = 0; n < 3; n++) {
        await withChurch(
          ids.alpha,
          (tx) => recordAudit(tx, { churchId: ids.alpha, actorUserId: null, action: "test.cli", recordType: "note", recordId: String(n) }),
          db,
        );
      }
      await acrossChurches((tx) => recordAudit(tx, { churchId: null, actorUserId: null, action: "test.cli", recordType: "church" }), db);
      const [row] = await acrossChurches((tx) => tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.recordId, "1")), db);
      return row!.id;
    });

    const good = await run([], target.env);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout.trim().split("\n")).toEqual(["alpha: 3 entries, ok", "beta: 0 entries, ok", "platform: 1 entry, ok"]);
    const one = await run(["--church", "beta"], target.env);
    expect(one.code).toBe(0);
    expect(one.stdout.trim()).toBe("beta: 0 entries, ok");
    expect((await run(["--church", "nowhere"], target.env)).code).toBe(2);

    // As the table owner, the way someone with database access could.
    await target.using((db) => db.execute(sql`update audit_log set record_id = 'changed' where id = ${middle}`));
    const bad = await run([], target.env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`alpha: BROKEN at audit_log id ${middle} (church alpha): hash mismatch`);
    expect(bad.stdout).toContain("platform: 1 entry, ok");
    expect(bad.stderr).toContain("1 of 3 chains broken");
  });
});
