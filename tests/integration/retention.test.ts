import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate } from "~/db/migrations.server";
import {
  activityDays,
  churches,
  consentRecords,
  dataRequests,
  invitations,
  memberImports,
  metricMinutes,
  retentionRuns,
  sessions,
  users,
} from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { recordAudit } from "~/models/audit.server";
import { builtInRoleIds } from "~/models/roles.server";
import { freshDatabase } from "../support/database";

/**
 * The retention command as an operator runs it (`npm run retention`, here
 * through tsx against its own database): rows past their retention go, live
 * rows stay, the second run removes nothing, and every run is recorded.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

/** A database the command can open, and a way to work on it from here (PGlite is one process's at a time). */
async function commandDatabase(): Promise<{
  env: Record<string, string>;
  using<T>(work: (db: Database) => Promise<T>): Promise<T>;
}> {
  if (process.env.DATABASE_URL) {
    const database = await freshDatabase({ migrated: false });
    cleanup.push(() => database.drop());
    return {
      env: { DATABASE_URL: database.url! },
      using: <T>(work: (db: Database) => Promise<T>) => work(database.db),
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-retention-"));
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

function run(
  args: string[],
  extra: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !["DATABASE_URL", "DATA_DIR", "REDIS_URL"].includes(key)) env[key] = value;
  }
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/retention.ts", ...args], {
      env: { ...env, NODE_ENV: "test", LOG_LEVEL: "error", ...extra },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    setTimeout(() => child.kill("SIGKILL"), 90_000).unref();
  });
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);

/** Counts printed by the command, by kind. */
function printed(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of stdout.matchAll(/^(\w+): (?:removed|would remove) (\d+)$/gm))
    counts[match[1]!] = Number(match[2]);
  return counts;
}

async function seed(db: Database) {
  await migrate(db);
  const { churchId, memberRole } = await acrossChurches(async (tx) => {
    const [church] = await tx.insert(churches).values({ slug: "keep", name: "Keep Church" }).returning();
    return { churchId: church!.id, memberRole: (await builtInRoleIds(tx)).member };
  }, db);
  const user = (email: string, extra: Partial<typeof users.$inferInsert> = {}) => ({
    churchId,
    email,
    displayName: email,
    roleId: memberRole,
    ...extra,
  });
  await acrossChurches(async (tx) => {
    const [alive] = await tx.insert(users).values(user("alive@keep.example")).returning();
    const erased = (email: string, updatedAt: Date) =>
      user(email, { displayName: "Former member", status: "deactivated", updatedAt });
    const [, referenced] = await tx
      .insert(users)
      .values([
        erased(`erased-${crypto.randomUUID()}@invalid`, ago(40 * DAY)), // gone
        erased(`erased-${crypto.randomUUID()}@invalid`, ago(40 * DAY)), // named by the audit log: stays
        erased(`erased-${crypto.randomUUID()}@invalid`, ago(2 * DAY)), // too recent: stays
        user("paused@keep.example", { status: "deactivated", updatedAt: ago(400 * DAY) }), // deactivated, not erased: stays
      ])
      .returning();
    await recordAudit(tx, {
      churchId,
      actorUserId: referenced!.id,
      action: "data_request.created",
      recordType: "data_request",
    });

    const session = (expiresAt: Date, lastSeenAt: Date) => ({
      idHash: crypto.randomBytes(16).toString("hex"),
      userId: alive!.id,
      expiresAt,
      lastSeenAt,
    });
    await tx.insert(sessions).values([
      session(ago(HOUR), ago(HOUR + 60_000)), // past its end: gone
      session(ahead(DAY), ago(2 * HOUR)), // idle too long: gone
      session(ahead(DAY), new Date()), // live
    ]);

    const invitation = (extra: Partial<typeof invitations.$inferInsert>) => ({
      churchId,
      email: `${crypto.randomUUID()}@invitee.example`,
      roleId: memberRole,
      expiresAt: ago(40 * DAY),
      ...extra,
    });
    await tx.insert(invitations).values([
      invitation({}), // expired 40 days ago, never accepted: gone
      invitation({ expiresAt: ahead(DAY), revokedAt: ago(31 * DAY) }), // revoked long ago: gone
      invitation({ expiresAt: ago(5 * DAY) }), // expired recently: stays (an admin may resend)
      invitation({ expiresAt: ahead(5 * DAY) }), // open: stays
      invitation({ acceptedAt: ago(50 * DAY), acceptedBy: alive!.id }), // accepted: stays
    ]);

    const consent = (consentId: string, createdAt: Date) => ({
      consentId,
      policyVersion: 1,
      categories: { preferences: true, analytics: false },
      source: "banner" as const,
      createdAt,
    });
    await tx.insert(consentRecords).values([
      consent("old-visitor", ago(3 * 365 * DAY)), // replaced more than 2 years ago: gone
      consent("old-visitor", ago(900 * DAY)), // the choice in force, however old: stays
      consent("recent", ago(100 * DAY)), // replaced recently: stays
      consent("recent", ago(DAY)),
    ]);

    await tx.insert(memberImports).values([
      { churchId, fileName: "old.csv", csv: "Name\nAna\n", createdAt: ago(2 * DAY) }, // gone
      { churchId, fileName: "new.csv", csv: "Name\nBen\n" },
    ]);

    const request = (status: "pending" | "approved" | "declined", decidedAt: Date | null) => ({
      churchId,
      status,
      requesterName: "Someone",
      requestedAt: decidedAt ? new Date(decidedAt.getTime() - DAY) : ago(4 * 365 * DAY),
      dueAt: ahead(DAY),
      decidedAt,
    });
    await tx.insert(dataRequests).values([
      request("approved", ago(4 * 365 * DAY)), // gone
      request("declined", ago(365 * DAY)), // stays
      request("pending", null), // pending, however old: stays
    ]);

    const rollup = (minute: Date) => ({ minute, instance: "blue", latency: { count: 0, sum: 0, buckets: {} } });
    await tx.insert(metricMinutes).values([rollup(ago(91 * DAY)), rollup(ago(89 * DAY)), rollup(new Date())]); // one gone
    const day = (at: Date) => ({ day: at.toISOString().slice(0, 10), userId: alive!.id });
    await tx.insert(activityDays).values([day(ago(61 * DAY)), day(ago(59 * DAY)), day(new Date())]); // one gone
  }, db);
}

