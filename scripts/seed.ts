/**
 * Seed the configured database (DATABASE_URL, or the embedded PGlite under
 * ./data/db), migrating it first like the server does.
 *
 *   npm run seed                                # demo churches, into an empty database only
 *   npm run seed -- --members 10000 [--slug big] # a large church for benchmarks
 */
import { connectDatabase, disconnectDatabase } from "~/db/connect.server";
import { DatabaseUnreachableError, db } from "~/db/client.server";
import { churches } from "~/db/schema.server";
import { seedDemo, seedLargeChurch, type SeedSummary } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { sql } from "drizzle-orm";

const USAGE = `Usage: npm run seed [-- --members N [--slug S] [--name "Church name"]]

Without options: seeds the demo churches (Grace Fellowship, Hope Chapel) and the
six demo accounts; refuses when the database already has any church.
  --members N   instead, add one large church of N members for benchmarks
  --slug S      its slug (default: big)
  --name NAME   its name (default: "Big Church (benchmark)")
  --help        print this help
Database: DATABASE_URL, or the embedded PGlite under DATA_DIR/db (default ./data/db).`;

interface Options {
  members?: number;
  slug?: string;
  name?: string;
}

function parseArgs(args: string[]): Options | "help" {
  const options: Options = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === "--help" || arg === "-h") return "help";
    else if (arg === "--members") {
      const text = value();
      const members = Number(text.replace(/[_,]/g, ""));
      if (!Number.isInteger(members) || members < 1) throw new UsageError(`--members takes a whole number of 1 or more (got ${text})`);
      options.members = members;
    } else if (arg === "--slug") options.slug = value();
    else if (arg === "--name") options.name = value();
    else throw new UsageError(`unknown option ${arg} (see --help)`);
  }
  if (options.members === undefined && (options.slug !== undefined || options.name !== undefined)) {
    throw new UsageError("--slug and --name go with --members");
  }
  return options;
}

class UsageError extends Error {}

function describe(summary: SeedSummary): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  return [
    count(summary.churches, "church", "churches"),
    `${count(summary.members, "member")} in ${count(summary.households, "household")}`,
    `${count(summary.groups, "group")} (${count(summary.groupMemberships, "membership")})`,
    count(summary.users, "account"),
  ].join(", ");
}

async function seed(options: Options) {
  const started = performance.now();
  let summary: SeedSummary;
  if (options.members !== undefined) {
    summary = await seedLargeChurch(db(), { members: options.members, slug: options.slug, name: options.name });
  } else {
    const existing = await acrossChurches((tx) => tx.$count(churches));
    if (existing > 0) {
      throw new Error(
        `the database already has ${existing} church(es); demo data goes only into an empty database (use --members N for a benchmark church)`,
      );
    }
    summary = await seedDemo(db());
  }
  // Fresh statistics, so the planner knows the new church's size before the first page.
  // As the connecting user: ANALYZE needs the tables' owner, not the serving role.
  await db().execute(sql`analyze`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Seeded ${describe(summary)} in ${seconds}s`);
}

async function main() {
  let options: Options | "help";
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`Seed: ${(error as Error).message}`);
    process.exit(1);
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  try {
    await connectDatabase();
  } catch (error) {
    console.error(error instanceof DatabaseUnreachableError ? error.message : `Seed failed: ${(error as Error).message}`);
    process.exit(1);
  }
  try {
    await seed(options);
  } catch (error) {
    console.error(`Seed failed: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await disconnectDatabase();
  }
}

await main();
