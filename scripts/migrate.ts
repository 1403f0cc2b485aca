/**
 * Apply pending migrations to the configured database (DATABASE_URL, or the
 * embedded one under ./data/db). The server does this at every start too;
 * this command is for deploys that migrate before switching traffic.
 *
 *   npm run db:migrate              # apply everything pending
 *   npm run db:migrate -- --status  # list applied and pending, change nothing
 */
import { appliedMigrations, migrate, pendingMigrations } from "~/db/migrations.server";
import { runWithDatabase } from "./support/run-with-database";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(`Usage: npm run db:migrate [-- --status]

Applies every migration in drizzle/ that the database does not have yet.
  --status   print applied and pending migrations; change nothing
Database: DATABASE_URL, or the embedded PGlite under DATA_DIR/db (default ./data/db).`);
  process.exit(0);
}

await runWithDatabase("Migration", async (database) => {
  if (args.includes("--status")) {
    console.log(`applied: ${(await appliedMigrations(database)).join(", ") || "(none)"}`);
    console.log(`pending: ${(await pendingMigrations(database)).join(", ") || "(none)"}`);
    return;
  }
  const applied = await migrate(database);
  console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
});