const EXPECTED = {
  sessions: 2,
  invitations: 2,
  consentRecords: 1,
  memberImports: 1,
  dataRequests: 1,
  erasedAccounts: 1,
  metricMinutes: 1,
  activityDays: 1,
};

async function tableCounts(db: Database) {
  return acrossChurches(async (tx) => {
    const n = async (table: PgTable) => (await tx.select({ n: count() }).from(table))[0]!.n;
    return {
      sessions: await n(sessions),
      invitations: await n(invitations),
      consentRecords: await n(consentRecords),
      memberImports: await n(memberImports),
      dataRequests: await n(dataRequests),
      users: await n(users),
      metricMinutes: await n(metricMinutes),
      activityDays: await n(activityDays),
      runs: await n(retentionRuns),
    };
  }, db);
}

describe(`npm run retention (${engine})`, () => {
  it("prints its usage", async () => {
    const help = await run(["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--dry-run");
    expect((await run(["--nonsense"], {})).code).toBe(2);
  });

  it("removes what is past its retention once, leaves live rows, and records each run", async () => {
    const target = await commandDatabase();
    await target.using(seed);
    const seeded = await target.using(tableCounts);
    expect(seeded).toMatchObject({
      sessions: 3,
      invitations: 5,
      consentRecords: 4,
      memberImports: 2,
      dataRequests: 3,
      users: 5,
      metricMinutes: 3,
      activityDays: 3,
      runs: 0,
    });

    const dry = await run(["--dry-run"], target.env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(printed(dry.stdout)).toEqual(EXPECTED);
    expect(dry.stdout).toContain("nothing changed");
    expect(await target.using(tableCounts)).toEqual(seeded);

    const first = await run([], target.env);
    expect(first.code, first.stderr).toBe(0);
    expect(printed(first.stdout)).toEqual(EXPECTED);
    expect(first.stdout).toContain(
      "application logs: not stored in the database; CloudWatch retention 90 days, set by infra"
    );
    expect(await target.using(tableCounts)).toEqual({
      sessions: 1,
      invitations: 3,
      consentRecords: 3,
      memberImports: 1,
      dataRequests: 2,
      users: 4,
      metricMinutes: 2,
      activityDays: 2,
      runs: 1,
    });

    const second = await run([], target.env);
    expect(second.code, second.stderr).toBe(0);
    expect(Object.values(printed(second.stdout))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);

    const runs = await target.using((db) =>
      acrossChurches((tx) => tx.select().from(retentionRuns).orderBy(retentionRuns.startedAt), db)
    );
    expect(runs.map((r) => r.removed)).toEqual([
      EXPECTED,
      {
        sessions: 0,
        invitations: 0,
        consentRecords: 0,
        memberImports: 0,
        dataRequests: 0,
        erasedAccounts: 0,
        metricMinutes: 0,
        activityDays: 0,
      },
    ]);
    expect(runs.every((r) => r.finishedAt !== null)).toBe(true);

    // What stayed is exactly what should.
    await target.using((db) =>
      acrossChurches(async (tx) => {
        const left = await tx.select({ email: users.email, status: users.status }).from(users);
        expect(left.filter((u) => u.email.startsWith("erased-"))).toHaveLength(2);
        expect(left.map((u) => u.email)).toContain("paused@keep.example");
        const consents = await tx.select().from(consentRecords);
        expect(consents.filter((c) => c.consentId === "old-visitor")).toHaveLength(1);
        const [live] = await tx.select().from(sessions);
        expect(live!.expiresAt.getTime()).toBeGreaterThan(Date.now());
      }, db)
    );
  });
});
