import { desc } from "drizzle-orm";
import { db } from "~/db/client.server";
import { deployments } from "~/db/schema-delivery.server";
import { appliedMigrations, loadMigrations, type Migration } from "~/db/migrations.server";
import { acrossChurches } from "~/db/tenancy.server";
import { env } from "~/utils/env.server";

/**
 * What is live (issue 9, change management): the release this process runs,
 * the database's migration level, and the deploys and rollbacks that
 * scripts/deploy and scripts/rollback recorded. Read-only: this page never
 * writes the deployments table.
 */

export interface DeploymentView {
  id: string;
  action: "deploy" | "rollback";
  release: string;
  commit: string | null;
  slot: "blue" | "green";
  migrationLevel: string | null;
  outcome: "live" | "rejected" | "failed";
  detail: string | null;
  startedAt: string;
  finishedAt: string;
  actor: string | null;
}

export interface ReleasesPage {
  release: string | null;
  instance: string | null;
  /** The newest migration applied to the database. */
  migrationLevel: string | null;
  /** This build's migrations the database does not have (readiness waits for them). */
  pending: string[];
  /** Applied migrations this build does not know: the database is ahead (a newer release migrated it). */
  unknown: string[];
  deployments: DeploymentView[];
}

let buildMigrations: Migration[] | undefined;

export async function loadReleasesPage(limit = 50): Promise<ReleasesPage> {
  buildMigrations ??= loadMigrations(); // this build's list, read once
  const known = new Set(buildMigrations.map((m) => m.tag));
  // The ledger belongs to the migration runner, outside row-level security; read it as health checks do.
  const applied = await appliedMigrations(db());
  const appliedSet = new Set(applied);
  const rows = await acrossChurches((tx) =>
    tx.select().from(deployments).orderBy(desc(deployments.finishedAt)).limit(limit),
  );
  return {
    release: env.RELEASE ?? null,
    instance: env.INSTANCE_NAME ?? null,
    migrationLevel: applied.at(-1) ?? null,
    pending: [...known].filter((tag) => !appliedSet.has(tag)),
    unknown: applied.filter((tag) => !known.has(tag)),
    deployments: rows.map((row) => ({
      id: row.id,
      action: row.action,
      release: row.release,
      commit: row.commit,
      slot: row.slot,
      migrationLevel: row.migrationLevel,
      outcome: row.outcome,
      detail: row.detail,
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt.toISOString(),
      actor: row.actor,
    })),
  };
}
