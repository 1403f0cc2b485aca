/**
 * Page-weight and speed audit (issue 11): each main page in real Chromium,
 * as a phone on DevTools' "Slow 4G" with a 4× slower CPU would load it — bytes
 * by type on a first and a repeat visit, requests, LCP and axe-core violations —
 * then the budgets of scripts/bench/pages/budgets.ts. Exits 1 when one is missed.
 */
import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { commandLine } from "../support/options";
import { BIG_CHURCH_ADMIN, openSession, prepareBenchDatabase, startProductionServer, type RunningServer } from "./support/bench-server";
import { auditPage, measureFirstVisit, type AuditTarget } from "./pages/audit-page";
import { startFloorServer, type FloorServer } from "./pages/floor";
import { judgeBudgets, type AuditMeasurements } from "./pages/budgets";
import { pagesToAudit } from "./pages/page-list";
import { dataSaverTable, floorLines, pageTable, verdicts } from "./pages/report";

const DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/kapatiran_bench";

const USAGE = `Usage: npm run bench:pages [-- --database-url URL] [-- --url URL] [-- --runs N] [-- --json FILE]

Audits the main pages in Chromium (/usr/bin/chromium, or CHROMIUM_PATH): landing, sign-in,
the directory of a 10,000-member church, a search, a member card, help, a help
article, the profile and two admin pages. For each: bytes transferred by type (HTML,
CSS, JS, images, other) on a first visit with an empty cache and on a repeat visit,
requests, Largest Contentful Paint under DevTools' "Slow 4G" preset with the CPU
slowed 4×, and axe-core violations (WCAG 2.1 A and AA). Also the directory's first
visit with data saver on (Save-Data: on). Then checks the budgets and exits 1 if
any is missed:
  HTML ≤ 14 KB and CSS ≤ 10 KB compressed, JavaScript ≤ 90 KB compressed in total,
  no asset downloaded again on a repeat visit, LCP ≤ 1.5 s for the directory and
  help pages, 0 axe violations, data-saver directory ≤ 20 KB.

  --database-url URL  the PostgreSQL database (default ${DEFAULT_DATABASE},
                      as npm run bench); created, migrated and seeded with the demo
                      churches and a 10,000-member church on first use, then reused.
  --url URL           audit a server already running on that database instead of
                      starting the production build (npm run build first otherwise);
                      the sign-in page is then left out.
  --runs N            first visits whose median LCP is judged, for the directory and
                      help pages (default 5; the other pages are visited once), each
                      followed by a visit of the floor below.
  --json FILE         also write every measurement to FILE.

Figures are of this machine: Chromium's throttling adds Slow 4G's delays on top of
the real server and CPU, so a busy machine shows a slower LCP than a quiet one. After
each of those first visits the audit loads the floor under every LCP: an almost empty
page sent with the directory's response headers, the same way; it prints each budgeted
page's LCP above that floor (its own bytes, parsing and layout). The floor is not judged.`;

const { option } = commandLine(USAGE);
const databaseUrl = option("--database-url", DEFAULT_DATABASE);
const runningUrl = option("--url", "");
const jsonFile = option("--json", "");
const lcpRuns = Math.max(1, Number(option("--runs", "5")) || 1);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const servers: RunningServer[] = [];
let browser: Browser | undefined;
let floor: FloorServer | undefined;
try {
  await prepareBenchDatabase(databaseUrl);
  const baseUrl = runningUrl ? runningUrl.replace(/\/+$/, "") : await startServer();
  // Production sends sign-in to Cognito, so the sign-in page is audited on the
  // local identity provider that stands in for it (development mode, same data).
  const signInOrigin = runningUrl ? undefined : await startSignInServer();
  const target: AuditTarget = { baseUrl, sessionToken: await openSession(databaseUrl, BIG_CHURCH_ADMIN) };
  const pages = await pagesToAudit(baseUrl, target.sessionToken, signInOrigin);
  const directory = pages.find((page) => page.path === "/directory")!;
  floor = await startFloorServer(target, directory);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  console.log(
    `Auditing ${baseUrl} in Chromium ${browser.version()}: Slow 4G, CPU 4× slower, a 412 px phone screen; ` +
      `LCP of directory and help pages: median of ${lcpRuns} first visits. Sizes: KB transferred (headers + compressed body).\n`,
  );
  const measurements: AuditMeasurements = { pages: [], unmeasured: [], lcpFloorHeaders: floor.headers };
  for (const page of pages) {
    try {
      const measured = page.lcpBudget ? await auditPage(browser, page, target, lcpRuns, floor.page) : await auditPage(browser, page, target);
      measurements.pages.push(measured);
      console.log(`${pageTable(measured)}\n`);
    } catch (error) {
      // One page that does not load is a finding, not the end of the audit.
      const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
      measurements.unmeasured!.push({ name: page.name, path: page.path, reason });
      console.log(`${page.name}  ${page.path}\n  NOT MEASURED: ${reason}\n`);
    }
  }
  try {
    measurements.dataSaverDirectory = await measureFirstVisit(browser, directory, target, { "Save-Data": "on" });
    console.log(`${dataSaverTable(measurements.dataSaverDirectory)}\n`);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
    measurements.unmeasured!.push({ name: "Directory with data saver", path: "/directory", reason });
  }

  console.log(`${floorLines(measurements)}\n`);

  const misses = judgeBudgets(measurements);
  console.log(verdicts(measurements, misses));
  if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify({ measurements, misses }, null, 2)}\n`);
  process.exitCode = misses.length === 0 ? 0 : 1;
  console.log(misses.length === 0 ? "\nEvery budget met." : `\n${misses.length} budget miss(es): the audit fails.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await floor?.close();
  for (const server of servers) await server.stop();
}

async function startServer(): Promise<string> {
  const server = await startProductionServer(databaseUrl);
  servers.push(server);
  return server.baseUrl;
}

async function startSignInServer(): Promise<string> {
  const server = await startProductionServer(databaseUrl, {
    env: { NODE_ENV: "test", COGNITO_DOMAIN: "", COGNITO_CLIENT_ID: "", COGNITO_USER_POOL_ID: "", AWS_REGION: "" },
  });
  servers.push(server);
  return server.baseUrl;
}
