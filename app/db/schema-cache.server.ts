import { bigint, pgTable, text } from "drizzle-orm/pg-core";

/**
 * One counter per kind of shared, cached content ("help": the published help
 * center and FAQ). An edit bumps it in its own transaction; a cached copy is
 * filed under the counter it was read at, so after the edit commits every app
 * process (blue and green) looks for a new copy, whether the cache lives in
 * Redis or in each process's memory (docs/decisions/010-shared-cache.md).
 * Platform-level, not church-owned: no church_id, no row-level security.
 */
export const cacheGenerations = pgTable("cache_generations", {
  scope: text("scope").primaryKey(),
  generation: bigint("generation", { mode: "number" }).notNull().default(0),
});
