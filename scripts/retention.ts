/**
 * The retention jobs (docs/retention.md): remove expired sessions, dead
 * invitations, superseded consent records, stale import uploads, old decided
 * data requests and erased-account remnants. Safe to run twice and beside the
 * running app. Scheduled daily on the server:
 *
 *   npm run retention                 # from a checkout
 *   npm run retention -- --dry-run    # count only, change nothing
 *   node build/scripts/retention.js   # the same, in the image / on the box
 */
import { APPLICATION_LOGS_NOTE, RETENTION_KINDS, runRetention } from "~/models/retention.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { runWithDatabase } from "./support/run-with-database";

const USAGE = `Usage: npm run retention [-- --dry-run]   (or: node build/scripts/retention.js)

Removes what Kapatiran no longer keeps (docs/retention.md), each kind in its
own short transaction, and records the run in retention_runs:
  sessions         past their absolute end or idle too long
  invitations      never accepted, expired or revoked more than 30 days ago
  consentRecords   replaced by a newer choice more than 2 years ago
  memberImports    uploaded CSV files older than a day
  dataRequests     decided more than 3 years ago
  erasedAccounts   erased accounts older than 30 days that no audit entry names
Prints one line per kind (and logs one JSON line per kind).
  --dry-run   count what would be removed; remove nothing, record no run
  --help      print this help
Exit status: 0 done; 1 the database could not be read or written; 2 wrong usage.
Database: DATABASE_URL, or the embedded PGlite under DATA_DIR/db (default ./data/db).`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.find((arg) => arg !== "--dry-run");
if (unknown) {
  console.error(`Retention: unknown option ${unknown} (see --help)`);
  process.exit(2);
}
const dryRun = args.includes("--dry-run");

await runWithDatabase("Retention", async (database) => {
  const removed = await runRetention(database, {
    dryRun,
    sessionLimits: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteMinutes: env.SESSION_ABSOLUTE_MINUTES },
    onKind(kind, n) {
      logger.info({ event: "retention", kind, [dryRun ? "wouldRemove" : "removed"]: n, dryRun }, "retention");
      console.log(`${kind}: ${dryRun ? "would remove" : "removed"} ${n}`);
    },
  });
  console.log(APPLICATION_LOGS_NOTE);
  const total = RETENTION_KINDS.reduce((sum, kind) => sum + removed[kind], 0);
  console.log(
    dryRun
      ? `Dry run: ${total} rows would be removed; nothing changed.`
      : `Retention run recorded: ${total} rows removed.`
  );
});
