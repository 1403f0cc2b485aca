import fs from "node:fs";
import path from "node:path";
import { run, type Outcome } from "./processes";

/**
 * The backup before every deploy. By default `pg_dump --format=custom` into
 * DEPLOY_ROOT/backups/ (the newest DEPLOY_KEEP_BACKUPS kept); BACKUP_COMMAND
 * replaces it (e.g. scripts/backup, the full backup to the bucket), run by `sh -c` with
 * DATABASE_URL, BACKUP_FILE and RELEASE in its environment.
 */
export async function backUpDatabase(options: {
  databaseUrl: string;
  dir: string;
  release: string;
  command: string | undefined;
  keep: number;
}): Promise<{ file: string; outcome: Outcome }> {
  fs.mkdirSync(options.dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(options.dir, `${stamp}-before-${options.release}.dump`);
  if (options.command) {
    const outcome = await run("sh", ["-c", options.command], {
      env: { ...process.env, DATABASE_URL: options.databaseUrl, BACKUP_FILE: file, RELEASE: options.release },
    });
    return { file, outcome };
  }
  const outcome = await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${options.databaseUrl}`]);
  if (outcome.code === 0) pruneBackups(options.dir, options.keep);
  else fs.rmSync(file, { force: true });
  return { file, outcome };
}

/** Pre-deploy dumps are deleted after this many days, like every other backup (docs/retention.md). */
export const PRE_DEPLOY_DUMP_DAYS = 30;

/**
 * Keep the newest `keep` dumps, and none older than PRE_DEPLOY_DUMP_DAYS: an
 * erased member must not outlive the retention promise in a dump on the box.
 * The names start with the time, so they sort.
 */
export function pruneBackups(dir: string, keep: number, now = Date.now()) {
  const dumps = fs.readdirSync(dir).filter((name) => name.endsWith(".dump")).sort();
  const oldest = now - PRE_DEPLOY_DUMP_DAYS * 86_400_000;
  dumps.forEach((name, index) => {
    const file = path.join(dir, name);
    const surplus = index < dumps.length - keep;
    if (surplus || fs.statSync(file).mtimeMs < oldest) fs.rmSync(file, { force: true });
  });
}
