import crypto from "node:crypto";
import fs from "node:fs";

/**
 * manifest.json, written last into each backup: a backup without one is
 * incomplete and never restored. Restore checks every checksum in it first.
 */
export interface Manifest {
  format: "kapatiran-backup/1";
  name: string;
  createdAt: string;
  release: string;
  engine: "postgres" | "pglite";
  database: {
    file: string;
    /** pg_dump-custom: pg_dump --format=custom (compressed); pglite-datadir: PGlite's own tar.gz of its folder. */
    format: "pg_dump-custom" | "pglite-datadir";
    size: number;
    sha256: string;
    serverVersion: string;
    tool: string;
  };
  /** The last applied migration (kapatiran_migrations), and how many are applied. */
  migrationLevel: string | null;
  migrationsApplied: number;
  /** Rows per table ("schema.table"), counted in the same snapshot as the dump. */
  rowCounts: Record<string, number>;
  files: {
    source: string;
    count: number;
    bytes: number;
    items: ManifestFile[];
  };
  seconds: number;
}

export interface ManifestFile {
  key: string;
  size: number;
  sha256: string;
  contentType?: string;
}

export const MANIFEST = "manifest.json";
export const FILES = "files";

export function sha256(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash("sha256");
    fs.createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** Backup names start with the UTC time, so they sort in time order: kapatiran-20261128T152000.123Z. */
export function backupName(at: Date): string {
  return `kapatiran-${at.toISOString().replace(/[-:]/g, "")}`;
}

/** The time in a backup's name, or null for a name we did not make (never pruned). */
export function timeOfBackup(name: string): Date | null {
  const match = /^kapatiran-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

export function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
