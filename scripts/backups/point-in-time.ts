import fs from "node:fs";
import path from "node:path";
import { RestoreRefused } from "./restore-backup";
import { runTool } from "./run";

/**
 * Point-in-time restore from the continuous WAL archive (pgBackRest;
 * infra/box/pgbackrest.conf and postgresql-archiving.conf). A physical
 * restore makes a whole new PostgreSQL data directory, replayed up to
 * `toTime` and then promoted; start it on a spare port to read or dump what
 * you need, or switch to it (docs/runbooks/restore.md). pgBackRest reads its
 * own settings: PGBACKREST_CONFIG (default /etc/pgbackrest.conf), the stanza.
 */
export interface PointInTimeOptions {
  toTime: string;
  targetDir: string;
  stanza: string;
  force?: boolean;
  /** pgbackrest's --config; else its default or PGBACKREST_CONFIG. */
  configFile?: string;
}

export async function restoreToTime(options: PointInTimeOptions, log: (line: string) => void = console.log): Promise<{ seconds: number }> {
  const started = performance.now();
  // With its zone: the box runs in UTC, the church thinks in Manila time; a bare time would be a guess.
  if (!/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/.test(options.toTime.trim())) {
    throw new RestoreRefused(`refused: --to-time takes a time with its zone, e.g. "2026-11-28 14:05:00+08" (got ${JSON.stringify(options.toTime)})`);
  }
  const target = path.resolve(options.targetDir);
  const used = fs.existsSync(target) && fs.readdirSync(target).length > 0;
  if (used && !options.force) throw new RestoreRefused(`refused: ${target} is not empty; restore into a new data directory, or add --force to replace it`);
  // --delta with --force rewrites what differs; an empty folder gets everything.
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  await asPostgresOwner(target);
  log(`point in time: restoring stanza ${options.stanza} to ${options.toTime} into ${target} (pgBackRest)`);
  await pgbackrest(
    [
      ...(options.configFile ? [`--config=${options.configFile}`] : []),
      `--stanza=${options.stanza}`,
      `--pg1-path=${target}`,
      "--type=time",
      `--target=${options.toTime}`,
      "--target-action=promote",
      ...(used ? ["--delta"] : []),
      "restore",
    ],
  );
  const seconds = (performance.now() - started) / 1000;
  log(`restored in ${seconds.toFixed(1)} s; PostgreSQL replays the WAL up to ${options.toTime} when it starts:`);
  log(`  pg_ctl -D ${target} -o "-p 5433 -c archive_mode=off" start   (as the postgres user; on Debian first give it`);
  log(`  an empty postgresql.conf and pg_ident.conf and a pg_hba.conf, see docs/runbooks/restore.md), wait until`);
  log(`  "select pg_is_in_recovery()" says f, then pg_dump or psql -p 5433`);
  return { seconds };
}

/**
 * pgBackRest writes the data directory, which must belong to the database's
 * user: run as root, it runs as "postgres" instead (runuser).
 */
export function pgbackrest(args: string[]): Promise<string> {
  return process.getuid?.() === 0 ? runTool("runuser", ["-u", "postgres", "--", "pgbackrest", ...args]) : runTool("pgbackrest", args);
}

export async function asPostgresOwner(dir: string) {
  if (process.getuid?.() !== 0) return;
  const uid = Number((await runTool("id", ["-u", "postgres"])).trim());
  const gid = Number((await runTool("id", ["-g", "postgres"])).trim());
  fs.chownSync(dir, uid, gid);
}
