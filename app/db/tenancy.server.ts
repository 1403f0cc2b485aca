import { sql } from "drizzle-orm";
import type { PgTransaction, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { db, type Database } from "./client.server";
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
  return counted(() => database.transaction(async (tx) => {
    // set_config(..., true) is SET LOCAL: it ends with the transaction, so a
    // pooled connection never carries one church's setting into the next request.
    await tx.execute(
      sql`select set_config('role', ${SERVING_ROLE}, true), set_config('kapatiran.church_id', ${churchId}, true), set_config('kapatiran.all_churches', 'off', true)`,
    );
    return work(tx as Tx);
  }));
}

/**
 * Run `work` across all churches: sign-in (before the church is known),
 * platform administration and seeding. Still the serving role, never the
 * table owner, and said out loud at the call site.
 */
export function acrossChurches<T>(work: (tx: Tx) => Promise<T>, database: Database = db()): Promise<T> {
  return counted(() => database.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${SERVING_ROLE}, true), set_config('kapatiran.church_id', '', true), set_config('kapatiran.all_churches', 'on', true)`,
    );
    return work(tx as Tx);
  }));
}
