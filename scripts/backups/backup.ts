/**
 * scripts/backup (bundled to build/scripts/backup.js): one backup of the
 * database and the uploaded files, then prune. Settings: see config.ts and
 * docs/runbooks/backup.md.
 */
import { UsageError, loadBackupConfig, loadEnvFile, readFlags } from "./config";
import { takeBackup } from "./take-backup";

const USAGE = `Usage: scripts/backup [--env-file FILE]...

Backs up the database (pg_dump of DATABASE_URL, or the embedded PGlite under
DATA_DIR/db) and the uploaded files, writes manifest.json, and deletes backups
older than BACKUP_RETENTION_DAYS (30).
Where: BACKUP_BUCKET (S3, server-side encrypted; BACKUP_PREFIX, default backups/;
BACKUP_KMS_KEY_ID for SSE-KMS) or else BACKUP_DIR (default DATA_DIR/backups).
--env-file FILE  read settings from an env file (what is already in the environment
                 wins); may repeat, e.g. /srv/kapatiran/app.env and backup.env
Runs daily from infra/box/kapatiran-backup.timer and before every deploy.`;

if (process.argv.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const args = process.argv.slice(2);
  const flags = readFlags(args);
  const envFiles = flags.all("--env-file");
  const unknown = args.filter((arg, at) => arg !== "--env-file" && args[at - 1] !== "--env-file");
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]} (see --help)`);
  for (const file of envFiles) loadEnvFile(file);
  await takeBackup(loadBackupConfig());
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
