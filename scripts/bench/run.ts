/**
 * The benchmark suite (issue 11): Kapatiran's production build on a
 * 10,000-member church in PostgreSQL, loaded over loopback with autocannon,
 * against two references on the same rows — (a) a bare node:http server, the
 * ceiling, and (b) a naive Remix page — each in its own process; then the
 * capacity step for app/ops/capacity.ts. Prints figures; exits 1 only when a
 * page does not answer as it should (then there is nothing to report).
 */
import fs from "node:fs";
import os from "node:os";
import { findCapacity, P95_LIMIT_MS } from "./capacity-steps";
import postgres from "postgres";
import { runLoad, type PageRequest } from "./load";
import { firstPageReader } from "./references/first-page";
import { capacityTable, comparisonTable, type Measured } from "./report";
import {
  openSession,
  prepareBenchDatabase,
  sessionCookie,
  startNodeServer,
  startProductionServer,
  type RunningServer,
} from "./support/bench-server";
import { cpuBetween, sampleCpu } from "./support/cpu-time";
import { BenchFailure, checkAnswers, kapatiranTargets, mixedPages } from "./targets";
import { commandLine } from "../support/options";

const USAGE = `Usage: npm run bench [-- options]   (npm run build first)

Seeds (once) a 10,000-member church into PostgreSQL, starts the production
build and two references on the same 25 rows — (a) bare node:http + postgres,
(b) a naive Remix page — and loads each over loopback with autocannon: the
signed-in directory page, a directory search, a member card, a help article
and the landing page. Prints req/s, p50/p95/p99 latency, errors, peak RSS and
each Kapatiran figure as a ratio to (a) and (b); then the directory page again
on the same build with nothing kept (RENDER_MEMO_MB=0, KEPT_MEMBER_PAGES=0:
every page read and rendered for its request). Then the capacity step, on a
server of its own with nothing kept (the comparison's servers stopped): a mix
of those pages (directory 40 %, search 20 %, card 20 %, help 10 %, landing
10 %, gzip as browsers ask) at rising steady rates (evenly spaced, each request timed
from when it was due) until p95 > ${P95_LIMIT_MS} ms or an error,
with the app's and PostgreSQL's CPU over each step (figures for app/ops/capacity.ts).

  --database-url URL   default postgres://postgres@127.0.0.1:5432/kapatiran_bench
                       (created, migrated and seeded when it holds no big church)
  --skip-seed          use the database as it is
  --duration S         seconds of load per target (default 20)
  --warmup S           seconds of load before each target, not counted (default 3)
  --connections N      concurrent connections (default 50)
  --only compare|capacity   one half of the run (default both)
  --step-duration S    seconds per capacity step (default 15)
  --start-rate N       first capacity step, requests a second (default 20)
  --processes N        Kapatiran's app processes, WEB_CONCURRENCY (default 2, as the
                       box's app.env: one per vCPU; CPU and memory count them all)
  --cpu-profile DIR    write Kapatiran's V8 CPU profiles (one per process) into DIR when it stops
Exit status: 0 figures printed; 1 a page answered other than 200, or setup failed.`;

