/**
 * scripts/restore (bundled to build/scripts/restore.js): a backup into a new
 * database. docs/runbooks/restore.md.
 */
import { UsageError, loadBackupConfig, loadEnvFile, readFlags } from "./config";
import { restoreToTime } from "./point-in-time";
import { RestoreRefused, restoreBackup } from "./restore-backup";

const USAGE = `Usage: scripts/restore --backup NAME|latest (--database NAME | --target-url URL | --target-dir DIR) [--files] [--force] [--env-file FILE]
       scripts/restore --to-time TIME --target-dir DIR [--stanza kapatiran] [--force]

Restores a backup made by scripts/backup into a new database, after checking
every checksum in its manifest.
  --backup NAME|latest  which backup (scripts/restore --list shows them)
  --database NAME       PostgreSQL: a database on RESTORE_DATABASE_URL's server (else DATABASE_URL's),
                        created when missing, as that URL's role; RESTORE_OWNER (the role owning the
                        live tables) then owns what was restored
  --target-url URL      PostgreSQL: the database's full URL instead
  --target-dir DIR      an embedded PGlite backup: a new folder (then DATA_DIR=… with DIR as DATA_DIR/db)
  --files               also put the uploaded files back (S3_BUCKET or DATA_DIR/uploads)
  --force               replace a target that is not empty
  --env-file FILE       read settings from an env file first (may repeat: on the box, app.env
                        and backup.env)
  --list                list the backups and exit
  --to-time TIME        point in time instead, from the WAL archive (pgBackRest, run on the
                        database's host): a new data directory DIR replayed up to TIME
                        ("2026-11-28 14:05:00+08"); --stanza (default kapatiran)
Backups are read from BACKUP_BUCKET (BACKUP_PREFIX) or BACKUP_DIR (default DATA_DIR/backups).`;

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const flags = readFlags(args);
  // On the box: the app's env file and backup.env (the restore role's address), in either order.
  for (const file of flags.all("--env-file")) loadEnvFile(file);
  const config = loadBackupConfig();
  if (flags.has("--list")) {
    const { openStore } = await import("./store");
    const store = openStore(config);
    for (const name of await store.names()) console.log(name);
    process.exit(0);
  }
  const toTime = flags.value("--to-time");
  if (toTime) {
    const targetDir = flags.value("--target-dir");
    if (!targetDir) throw new UsageError("--to-time needs --target-dir (a new PostgreSQL data directory)");
    await restoreToTime({ toTime, targetDir, stanza: flags.value("--stanza") ?? "kapatiran", force: flags.has("--force") });
    process.exit(0);
  }
  const backup = flags.value("--backup");
  if (!backup) throw new UsageError("--backup NAME|latest is required (see --help)");
  const database = flags.value("--database");
  let targetUrl = flags.value("--target-url");
  if (database) {
    if (targetUrl) throw new UsageError("give --database or --target-url, not both");
    if (!config.restoreUrl) throw new UsageError("--database needs RESTORE_DATABASE_URL or DATABASE_URL (the server to create it on); or give --target-url");
    const url = new URL(config.restoreUrl);
    url.pathname = `/${encodeURIComponent(database)}`;
    targetUrl = url.toString();
  }
  await restoreBackup(config, {
    backup,
    targetUrl,
    targetDir: flags.value("--target-dir"),
    force: flags.has("--force"),
    files: flags.has("--files"),
    owner: config.restoreOwner,
  });
} catch (error) {
  console.error(error instanceof RestoreRefused ? error.message : `restore failed: ${(error as Error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
