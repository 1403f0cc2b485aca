import { PostgresJsSession } from "drizzle-orm/postgres-js";

/**
 * Named prepared statements for every query on PostgreSQL.
 *
 * Drizzle sends each query as an unnamed statement unless it is given a name,
 * so PostgreSQL parses and plans it again on every request — and planning our
 * queries, with the row-level security policies folded in, cost more than
 * running them (the benchmark's statement log: 0.3–1.3 ms to plan a query that
 * runs in 0.1 ms). postgres.js keeps a named statement per connection and
 * query text, so a page's queries are planned once per pooled connection.
 *
 * Safe with row-level security: the policies read the church from
 * `current_setting`, evaluated when the statement runs, and every transaction
 * runs as the same serving role (app/db/tenancy.server.ts). Safe across
 * deploys: Drizzle names every column it selects, so a migration adding
 * columns does not change a statement's result type; PostgreSQL re-plans a
 * statement whose tables changed on its own. Connections are recycled every
 * 30–60 minutes (postgres.js's max_lifetime), which bounds the statements each
 * one keeps.
 *
 * Drizzle has no switch for this, so its session is told that every query has
 * a name (any name: postgres.js chooses its own).
 */
const patched = Symbol.for("kapatiran.prepared-statements");

export function prepareEveryStatement() {
  const prototype = PostgresJsSession.prototype as unknown as Record<PropertyKey, unknown>;
  if (prototype[patched]) return;
  const prepareQuery = prototype.prepareQuery as (...args: unknown[]) => unknown;
  prototype.prepareQuery = function (this: unknown, query: unknown, fields: unknown, name: unknown, ...rest: unknown[]) {
    return prepareQuery.call(this, query, fields, name ?? "", ...rest);
  };
  prototype[patched] = true;
}
