import fs from "node:fs";
import path from "node:path";

/**
 * The backup tools' own settings, read from the environment (on the box: the
 * app's env file, loaded by the systemd unit). Not in app/utils/env.server.ts
 * because the app itself never reads them.
 */
export interface BackupConfig {
  /** PostgreSQL to back up; undefined means the embedded PGlite under DATA_DIR/db. */
  databaseUrl: string | undefined;
  /**
   * The server restores create their database on, as a role that may create
   * databases and bypass row-level security (on the box: kapatiran_restore);
   * falls back to databaseUrl. Only its host, port, user and password are used.
   */
  restoreUrl: string | undefined;
  /** The role that owns the live tables (on the box: kapatiran); a restore hands it what it made. */
  restoreOwner: string | undefined;
  dataDir: string;
  /** S3 bucket for backups; undefined means the local folder `dir`. */
  bucket: string | undefined;
  /** Key prefix inside the bucket, "" or ending in "/". */
  prefix: string;
  /** Local folder for backups when there is no bucket. */
  dir: string;
  /** An S3-compatible server (tests, MinIO); also means "no server-side encryption header". */
  endpoint: string | undefined;
  region: string;
  /** aws:kms with this key when set, else AES256 (SSE-S3). */
  kmsKeyId: string | undefined;
  retentionDays: number;
  /** Where uploaded files live: the uploads bucket (S3_BUCKET) or DATA_DIR/uploads. */
  uploads: { bucket: string; endpoint: string | undefined } | { dir: string };
  release: string;
}

export class UsageError extends Error {}

export function loadBackupConfig(environment: NodeJS.ProcessEnv = process.env): BackupConfig {
  const text = (name: string) => environment[name]?.trim() || undefined;
  const dataDir = path.resolve(text("DATA_DIR") ?? "./data");
  const days = text("BACKUP_RETENTION_DAYS") ?? "30";
  const retentionDays = Number(days);
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new UsageError(`BACKUP_RETENTION_DAYS must be a whole number of days, 1 or more (got "${days}")`);
  }
  let prefix = text("BACKUP_PREFIX") ?? "backups/";
  if (prefix !== "" && !prefix.endsWith("/")) prefix += "/";
  const uploadsBucket = text("S3_BUCKET");
  return {
    // A role of its own on the box (BYPASSRLS, read-only): pg_dump must see every church's rows.
    databaseUrl: text("BACKUP_DATABASE_URL") ?? text("DATABASE_URL"),
    restoreUrl: text("RESTORE_DATABASE_URL") ?? text("BACKUP_DATABASE_URL") ?? text("DATABASE_URL"),
    restoreOwner: text("RESTORE_OWNER"),
    dataDir,
    bucket: text("BACKUP_BUCKET"),
    prefix,
    dir: path.resolve(text("BACKUP_DIR") ?? path.join(dataDir, "backups")),
    endpoint: text("BACKUP_S3_ENDPOINT") ?? text("S3_ENDPOINT"),
    region: text("AWS_REGION") ?? "ap-southeast-1",
    kmsKeyId: text("BACKUP_KMS_KEY_ID"),
    retentionDays,
    uploads: uploadsBucket ? { bucket: uploadsBucket, endpoint: text("S3_ENDPOINT") } : { dir: path.join(dataDir, "uploads") },
    release: text("RELEASE") ?? builtRelease(),
  };
}

/** The release `npm run build` recorded (build/build-info.json), as the app shows it. */
function builtRelease(): string {
  try {
    const info = JSON.parse(fs.readFileSync(path.resolve("build/build-info.json"), "utf8")) as { release?: string };
    return info.release || "dev";
  } catch {
    return "dev";
  }
}

/**
 * --env-file: KEY=VALUE lines (the app's env file, docker's format: # comments,
 * no quoting), added to the environment without replacing what is already set.
 */
export function loadEnvFile(file: string, environment: NodeJS.ProcessEnv = process.env) {
  if (!fs.existsSync(file)) throw new UsageError(`the env file ${file} does not exist`);
  for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    const eq = line.indexOf("=");
    if (line === "" || line.startsWith("#") || eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (environment[key] === undefined) environment[key] = line.slice(eq + 1).trim();
  }
}

/** `--name value` flags of a command line. */
export function readFlags(args: string[]) {
  return {
    has: (name: string) => args.includes(name),
    /** Every value of a flag that may repeat (--env-file A --env-file B). */
    all(name: string): string[] {
      return args.flatMap((arg, at) => {
        if (arg !== name) return [];
        const value = args[at + 1];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} needs a value`);
        return [value];
      });
    },
    value(name: string): string | undefined {
      const at = args.indexOf(name);
      if (at === -1) return undefined;
      const value = args[at + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} needs a value`);
      return value;
    },
  };
}
