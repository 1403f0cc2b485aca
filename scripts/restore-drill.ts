/**
 * The disaster-recovery drill against the PostgreSQL server, with figures:
 *
 *   npm run drill:restore -- --members 10000
 *
 * Seeds a church of N members with the seed script into a new database,
 * takes a backup (scripts/backups), restores it into another new database,
 * compares pg_dumps of the two, and prints the restore time (RTO) and the data
 * loss window (RPO). Drops both databases afterwards. Server: DATABASE_URL's,
 * else postgres://postgres@127.0.0.1:5432/postgres. docs/runbooks/restore.md.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { loadBackupConfig } from "./backups/config";
import { compareWithDump } from "./backups/compare";
import { humanBytes } from "./backups/manifest";
import { restoreBackup } from "./backups/restore-backup";
import { DUMP, takeBackup } from "./backups/take-backup";
import { commandLine } from "./support/options";

/** archive_timeout of the box's archiving settings: at most this much WAL is not yet in the archive. */
function archiveTimeout(): string {
  const text = fs.readFileSync(path.resolve("infra/box/postgresql-archiving.conf"), "utf8");
  const seconds = Number(/^archive_timeout\s*=\s*(\d+)/m.exec(text)?.[1]);
  return Number.isFinite(seconds) ? `${seconds / 60} min` : "archive_timeout (not set!)";
}

const cli = commandLine(`Usage: npm run drill:restore -- [--members N]

Seed a church of N members (default 10000) into a new database on DATABASE_URL's
server (default postgres://postgres@127.0.0.1:5432/postgres), back it up,
restore it into another new database, compare the dumps, print RTO and RPO.`);
const members = Number(cli.option("--members", "10000"));
if (!Number.isInteger(members) || members < 1) {
  console.error("--members takes a whole number of 1 or more");
  process.exit(2);
}

const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const suffix = crypto.randomBytes(4).toString("hex");
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const source = `kapatiran_drill_${suffix}`;
const restored = `kapatiran_drill_${suffix}_restored`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-drill-"));
const admin = postgres(urlOf("postgres"), { max: 1, onnotice: () => {} });
const say = (line: string) => console.log(`drill: ${line}`);

try {
  await admin.unsafe(`create database ${source}`);
  say(`seeding ${members.toLocaleString("en")} members into ${source} with the seed script…`);
  const seedStarted = performance.now();
  const seeded = spawnSync("npx", ["tsx", "scripts/seed.ts", "--members", String(members)], {
    env: { ...process.env, DATABASE_URL: urlOf(source), LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  say(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s: ${seeded.stdout.trim().split("\n").at(-1)}`);

  const config = { ...loadBackupConfig({ ...process.env, DATA_DIR: work, BACKUP_DIR: path.join(work, "backups") }), databaseUrl: urlOf(source), bucket: undefined };
  const manifest = await takeBackup(config, (line) => console.log(`  ${line}`));
  await admin.unsafe(`drop database ${source} with (force)`);
  say(`source database ${source} dropped (the disaster)`);

  const result = await restoreBackup(config, { backup: manifest.name, targetUrl: urlOf(restored) }, (line) => console.log(`  ${line}`));
  const comparison = await compareWithDump(urlOf(restored), path.join(config.dir, manifest.name, DUMP));
  say(
    comparison.identical
      ? `pg_dump of the restored database is identical to the backup's (${comparison.lines.toLocaleString("en")} lines)`
      : `DIFFERENT dumps at ${comparison.firstDifference}`,
  );
  const rows = Object.values(manifest.rowCounts).reduce((sum, n) => sum + n, 0);
  console.log("");
  console.log(`Church size:  ${members.toLocaleString("en")} members, ${rows.toLocaleString("en")} rows in ${Object.keys(manifest.rowCounts).length} tables`);
  console.log(`Backup:       ${manifest.seconds.toFixed(1)} s, dump ${humanBytes(manifest.database.size)} (pg_dump custom format, compressed)`);
  console.log(`RTO:          ${result.seconds.toFixed(1)} s to restore (checksums, pg_restore, row-count check), on this machine`);
  console.log("RPO:          up to 24 h with the daily logical backup (kapatiran-backup.timer, 02:30), less right after a deploy's backup");
  console.log(`              up to ${archiveTimeout()} with continuous WAL archiving (pgBackRest, archive_timeout in infra/box/postgresql-archiving.conf)`);
  if (!comparison.identical) process.exitCode = 1;
} catch (error) {
  console.error(`drill failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await admin.unsafe(`drop database if exists ${source} with (force)`);
  await admin.unsafe(`drop database if exists ${restored} with (force)`);
  await admin.end();
  fs.rmSync(work, { recursive: true, force: true });
}
