import { sql, type SQL } from "drizzle-orm";
import type { PgTransaction, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { db, generationsOf, type Database } from "./client.server";
import type * as schema from "./schema.server";

/**
 * Every query the app makes runs inside one of these two doors, as the
 * `kapatiran_app` role that owns no tables, so PostgreSQL's row-level security
 * decides which church's rows exist for it (drizzle/0001_tenant_isolation.sql).
 */

export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

const SERVING_ROLE = "kapatiran_app";

/*
 * Database pool use for /metrics: postgres.js has no public pool statistics,
 * so the two doors count the transactions they have open (waiting for a
 * connection included: more in flight than the pool's size means queueing).
 * On globalThis: the Express entry and the Remix build are separate bundles.
 */
const inFlight = Symbol.for("kapatiran.transactions-in-flight");
const counter = globalThis as { [inFlight]?: number };

export const transactionsInFlight = () => counter[inFlight] ?? 0;

async function counted<T>(transaction: () => Promise<T>): Promise<T> {
  counter[inFlight] = transactionsInFlight() + 1;
  try {
    return await transaction();
  } finally {
    counter[inFlight] = transactionsInFlight() - 1;
  }
}

/** Run `work` in one transaction that sees only the given church's rows. */
export function withChurch<T>(churchId: string, work: (tx: Tx) => Promise<T>, database: Database = db()): Promise<T> {
  return door(database, churchSettings(churchId), "read write", work);
}

/**
 * Run `work` across all churches: sign-in (before the church is known),
 * platform administration and seeding. Still the serving role, never the
 * table owner, and said out loud at the call site.
 */
export function acrossChurches<T>(work: (tx: Tx) => Promise<T>, database: Database = db()): Promise<T> {
  return door(database, ACROSS_CHURCHES, "read write", work);
}

/**
 * `withChurch` for reading only, enforced by PostgreSQL (a write fails). Use it
 * on pages that only look: a transaction that may have written makes this
 * process read every cache generation again (below); one that cannot, does not.
 */
export function readingChurch<T>(churchId: string, work: (tx: Tx) => Promise<T>, database: Database = db()): Promise<T> {
  return door(database, churchSettings(churchId), "read only", work);
}

/** `acrossChurches` for reading only, like `readingChurch`. */
export function readingAcrossChurches<T>(work: (tx: Tx) => Promise<T>, database: Database = db()): Promise<T> {
  return door(database, ACROSS_CHURCHES, "read only", work);
}

// set_config(..., true) is SET LOCAL: it ends with the transaction, so a pooled
// connection never carries one church's setting into the next request.
const churchSettings = (churchId: string) =>
  sql`select set_config('role', ${SERVING_ROLE}, true), set_config('kapatiran.church_id', ${churchId}, true), set_config('kapatiran.all_churches', 'off', true)`;
const ACROSS_CHURCHES = sql`select set_config('role', ${SERVING_ROLE}, true), set_config('kapatiran.church_id', '', true), set_config('kapatiran.all_churches', 'on', true)`;
// Same statement, one more setting: no extra round trip for read-only.
const READ_ONLY = sql`, set_config('transaction_read_only', 'on', true)`;

async function door<T>(database: Database, settings: SQL, mode: "read only" | "read write", work: (tx: Tx) => Promise<T>) {
  const result = await counted(() =>
    database.transaction(async (tx) => {
      await tx.execute(mode === "read only" ? sql.join([settings, READ_ONLY]) : settings);
      return work(tx as Tx);
    }),
  );
  // Committed. If it wrote, a trigger may have bumped a cache generation that
  // this process has not heard announced yet: read them all again, so the
  // caller's next page already sees its own change (ADR 014).
  if (mode === "read write") generationsOf(database)?.forget();
  return result;
}
