import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "./client.server";

/**
 * Applies drizzle-kit's SQL migrations (drizzle/NNNN_name.sql, listed in
 * drizzle/meta/_journal.json) and rolls them back with the matching
 * drizzle/rollback/NNNN_name.sql. Our own runner rather than drizzle's
 * migrator because drizzle has no down migrations, and a blue-green deploy
 * needs a tested way back (docs/decisions/003-migrations-with-rollback.md).
 */

export interface Migration {
  tag: string;
  up: string[];
  down: string[];
  checksum: string;
}

const LOCK_KEY = 7_274_281; // any constant; serializes migrators on one database
const BREAKPOINT = "--> statement-breakpoint";

export const defaultMigrationsDir = () => path.resolve(process.cwd(), "drizzle");

function splitStatements(text: string): string[] {
  return text
    .split(BREAKPOINT)
    .map((part) => part.trim())
    .filter((part) => part.replace(/--.*$/gm, "").trim() !== "");
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map(({ tag }) => {
    const upText = fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8");
    const downFile = path.join(dir, "rollback", `${tag}.sql`);
    if (!fs.existsSync(downFile)) {
      throw new Error(`Migration ${tag} has no rollback script (expected drizzle/rollback/${tag}.sql)`);
    }
    return {
      tag,
      up: splitStatements(upText),
      down: splitStatements(fs.readFileSync(downFile, "utf8")),
      checksum: crypto.createHash("sha256").update(upText).digest("hex"),
    };
  });
}

async function ensureLedger(database: Database) {
  await database.execute(sql`
    create table if not exists kapatiran_migrations (
      tag text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
}

export async function appliedMigrations(database: Database): Promise<string[]> {
  const exists = await database.execute(sql`select to_regclass('kapatiran_migrations') is not null as present`);
  if (!rowsOf<{ present: boolean }>(exists)[0]?.present) return [];
  const result = await database.execute(sql`select tag from kapatiran_migrations order by tag`);
  return rowsOf<{ tag: string }>(result).map((row) => row.tag);
}

/**
 * Every migration transaction starts here: one migrator at a time, and the
 * migration sees every church's rows. The tables' owner (the box's
 * `kapatiran` role, not a superuser) obeys their forced row-level security
 * like anyone; a data migration of platform rows (built-in roles, whose
 * church is null) would otherwise fail the policies' WITH CHECK.
 */
async function lockAsMigrator(tx: { execute: Database["execute"] }) {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY}), set_config('kapatiran.all_churches', 'on', true)`);
}

/** Apply every pending migration, each in its own transaction. Safe to run twice, or twice at once. */
export async function migrate(database: Database, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  await ensureLedger(database);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await database.transaction(async (tx) => {
      await lockAsMigrator(tx);
      const found = await tx.execute(sql`select 1 from kapatiran_migrations where tag = ${migration.tag}`);
      if (rowsOf(found).length > 0) return false;
      for (const statement of migration.up) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into kapatiran_migrations (tag, checksum) values (${migration.tag}, ${migration.checksum})`,
      );
      return true;
    });
    if (done) applied.push(migration.tag);
  }
  return applied;
}

/** Undo the last `steps` applied migrations, newest first. Returns the tags undone. */
export async function rollback(
  database: Database,
  steps = 1,
  migrations: Migration[] = loadMigrations(),
): Promise<string[]> {
  const byTag = new Map(migrations.map((m) => [m.tag, m]));
  const undone: string[] = [];
  for (let i = 0; i < steps; i++) {
    const tag = await database.transaction(async (tx) => {
      await lockAsMigrator(tx);
      const last = rowsOf<{ tag: string }>(
        await tx.execute(sql`select tag from kapatiran_migrations order by tag desc limit 1`),
      )[0];
      if (!last) return undefined;
      const migration = byTag.get(last.tag);
      if (!migration) throw new Error(`Applied migration ${last.tag} is not in this build; cannot roll it back`);
      for (const statement of migration.down) await tx.execute(sql.raw(statement));
      await tx.execute(sql`delete from kapatiran_migrations where tag = ${last.tag}`);
      return last.tag;
    });
    if (!tag) break;
    undone.push(tag);
  }
  return undone;
}

/** Migrations of this build not yet applied (readiness is false while any remain). */
export async function pendingMigrations(
  database: Database,
  migrations: Migration[] = loadMigrations(),
): Promise<string[]> {
  const applied = new Set(await appliedMigrations(database));
  return migrations.map((m) => m.tag).filter((tag) => !applied.has(tag));
}

/** postgres-js returns an array of rows; PGlite returns `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
