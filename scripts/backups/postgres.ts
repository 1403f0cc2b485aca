import postgres from "postgres";
import { runTool } from "./run";

/**
 * PostgreSQL: pg_dump --format=custom (compressed) inside a snapshot we
 * export ourselves, so the row counts and the migration level in the manifest
 * are those of exactly the rows in the dump, however busy the database is.
 */
export interface DatabaseFacts {
  serverVersion: string;
  migrationLevel: string | null;
  migrationsApplied: number;
  rowCounts: Record<string, number>;
}

const quiet = { max: 1, onnotice: () => {}, connect_timeout: 10 };

export async function dumpPostgres(url: string, file: string): Promise<DatabaseFacts & { tool: string }> {
  const sql = postgres(url, quiet);
  try {
    const tool = (await runTool("pg_dump", ["--version"])).trim();
    return await sql.begin("isolation level repeatable read, read only", async (tx) => {
      const snapshot = (await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`)[0]!.snapshot;
      // pg_dump turns row security off too; off here makes a hidden row an error, not a wrong count.
      await tx`set local row_security = off`;
      const facts = await factsOf(tx);
      await runTool("pg_dump", ["--format=custom", `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${url}`]);
      return { ...facts, tool };
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Row counts per table, migration level and version, read through `sql` (a transaction or a connection). */
export async function factsOf(sql: postgres.Sql | postgres.TransactionSql): Promise<DatabaseFacts> {
  const serverVersion = (await sql<{ server_version: string }[]>`show server_version`)[0]!.server_version;
  const tables = await sql<{ schema: string; name: string }[]>`
    select schemaname as schema, tablename as name from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`;
  const rowCounts: Record<string, number> = {};
  for (const table of tables) {
    const count = (await sql<{ count: string }[]>`select count(*) as count from ${sql(table.schema)}.${sql(table.name)}`)[0]!.count;
    rowCounts[`${table.schema}.${table.name}`] = Number(count);
  }
  let migrationLevel: string | null = null;
  let migrationsApplied = 0;
  if (tables.some((table) => table.schema === "public" && table.name === "kapatiran_migrations")) {
    const tags = await sql<{ tag: string }[]>`select tag from kapatiran_migrations order by tag`;
    migrationsApplied = tags.length;
    migrationLevel = tags.at(-1)?.tag ?? null;
  }
  return { serverVersion, migrationLevel, migrationsApplied, rowCounts };
}

/** Tables, views and sequences outside the system schemas: a database with any is not empty. */
export async function objectsIn(url: string): Promise<number> {
  const sql = postgres(url, quiet);
  try {
    const count = (await sql<{ count: string }[]>`
      select count(*) as count from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
        and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`)[0]!.count;
    return Number(count);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Create the database `url` names when it does not exist yet (through the
 * server's "postgres" database), owned by `owner` when given: the restoring
 * role must be a member of it, as the box's kapatiran_restore is of kapatiran.
 */
export async function ensureDatabase(url: string, owner?: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error("the target URL names no database");
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), quiet);
  try {
    const found = await sql`select 1 from pg_database where datname = ${name}`;
    if (found.length > 0) return false;
    await sql.unsafe(`create database ${quoteIdent(name)}${owner ? ` owner ${quoteIdent(owner)}` : ""}`);
    return true;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * --force: empty the target first. Drops every schema but the system ones
 * (with all it holds) and gives back an empty public schema.
 */
export async function emptyDatabase(url: string): Promise<void> {
  const sql = postgres(url, quiet);
  try {
    const schemas = await sql<{ name: string }[]>`
      select nspname as name from pg_namespace
      where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg_toast%' and nspname not like 'pg_temp%'`;
    for (const { name } of schemas) await sql.unsafe(`drop schema ${quoteIdent(name)} cascade`);
    // As initdb makes it (PostgreSQL 15), so a restored dump reads the same as the original.
    await sql`create schema public authorization pg_database_owner`;
    await sql`grant usage on schema public to public`;
    await sql`comment on schema public is 'standard public schema'`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * pg_restore into `url` in one transaction: all or nothing. The dump's
 * grants name the app's serving role (drizzle/0001_tenant_isolation.sql),
 * which lives in the server, not the database: made first when missing.
 *
 * With `owner`, the restoring role is a least-privilege one (BYPASSRLS,
 * CREATEDB, a member of `owner`), not a superuser: it restores as itself —
 * not `--role=owner`, because the owner obeys the tables' forced row-level
 * security and COPY refuses such tables — then hands everything it made to
 * `owner`, so migrations and the app's grants work as on the original.
 */
export async function restorePostgres(url: string, file: string, owner?: string): Promise<DatabaseFacts> {
  const sql = postgres(url, quiet);
  try {
    await sql.unsafe(`
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'kapatiran_app') then
          create role kapatiran_app nologin nosuperuser nobypassrls;
        end if;
      end $$`);
    await runTool("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file]);
    if (owner) await sql.unsafe(`reassign owned by current_user to ${quoteIdent(owner)}`);
    await sql`set row_security = off`;
    return await factsOf(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
