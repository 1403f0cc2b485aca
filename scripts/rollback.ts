/**
 * Undo the newest applied migration(s) with drizzle/rollback/NNNN_name.sql.
 *
 *   npm run db:rollback               # one step back
 *   npm run db:rollback -- --steps 2
 */
import { rollback } from "~/db/migrations.server";
import { runWithDatabase } from "./support/run-with-database";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(`Usage: npm run db:rollback [-- --steps N]

Rolls back the newest applied migration (or N of them), newest first, with
drizzle/rollback/<tag>.sql. Serve the previous release's code first.
Database: DATABASE_URL, or the embedded PGlite under DATA_DIR/db (default ./data/db).`);
  process.exit(0);
}

const stepsAt = args.indexOf("--steps");
const steps = stepsAt === -1 ? 1 : Number(args[stepsAt + 1]);
if (!Number.isInteger(steps) || steps < 1) {
  console.error("--steps takes a whole number of 1 or more");
  process.exit(1);
}

await runWithDatabase("Rollback", async (database) => {
  const undone = await rollback(database, steps);
  console.log(undone.length ? `rolled back ${undone.join(", ")}` : "nothing to roll back");
});
