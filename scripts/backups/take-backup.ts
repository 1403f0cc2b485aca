import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BackupConfig } from "./config";
import { backUpFiles } from "./files";
import { MANIFEST, backupName, humanBytes, sha256OfFile, timeOfBackup, type Manifest } from "./manifest";
import { dumpPglite } from "./pglite";
import { dumpPostgres } from "./postgres";
import { openStore, type BackupStore } from "./store";

export const DUMP = "database.dump";

/**
 * One backup: dump the database, copy the uploaded files, write the manifest
 * last, then prune what is older than the retention. `log` gets one line per step.
 */
export async function takeBackup(config: BackupConfig, log: (line: string) => void = console.log): Promise<Manifest> {
  const started = performance.now();
  const createdAt = new Date();
  const name = backupName(createdAt);
  const store = openStore(config);
  const source = config.databaseUrl ? `PostgreSQL ${describeUrl(config.databaseUrl)}` : `embedded PGlite ${path.join(config.dataDir, "db")}`;
  log(`backup ${name}: ${source} -> ${store.where}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-backup-"));
  try {
    const file = path.join(work, DUMP);
    const dumpStarted = performance.now();
    const facts = config.databaseUrl ? await dumpPostgres(config.databaseUrl, file) : await dumpPglite(path.join(config.dataDir, "db"), file);
    const size = fs.statSync(file).size;
    const sha256 = await sha256OfFile(file);
    const rows = Object.values(facts.rowCounts).reduce((sum, n) => sum + n, 0);
    log(
      `database: ${humanBytes(size)} in ${seconds(dumpStarted)} s, ${Object.keys(facts.rowCounts).length} tables, ` +
        `${rows.toLocaleString("en")} rows, migration ${facts.migrationLevel ?? "none"} (${facts.tool})`,
    );

    await store.putFile(name, DUMP, file);
    log(`stored: ${DUMP} (sha256 ${sha256.slice(0, 12)}…)`);

    const files = await backUpFiles(config, store, name);
    log(`files: ${files.count} uploaded files, ${humanBytes(files.bytes)}, from ${files.source}`);

    const manifest: Manifest = {
      format: "kapatiran-backup/1",
      name,
      createdAt: createdAt.toISOString(),
      release: config.release,
      engine: config.databaseUrl ? "postgres" : "pglite",
      database: {
        file: DUMP,
        format: config.databaseUrl ? "pg_dump-custom" : "pglite-datadir",
        size,
        sha256,
        serverVersion: facts.serverVersion,
        tool: facts.tool,
      },
      migrationLevel: facts.migrationLevel,
      migrationsApplied: facts.migrationsApplied,
      rowCounts: facts.rowCounts,
      files,
      seconds: Number(seconds(started)),
    };
    await store.putBytes(name, MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2) + "\n"), "application/json");
    log(`manifest: ${MANIFEST} written`);

    const pruned = await prune(store, config.retentionDays, createdAt);
    log(pruned.length ? `pruned: ${pruned.length} older than ${config.retentionDays} days (${pruned.join(", ")})` : `pruned: none older than ${config.retentionDays} days`);

    log(
      `done in ${seconds(started)} s: ${name}, database ${humanBytes(size)}, ${files.count} files (${humanBytes(files.bytes)}), ` +
        `${rows.toLocaleString("en")} rows, migration ${facts.migrationLevel ?? "none"}, release ${config.release}`,
    );
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Delete backups whose name says they are older than `days` (complete or not). Names we did not make are left alone. */
export async function prune(store: BackupStore, days: number, now: Date = new Date()): Promise<string[]> {
  const cutoff = now.getTime() - days * 24 * 60 * 60 * 1000;
  const old = (await store.names()).filter((name) => {
    const at = timeOfBackup(name);
    return at !== null && at.getTime() < cutoff;
  });
  for (const name of old) await store.remove(name);
  return old;
}

/** host:port/database, never the password. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
