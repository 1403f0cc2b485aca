/**
 * Check that nobody has edited or deleted audit entries behind the app's back:
 * walk each church's hash chain (and the platform's) and recompute every hash.
 *
 *   npm run audit:verify                    # every chain
 *   npm run audit:verify -- --church grace  # one church's chain
 *   node build/scripts/verify-audit.js      # the same, in the image
 */
import { asc, eq } from "drizzle-orm";
import { churches } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { verifyAuditChain } from "~/models/audit.server";
import { runWithDatabase } from "./support/run-with-database";

const USAGE = `Usage: npm run audit:verify [-- --church SLUG]

Recomputes the hash chain of the audit log: one line per chain (each church by
its slug, and "platform" for platform-level entries) with its number of entries.
  --church SLUG   check only that church's chain
  --help          print this help
Exit status: 0 every chain is intact; 1 a chain is broken (the line names the
entry id, the church and the reason) or the database could not be read;
2 wrong usage or unknown church.
Database: DATABASE_URL, or the embedded PGlite under DATA_DIR/db (default ./data/db).`;

function parseArgs(args: string[]): { church?: string } | "help" {
  const options: { church?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--church") {
      const slug = args[++i];
      if (!slug || slug.startsWith("--")) usageError("--church needs a slug");
      options.church = slug;
    } else usageError(`unknown option ${arg} (see --help)`);
  }
  return options;
}

function usageError(message: string): never {
  console.error(`Audit verification: ${message}`);
  process.exit(2);
}

const options = parseArgs(process.argv.slice(2));
if (options === "help") {
  console.log(USAGE);
  process.exit(0);
}

await runWithDatabase("Audit verification", async (database) => {
  // An operator's tool: it reads every church, through the serving role's platform door.
  const known = await acrossChurches(
    (tx) =>
      tx
        .select({ id: churches.id, slug: churches.slug })
        .from(churches)
        .where(options.church ? eq(churches.slug, options.church) : undefined)
        .orderBy(asc(churches.slug)),
    database,
  );
  if (options.church && known.length === 0) usageError(`no church with the slug "${options.church}"`);
  const chains: { label: string; churchId: string | null }[] = [
    ...known.map((church) => ({ label: church.slug, churchId: church.id })),
    ...(options.church ? [] : [{ label: "platform", churchId: null }]),
  ];

  let broken = 0;
  for (const chain of chains) {
    const result = await verifyAuditChain(database, { churchId: chain.churchId });
    if (result.ok) {
      console.log(`${chain.label}: ${result.checked} ${result.checked === 1 ? "entry" : "entries"}, ok`);
    } else {
      broken += 1;
      const { id, reason } = result.brokenAt;
      console.log(
        `${chain.label}: BROKEN at audit_log id ${id} (church ${chain.label}): ${reason}, after ${result.checked} good entries`,
      );
    }
  }
  if (broken > 0) {
    console.error(`Audit verification failed: ${broken} of ${chains.length} chains broken.`);
    process.exitCode = 1;
  }
});