const { option, args } = commandLine(USAGE);
const number = (name: string, fallback: number) => {
  const value = Number(option(name, String(fallback)));
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number`);
  return value;
};
const databaseUrl = option("--database-url", "postgres://postgres@127.0.0.1:5432/kapatiran_bench");
const seconds = number("--duration", 20);
const warmup = Number(option("--warmup", "3"));
const connections = number("--connections", 50);
const only = option("--only", "");
const profileDir = option("--cpu-profile", "");
const processes = String(number("--processes", 2));
// The same build with nothing kept (ADR 012, 014): every page read and rendered for its request, as
// when each request is a page nobody saw before. The capacity step runs on one: a Sunday's members
// each see their own pages, so the benchmark's repeats would flatter the memo and the kept pages.
const NOTHING_KEPT = { RENDER_MEMO_MB: "0", KEPT_MEMBER_PAGES: "0", WEB_CONCURRENCY: processes };

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

if (!fs.existsSync("build/server/index.js")) fail("no production build: run npm run build first");
if (!args.includes("--skip-seed")) await prepareBenchDatabase(databaseUrl);

const servers: RunningServer[] = [];
const stopAll = () => Promise.all(servers.map((server) => server.stop()));
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

try {
  const cookie = sessionCookie(await openSession(databaseUrl));
  const reader = await firstPageReader(databaseUrl);
  const memberIds = (await reader.firstPage()).map((row) => row.id);
  await reader.sql.end();

  const nodeFlags = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const targets = kapatiranTargets(cookie, memberIds);
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, node ${process.version}; ${connections} connections, ${seconds} s a target; ` +
      `Kapatiran in ${processes} app process${processes === "1" ? "" : "es"} (WEB_CONCURRENCY), the references in one.`,
  );
  if (only !== "capacity") {
    const kapatiran = await startProductionServer(databaseUrl, { nodeFlags, env: { WEB_CONCURRENCY: processes } });
    servers.push(kapatiran);
    const everyRender = await startProductionServer(databaseUrl, { env: NOTHING_KEPT });
    servers.push(everyRender);
    const sizes = new Map<string, number>();
    for (const target of targets) sizes.set(target.name, (await checkAnswers(kapatiran.baseUrl, target)).gzipBytes);
    await compare({ kapatiran, everyRender }, targets, sizes);
    // Stopped before the capacity step: idle, each would still take CPU from it (its garbage
    // collector shrinking what the saturating load grew).
    await Promise.all([kapatiran.stop(), everyRender.stop()]);
  }
  if (only !== "compare") {
    // A server of its own with nothing kept, started for it: the steady rates are a box's ordinary
    // day, not the minutes after a saturating load.
    const steady = await startProductionServer(databaseUrl, { env: NOTHING_KEPT });
    servers.push(steady);
    for (const target of targets) await checkAnswers(steady.baseUrl, target);
    await capacity(steady, mixedPages(targets));
  }
} catch (error) {
  await stopAll();
  if (error instanceof BenchFailure) fail(`${error.message} — figures would be meaningless (session lost? data not seeded?)`);
  throw error;
}
await stopAll();
if (profileDir) console.log(`\nCPU profile of Kapatiran in ${profileDir} (open it in Chrome's developer tools).`);

/**
 * One target: a warm-up, then the measured run, with the server's and its
 * PostgreSQL backends' CPU over it — CPU per request compares fairly even
 * when other work on the machine slows every answer down.
 */
async function measure(label: string, server: RunningServer, next: () => PageRequest): Promise<Omit<Measured, "label" | "peakRssBytes">> {
  const { baseUrl } = server;
  if (warmup > 0) await runLoad({ baseUrl, next, seconds: warmup, connections });
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const before = await sampleCpu(server.process.pid!, sql);
    const figures = await runLoad({ baseUrl, next, seconds, connections });
    const used = cpuBetween(before, await sampleCpu(server.process.pid!, sql));
    if (figures.requests === 0) throw new BenchFailure(`${label}: not one answer during the run (${figures.socketErrors} timeouts or socket errors)`);
    if (figures.non2xx > 0) {
      const statuses = Object.entries(figures.badStatuses).map(([status, count]) => `${count} × ${status}`).join(", ");
      throw new BenchFailure(`${label}: ${statuses} during the run`);
    }
    return { figures, cpuMsPerRequest: ((used.app + used.database) * 1000) / Math.max(1, figures.requests) };
  } finally {
    await sql.end();
  }
}

async function startReference(file: string) {
  const server = await startNodeServer(["--import", "tsx", `scripts/bench/references/${file}`], {
    readyPath: "/",
    env: () => ({ DATABASE_URL: databaseUrl }),
  });
  servers.push(server);
  return server;
}

