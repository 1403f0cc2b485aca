import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "../../app/db/pglite-extensions";
import type { DatabaseFacts } from "./postgres";

/**
 * The embedded PGlite (PostgreSQL 17 in WebAssembly). Debian's pg_dump 15
 * cannot read it and @electric-sql/pglite-tools pins a different PGlite, so
 * the backup is PGlite's own dumpDataDir(): a gzipped tar of its data folder,
 * taken from one open instance (nothing else can write meanwhile), restorable
 * into a new PGlite folder with loadDataDir. PGlite is one process only: stop
 * the app before backing up or restoring its folder.
 */
async function open(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  return PGlite.create(dataDir, { extensions: await pgliteExtensions(), ...(loadDataDir ? { loadDataDir } : {}) });
}

export async function dumpPglite(dataDir: string, file: string): Promise<DatabaseFacts & { tool: string }> {
  if (!fs.existsSync(dataDir)) throw new Error(`there is no embedded database at ${dataDir} (set DATABASE_URL or DATA_DIR)`);
  const db = await open(dataDir);
  try {
    const facts = await pgliteFacts(db);
    const tar = await db.dumpDataDir("gzip");
    fs.writeFileSync(file, Buffer.from(await tar.arrayBuffer()));
    return { ...facts, tool: "PGlite dumpDataDir (gzip)" };
  } finally {
    await db.close();
  }
}

export async function restorePglite(file: string, dataDir: string): Promise<DatabaseFacts> {
  const db = await open(dataDir, new Blob([fs.readFileSync(file)]));
  try {
    return await pgliteFacts(db);
  } finally {
    await db.close();
  }
}

async function pgliteFacts(db: PGlite): Promise<DatabaseFacts> {
  const rows = async <T>(query: string) => (await db.query<T>(query)).rows;
  const serverVersion = (await rows<{ server_version: string }>("show server_version"))[0]!.server_version;
  const tables = await rows<{ schema: string; name: string }>(
    "select schemaname as schema, tablename as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2",
  );
  const rowCounts: Record<string, number> = {};
  for (const table of tables) {
    const count = (await rows<{ count: string | number }>(`select count(*) as count from "${table.schema}"."${table.name}"`))[0]!.count;
    rowCounts[`${table.schema}.${table.name}`] = Number(count);
  }
  let migrationLevel: string | null = null;
  let migrationsApplied = 0;
  if (rowCounts["public.kapatiran_migrations"] !== undefined) {
    const tags = await rows<{ tag: string }>("select tag from kapatiran_migrations order by tag");
    migrationsApplied = tags.length;
    migrationLevel = tags.at(-1)?.tag ?? null;
  }
  return { serverVersion, migrationLevel, migrationsApplied, rowCounts };
}
