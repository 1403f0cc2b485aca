import postgres from "postgres";
import type { Slot } from "./state";

/**
 * The deploy tools' few words with the database (the one both slots share):
 * which migration is the newest applied, and the `deployments` record that
 * platform administrators read on the releases page.
 */

export interface DeploymentRow {
  action: "deploy" | "rollback";
  release: string;
  commit?: string;
  slot: Slot;
  migrationLevel: string | null;
  outcome: "live" | "rejected" | "failed";
  detail?: string;
  startedAt: Date;
  actor: string;
}

async function withDatabase<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The newest applied migration's tag, or null on a database never migrated. */
export function migrationLevel(url: string): Promise<string | null> {
  return withDatabase(url, async (sql) => {
    const [ledger] = await sql<{ present: boolean }[]>`select to_regclass('kapatiran_migrations') is not null as present`;
    if (!ledger?.present) return null;
    const [newest] = await sql<{ tag: string }[]>`select tag from kapatiran_migrations order by tag desc limit 1`;
    return newest?.tag ?? null;
  });
}

export function recordDeployment(url: string, row: DeploymentRow): Promise<void> {
  return withDatabase(url, async (sql) => {
    await sql`
      insert into deployments (action, release, commit, slot, migration_level, outcome, detail, started_at, actor)
      values (${row.action}, ${row.release}, ${row.commit ?? null}, ${row.slot}, ${row.migrationLevel},
              ${row.outcome}, ${row.detail ?? null}, ${row.startedAt}, ${row.actor})`;
  });
}
