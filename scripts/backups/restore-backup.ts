import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BackupConfig } from "./config";
import { UsageError } from "./config";
import { badFiles, restoreFiles } from "./files";
import { MANIFEST, sha256OfFile, type Manifest } from "./manifest";
import { restorePglite } from "./pglite";
import { emptyDatabase, ensureDatabase, objectsIn, restorePostgres } from "./postgres";
import { openStore, type BackupStore } from "./store";
import { describeUrl } from "./take-backup";

export interface RestoreOptions {
  /** A backup's name, or "latest" (the newest complete one). */
  backup: string;
  /** PostgreSQL backups: the database to restore into (created when missing). */
  targetUrl?: string;
  /** PGlite backups: a new folder for the embedded database. */
  targetDir?: string;
  force?: boolean;
  /** Put the uploaded files back too. */
  files?: boolean;
  /**
   * PostgreSQL: the role to own the new database and everything restored into
   * it, when the restoring role is not that role (a least-privilege restore role
   * that is a member of it).
   */
  owner?: string;
}

/** Refused before anything was written: a corrupt backup, a non-empty target, a wrong target kind. */
export class RestoreRefused extends Error {}

export interface RestoreResult {
  manifest: Manifest;
  seconds: number;
  target: string;
}

/**
 * Restore one backup into a NEW database: check every checksum first, refuse
 * a non-empty target unless forced, restore, then compare the row counts with
 * the manifest's. `log` gets one line per step.
 */
export async function restoreBackup(config: BackupConfig, options: RestoreOptions, log: (line: string) => void = console.log): Promise<RestoreResult> {
  const started = performance.now();
  const store = openStore(config);
  const name = await resolveName(store, options.backup);
  const manifest = JSON.parse((await store.getBytes(name, MANIFEST))!.toString("utf8")) as Manifest;
  log(`restore ${name} (${manifest.engine}, migration ${manifest.migrationLevel ?? "none"}, release ${manifest.release}, taken ${manifest.createdAt}) from ${store.where}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-restore-"));
  try {
    const file = path.join(work, manifest.database.file);
    await store.getFile(name, manifest.database.file, file);
    const size = fs.statSync(file).size;
    const sha256 = await sha256OfFile(file);
    if (size !== manifest.database.size || sha256 !== manifest.database.sha256) {
      throw new RestoreRefused(`refused: ${manifest.database.file} does not match its checksum in the manifest (corrupt or changed); nothing was restored`);
    }
    if (options.files) {
      const bad = await badFiles(store, manifest);
      if (bad.length > 0) throw new RestoreRefused(`refused: ${bad.length} uploaded file(s) do not match their checksums (${bad.slice(0, 3).join(", ")}); nothing was restored`);
    }
    log(`checked: ${manifest.database.file} sha256 matches${options.files ? `, ${manifest.files.count} files match` : ""}`);

    let target: string;
    let facts;
    if (manifest.engine === "postgres") {
      if (!options.targetUrl) throw new RestoreRefused("refused: a PostgreSQL backup needs --target-url or --database (a new database)");
      target = `PostgreSQL ${describeUrl(options.targetUrl)}`;
      const created = await ensureDatabase(options.targetUrl, options.owner);
      const objects = created ? 0 : await objectsIn(options.targetUrl);
      if (objects > 0 && !options.force) {
        throw new RestoreRefused(`refused: ${target} is not empty (${objects} tables, views or sequences); restore into a new database, or add --force to replace its contents`);
      }
      if (objects > 0) {
        await emptyDatabase(options.targetUrl);
        log(`emptied: ${target} (--force)`);
      } else log(`target: ${target}${created ? " (created)" : " (empty)"}${options.owner ? `, owned by ${options.owner}` : ""}`);
      facts = await restorePostgres(options.targetUrl, file, options.owner);
    } else {
      if (!options.targetDir) throw new RestoreRefused("refused: a PGlite backup needs --target-dir (a new folder for the embedded database)");
      target = `PGlite ${options.targetDir}`;
      const used = fs.existsSync(options.targetDir) && fs.readdirSync(options.targetDir).length > 0;
      if (used && !options.force) throw new RestoreRefused(`refused: ${options.targetDir} is not empty; restore into a new folder, or add --force to replace it`);
      if (used) {
        fs.rmSync(options.targetDir, { recursive: true, force: true });
        log(`emptied: ${options.targetDir} (--force)`);
      }
      fs.mkdirSync(path.dirname(path.resolve(options.targetDir)), { recursive: true });
      facts = await restorePglite(file, options.targetDir);
    }
    const differ = Object.keys({ ...manifest.rowCounts, ...facts.rowCounts }).filter((table) => manifest.rowCounts[table] !== facts.rowCounts[table]);
    if (differ.length > 0) throw new Error(`restored, but the row counts differ from the manifest's in ${differ.join(", ")}`);
    const rows = Object.values(facts.rowCounts).reduce((sum, n) => sum + n, 0);
    log(`database: restored into ${target}, ${Object.keys(facts.rowCounts).length} tables, ${rows.toLocaleString("en")} rows, counts match the manifest, migration ${facts.migrationLevel ?? "none"}`);

    if (options.files) {
      const restored = await restoreFiles(config, store, manifest);
      log(`files: ${restored.count} uploaded files restored to ${restored.where}`);
    } else if (manifest.files.count > 0) log(`files: ${manifest.files.count} uploaded files not restored (add --files)`);

    const taken = (performance.now() - started) / 1000;
    log(`done in ${taken.toFixed(1)} s: ${name} restored into ${target}`);
    return { manifest, seconds: taken, target };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** "latest" is the newest backup with a manifest (an interrupted one has none). */
async function resolveName(store: BackupStore, wanted: string): Promise<string> {
  if (wanted !== "latest") {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(wanted)) throw new UsageError(`--backup takes a backup's name or "latest" (got ${JSON.stringify(wanted)})`);
    if (!(await store.getBytes(wanted, MANIFEST))) throw new RestoreRefused(`refused: there is no complete backup named ${wanted} in ${store.where}`);
    return wanted;
  }
  const names = await store.names();
  for (const name of names.reverse()) if (await store.getBytes(name, MANIFEST)) return name;
  throw new RestoreRefused(`refused: there are no complete backups in ${store.where}`);
}
