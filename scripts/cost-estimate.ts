/**
 * What Kapatiran costs on AWS a month, from the dated Singapore price table
 * (app/ops/aws-prices.ts) and either assumed or measured usage:
 *
 *   scripts/cost-estimate --users 1000     # assumed: 1,000 people with an account
 *   scripts/cost-estimate --measured       # what this installation's database recorded
 *   npm run cost -- --users 10000          # the same from a checkout
 *
 * Prints the breakdown (low and high assumptions), the totals, the cost per
 * active user and the budget's warning amounts (BUDGET_MONTHLY_USD, or --budget).
 */
import { PRICE_REGION, PRICES_CHECKED } from "~/ops/aws-prices";
import { DEFAULT_BUDGET_USD, estimateForUsage, estimateForUsers, formatEstimate } from "~/ops/cost-estimate";

const USAGE = `Usage: scripts/cost-estimate (--users N | --measured) [--budget USD] [--json]

  --users N      assumed usage for N people with an account (75 % of them active in a month)
  --measured     the usage this installation recorded (DATABASE_URL, or the embedded PGlite
                 under DATA_DIR/db): accounts, active people, requests, photos, database size
  --budget USD   the monthly budget (default: BUDGET_MONTHLY_USD, else ${DEFAULT_BUDGET_USD})
  --json         the estimate as JSON instead of a table
Prices: ${PRICE_REGION}, list prices as of ${PRICES_CHECKED} (app/ops/aws-prices.ts names each source).
Exit status: 0 printed; 1 the database could not be read; 2 wrong usage.`;

const args = process.argv.slice(2);
const value = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const fail = (message: string) => {
  console.error(`cost-estimate: ${message} (see --help)`);
  process.exit(2);
};

if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const known = new Set(["--users", "--measured", "--budget", "--json"]);
const unknown = args.find((arg, i) => arg.startsWith("--") && !known.has(arg) && !["--users", "--budget"].includes(args[i - 1] ?? ""));
if (unknown) fail(`unknown option ${unknown}`);
const budgetText = value("--budget") ?? process.env.BUDGET_MONTHLY_USD;
const budget = budgetText === undefined || budgetText === "" ? DEFAULT_BUDGET_USD : Number(budgetText);
if (!Number.isFinite(budget) || budget <= 0) fail(`the budget must be a positive number of dollars (got "${budgetText}")`);
const usersText = value("--users");
const measured = args.includes("--measured");
if ((usersText === undefined) === !measured) fail("give either --users N or --measured");

let range: ReturnType<typeof estimateForUsers>;
let heading: string;
if (measured) {
  // Loaded only here: the database code reads the environment, which --users does not need.
  const { measuredUsage } = await import("~/ops/cost-usage.server");
  const { runWithDatabase } = await import("./support/run-with-database");
  let usage!: Awaited<ReturnType<typeof measuredUsage>>;
  await runWithDatabase("cost-estimate", async (database) => {
    usage = await measuredUsage(new Date(), database);
  });
  range = estimateForUsage(usage);
  heading =
    `Measured: ${usage.users} accounts, ${usage.monthlyActiveUsers} active in the last 30 days, ` +
    `${usage.requestsPerMonth.toLocaleString("en")} requests a month (from ${usage.daysMeasured} days recorded), ` +
    `${usage.uploadsGB.toFixed(2)} GB photos, ${usage.databaseGB.toFixed(2)} GB database.`;
} else {
  const users = Number(usersText);
  if (!Number.isInteger(users) || users < 1) fail(`--users must be a whole number of people (got "${usersText}")`);
  range = estimateForUsers(users);
  heading = `Assumed: ${users.toLocaleString("en")} people with an account, ${range.low.usage.monthlyActiveUsers.toLocaleString("en")} active in a month.`;
}

if (args.includes("--json")) {
  console.log(JSON.stringify({ region: PRICE_REGION, pricesChecked: PRICES_CHECKED, budgetUsd: budget, ...range }, null, 2));
} else {
  console.log(`Kapatiran on AWS, ${PRICE_REGION}, a month (list prices as of ${PRICES_CHECKED}; re-check them, see app/ops/aws-prices.ts)`);
  console.log(heading);
  console.log("");
  console.log(formatEstimate(range, budget));
  console.log("");
  console.log("low: light use, the account's free tier, a 30 GB disk; high: heavy use, no free tier, a 60 GB disk.");
  console.log("The plan's items (about $42–82 at 1,000 people) leave out the load balancer, WAF, public IPv4, ECR and");
  console.log("Secrets Manager, which the stack in infra/aws also runs: the total is what AWS will bill. Staging is extra.");
}
process.exit(0);
