/**
 * Undo the newest applied migration(s) with drizzle/rollback/NNNN_name.sql.
 * (scripts/rollback is the blue-green rollback of a whole release; it calls
 * this, `--to`, when asked to take migrations back too.)
 *
 *   npm run db:rollback               # one step back
 *   npm run db:rollback -- --steps 2
 *   npm run db:rollback -- --to 0015_operations [--check]
 */
import { appliedMigrations, loadMigrations, rollback } from "~/db/migrations.server";
import { runWithDatabase } from "./support/run-with-database";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(`Usage: npm run db:rollback [-- --steps N | --to TAG] [--check]

Rolls back the newest applied migration (or N of them), newest first, with
drizzle/rollback/<tag>.sql. Serve the previous release's code first.
  --steps N   how many to roll back (default 1)
  --to TAG    roll back every migration applied after TAG (TAG itself stays)
  --check     say what would be rolled back and whether this build can; change nothing
Database: DATABASE_URL, or the embedded PGlite under DATA_DIR/db (default ./data/db).
In the image: node build/scripts/db-rollback.js …`);
  process.exit(0);
}

const valueOf = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const to = valueOf("--to");
const stepsText = valueOf("--steps");
const steps = stepsText === undefined ? 1 : Number(stepsText);
if (!Number.isInteger(steps) || steps < 1) {
  console.error("--steps takes a whole number of 1 or more");
  process.exit(1);
}

await runWithDatabase("Rollback", async (database) => {
  const applied = await appliedMigrations(database);
  let count = steps;
  if (to !== undefined) {
    const at = applied.indexOf(to);
    if (at === -1) throw new Error(`${to} is not an applied migration (applied: ${applied.join(", ") || "none"})`);
    count = applied.length - 1 - at;
  }
  const undo = applied.slice(Math.max(applied.length - count, 0)).reverse();
  // This build must know every one it would undo: their rollback scripts are here.
  const known = new Set(loadMigrations().map((m) => m.tag));
  const unknown = undo.filter((tag) => !known.has(tag));
  if (unknown.length > 0) throw new Error(`this build has no rollback script for ${unknown.join(", ")}: run the release that applied them`);
  if (args.includes("--check")) {
    console.log(undo.length ? `would roll back ${undo.join(", ")}` : "nothing to roll back");
    return;
  }
  if (undo.length === 0) return void console.log("nothing to roll back");
  const undone = await rollback(database, undo.length);
  console.log(`rolled back ${undone.join(", ")}`);
});