async function compare(
  { kapatiran, everyRender }: { kapatiran: RunningServer; everyRender: RunningServer },
  targets: ReturnType<typeof kapatiranTargets>,
  sizes: Map<string, number>,
) {
  const ceilingServer = await startReference("bare-http.ts");
  const naiveServer = await startReference("naive-remix.tsx");
  const sameRows = (): PageRequest => ({ path: "/" });
  const rows: Measured[] = [];
  const ceiling = await measure("(a) bare node:http", ceilingServer, sameRows);
  rows.push({ label: "(a) bare node:http + postgres", ...ceiling, peakRssBytes: ceilingServer.peakMemoryBytes() });
  const naive = await measure("(b) naive Remix", naiveServer, sameRows);
  rows.push({ label: "(b) naive Remix page", ...naive, peakRssBytes: naiveServer.peakMemoryBytes() });
  await Promise.all([ceilingServer.stop(), naiveServer.stop()]);
  // Every page once before any is measured, on both servers: the first target would otherwise pay
  // for compiling the code all pages share (a serving box has long been warm; the references'
  // one route warms within their own warm-up).
  if (warmup > 0) {
    for (const server of [kapatiran, everyRender]) {
      for (const target of targets) await runLoad({ baseUrl: server.baseUrl, next: target.next, seconds: warmup, connections });
    }
  }
  for (const target of targets) {
    const measured = await measure(target.label, kapatiran, target.next);
    rows.push({ label: `Kapatiran ${target.label}`, ...measured, peakRssBytes: kapatiran.peakMemoryBytes(), gzipBytes: sizes.get(target.name) });
  }
  const directoryTarget = targets.find((target) => target.name === "directory")!;
  const rendered = await measure("directory, nothing kept", everyRender, directoryTarget.next);
  rows.push({
    label: "Kapatiran directory page, nothing kept",
    ...rendered,
    peakRssBytes: everyRender.peakMemoryBytes(),
    gzipBytes: sizes.get("directory"),
  });
  console.log("");
  console.log(comparisonTable(rows, ceiling.figures, naive.figures));
  console.log(
    "errors: answers other than 2xx, socket errors and timeouts. CPU: the server's and its PostgreSQL backends' per request.\n" +
      "Peak RSS: Kapatiran's so far, its processes added up (one server serves every page). ÷ (a), ÷ (b): req/s over the reference's.\n" +
      "Nothing kept: the same build with RENDER_MEMO_MB=0 and KEPT_MEMBER_PAGES=0, every page read and rendered for its\n" +
      "request, as a page nobody has seen yet (the other rows keep what the same member saw before, ADR 014, and send a\n" +
      "page again from the render memo when the loaders return what they returned before, ADR 012).",
  );
  const directory = rows.find((row) => row.label === `Kapatiran ${directoryTarget.label}`)!.figures;
  const goal = directory.perSecond >= naive.figures.perSecond && directory.p95 <= 100;
  console.log(
    `Goal (signed-in directory ≥ 1.0× the naive Remix page, p95 ≤ 100 ms at ${connections} connections): ` +
      `${(directory.perSecond / naive.figures.perSecond).toFixed(2)}×, p95 ${directory.p95.toFixed(1)} ms — ${goal ? "met" : "not met"}` +
      ` (nothing kept: ${(rendered.figures.perSecond / naive.figures.perSecond).toFixed(2)}×, p95 ${rendered.figures.p95.toFixed(1)} ms).`,
  );
}

async function capacity(kapatiran: RunningServer, next: () => PageRequest) {
  console.log(`\nCapacity: the mix at rising rates (${number("--step-duration", 15)} s a step; CPU = share of one core).`);
  // Warm first (JIT, caches), at a few connections: otherwise the first steps measure start-up.
  if (warmup > 0) await runLoad({ baseUrl: kapatiran.baseUrl, next, seconds: Math.max(warmup, 15), connections: 5 });
  const result = await findCapacity({
    baseUrl: kapatiran.baseUrl,
    databaseUrl,
    appPid: kapatiran.process.pid!,
    next,
    connections,
    stepSeconds: number("--step-duration", 15),
    startRate: number("--start-rate", 20),
    factor: 1.3,
    maxSteps: 30,
    onStep: (step) => process.stdout.write(`  ${step.offered}/s: p95 ${step.figures.p95.toFixed(1)} ms${step.passed ? "" : " — stop"}\n`),
  });
  console.log("");
  console.log(capacityTable(result.steps));
  if (result.sustainedRate === 0) {
    console.log(`\nNo step passed: lower --start-rate, or measure on a quieter machine.`);
    return;
  }
  console.log(
    `\nSustained: ${result.sustainedRate} requests a second at p95 ≤ ${P95_LIMIT_MS} ms, no errors; ` +
      `${result.cpuMsPerRequest.toFixed(2)} ms of CPU (app + PostgreSQL) per request (median of the passing steps).`,
  );
  console.log(
    `For app/ops/capacity.ts, MEASURED: on "${new Date().toISOString().slice(0, 10)}", ` +
      `sustainedRequestsPerSecond: ${result.sustainedRate}, cpuMsPerRequest: ${result.cpuMsPerRequest.toFixed(1)} ` +
      `(then members served at 20 % CPU: membersServedAt(0.2)).`,
  );
}
