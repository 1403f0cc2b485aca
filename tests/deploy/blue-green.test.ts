import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/support/options";
import { signIn } from "../../scripts/support/browser-session";
import { liveSlotIn, renderPrivateNginx, renderSite, renderUpstream } from "../../scripts/delivery/nginx";
import { isImmutableCaching } from "../../scripts/delivery/smoke-checks";
import { readState, type Slot } from "../../scripts/delivery/state";
import { LoadGenerator, percentile, type PhaseFigures } from "./load";

/**
 * The bar, measured here: two releases built from the repo, Debian's
 * nginx on loopback running infra/nginx/kapatiran.conf, a steady mix of pages
 * and form posts through it, 20 deploys and 5 rollbacks with scripts/deploy and
 * scripts/rollback (node runner) — zero failed or non-2xx/3xx responses, none
 * slower than 5 s — then a release that never becomes ready is rejected while
 * traffic stays, a rollback that takes a migration back, and read-only mode
 * switched on and off under the same load.
 * Needs `npm run build` first, nginx and PostgreSQL (DATABASE_URL's server, else
 * CI_POSTGRES_URL's, else postgres://postgres@127.0.0.1:5432).
 */

const repo = path.resolve(__dirname, "../..");
// Blue and green share one PostgreSQL database, as on the box (PGlite cannot be shared).
const serverUrl =
  process.env.DATABASE_URL ??
  (process.env.CI_POSTGRES_URL ? `${process.env.CI_POSTGRES_URL}/postgres` : "postgres://postgres@127.0.0.1:5432/postgres");
const DEPLOYS = 20;
const ROLLBACK_EVERY = 4; // 5 rollbacks in 20 deploys
const SLOW_MS = 5_000;

let root: string;
let deployRoot: string;
let databaseName: string;
let databaseUrl: string;
let admin: postgres.Sql;
let nginxUrl: string;
let nginxCommand: string;
let ports: Record<Slot, number>;
let upstreamFile: string;
let load: LoadGenerator | undefined;
const table: (PhaseFigures & { action: string; release: string; slot: string; seconds: string })[] = [];
const markers: Record<string, string> = {};

/** A release folder as `npm run build` leaves one, with an asset only this release has. */
function makeRelease(name: string, from?: string) {
  const folder = path.join(deployRoot, "releases", name);
  fs.mkdirSync(folder, { recursive: true });
  const source = from ?? repo;
  for (const part of ["build", "public", "drizzle", "package.json"]) {
    fs.cpSync(path.join(source, part), path.join(folder, part), { recursive: true });
  }
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(folder, "node_modules"));
  const marker = `_assets/only-in-${name}-${crypto.randomBytes(4).toString("hex")}.js`;
  fs.writeFileSync(path.join(folder, "public", "build", marker), `/* ${name} */\n`);
  markers[name] = marker;
  return folder;
}

/** Run one of the scripts (the bash files in scripts/) without blocking the load generator. */
function runScript(name: "deploy" | "rollback", args: string[]): Promise<{ code: number; output: string; seconds: number }> {
  const started = Date.now();
  const common = [
    "--runner", "node",
    "--root", deployRoot,
    "--blue-port", String(ports.blue),
    "--green-port", String(ports.green),
    "--upstream-file", upstreamFile,
    "--nginx", nginxCommand,
    "--smoke-url", nginxUrl,
    "--drain", "2",
    "--actor", "deploy test",
  ];
  return new Promise((resolve) => {
    const child = spawn(path.join(repo, "scripts", name), [...args, ...common], { env: { PATH: process.env.PATH } as unknown as NodeJS.ProcessEnv });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

function sh(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(command, args, options);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

const liveRelease = () => readState(path.join(deployRoot, "state.json")).live;

async function expectAssetServed(release: string) {
  const response = await fetch(`${nginxUrl}/build/${markers[release]}`);
  expect(response.status, `${release}'s asset through nginx`).toBe(200);
  expect(isImmutableCaching(response.headers.get("cache-control"))).toBe(true);
  expect(await response.text()).toContain(release);
}

/** One deploy or rollback under load: its figures become a row of the table. */
async function step(action: "deploy" | "rollback", args: string[], label: string) {
  load!.phase = label;
  const result = await runScript(action, args);
  if (result.code !== 0) console.log(result.output);
  expect(result.code, `${label} exit code`).toBe(0);
  const live = liveRelease()!;
  table.push({ ...load!.figures(label), action, release: live.release, slot: live.slot, seconds: result.seconds.toFixed(1) });
  load!.phase = `after ${label}`;
  return live;
}

function printTable() {
  const lines = [
    "",
    "  #  step          release   slot   seconds  requests  errors  p99 ms  max ms",
    ...table.map((row, i) =>
      [
        String(i + 1).padStart(3),
        row.phase.padEnd(13),
        row.release.padEnd(9),
        row.slot.padEnd(6),
        row.seconds.padStart(7),
        String(row.requests).padStart(9),
        String(row.errors).padStart(7),
        String(row.p99Ms).padStart(7),
        String(row.maxMs).padStart(7),
      ].join("  "),
    ),
    "",
  ];
  console.log(lines.join("\n"));
}

beforeAll(async () => {
  expect(fs.existsSync(path.join(repo, "build", "scripts", "deploy.js")), "run `npm run build` first").toBe(true);
  expect((await sh("nginx", ["-v"])).code, "nginx is needed: apt-get install -y nginx").toBe(0);

  root = fs.mkdtempSync("/tmp/kapatiran-deploy-");
  fs.chmodSync(root, 0o755); // nginx's workers (nobody) read the assets folder
  deployRoot = path.join(root, "box");
  fs.mkdirSync(deployRoot);

  databaseName = `kapatiran_deploy_${crypto.randomBytes(6).toString("hex")}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${databaseName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();

  ports = { blue: await freePort(), green: await freePort() };
  const nginxPort = await freePort();
  nginxUrl = `http://127.0.0.1:${nginxPort}`;

  makeRelease("rel-a");
  makeRelease("rel-b");

  fs.writeFileSync(
    path.join(deployRoot, "app.env"),
    [
      "NODE_ENV=test",
      `DATABASE_URL=${databaseUrl}`,
      `SESSION_SECRET=${crypto.randomBytes(32).toString("hex")}`,
      `APP_URL=${nginxUrl}`,
      `DATA_DIR=${path.join(root, "data")}`,
      "LOG_LEVEL=warn",
      "EMF_FILE=off",
      "SEED_DEMO=true",
      "PUBLIC_FORM_RATE_LIMIT_PER_MINUTE=100000",
      "AUTH_RATE_LIMIT_PER_MINUTE=100000",
      ...(process.env.REDIS_URL ? [`REDIS_URL=${process.env.REDIS_URL}`] : []),
      "",
    ].join("\n"),
  );

  // nginx with the production site file, its paths and port swapped for ours.
  const prefix = path.join(root, "nginx");
  fs.mkdirSync(prefix);
  upstreamFile = path.join(prefix, "kapatiran-upstream.conf");
  fs.writeFileSync(upstreamFile, renderUpstream("blue", ports, "nothing deployed yet"));
  const site = renderSite(fs.readFileSync(path.join(repo, "infra/nginx/kapatiran.conf"), "utf8"), {
    listen: `127.0.0.1:${nginxPort}`,
    assetsRoot: path.join(deployRoot, "assets"),
    upstreamFile,
    accessLog: path.join(prefix, "access.log"),
  });
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(conf, renderPrivateNginx(prefix, site));
  nginxCommand = `nginx -p ${prefix} -c ${conf} -e ${path.join(prefix, "error.log")}`;
  const [command, ...args] = nginxCommand.split(" ");
  const started = await sh(command!, args);
  expect(started.code, started.output).toBe(0);

  // The box's first release (not counted: nothing served traffic before it).
  const first = await runScript("deploy", ["--release", "rel-a"]);
  expect(first.code, first.output).toBe(0);
}, 180_000);

afterAll(async () => {
  await load?.stop();
  if (deployRoot) {
    for (const slot of ["blue", "green"]) {
      const pidFile = path.join(deployRoot, "run", `${slot}.pid`);
      if (!fs.existsSync(pidFile)) continue;
      const pid = Number(fs.readFileSync(pidFile, "utf8"));
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  const nginxPid = root && path.join(root, "nginx", "nginx.pid");
  if (nginxPid && fs.existsSync(nginxPid)) process.kill(Number(fs.readFileSync(nginxPid, "utf8")), "SIGQUIT");
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let them exit before the database goes
  if (admin) {
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
  if (root) fs.rmSync(root, { recursive: true, force: true });
}, 60_000);

describe("blue-green deploys on one box", () => {
  it("20 deploys and 5 rollbacks under load: no failed request, none slower than 5 s", async () => {
    const { jar } = await signIn(nginxUrl, "member@grace.example");
    expect((await fetch(`${nginxUrl}/directory`, { headers: { cookie: jar.headerFor(`${nginxUrl}/directory`) }, redirect: "manual" })).status).toBe(200);
    const helpPage = await (await fetch(`${nginxUrl}/help`)).text();
    const helpSlug = helpPage.match(/href="\/help\/([a-z0-9-]+)"/)?.[1];
    expect(helpSlug).toBeTruthy();

    load = new LoadGenerator(nginxUrl, jar, helpSlug!, 20);
    load.start();
    await new Promise((resolve) => setTimeout(resolve, 2000));

    for (let i = 1; i <= DEPLOYS; i++) {
      const next = liveRelease()!.release === "rel-a" ? "rel-b" : "rel-a";
      const before = liveRelease()!;
      const live = await step("deploy", ["--release", next], `deploy ${i}`);
      expect(live.release).toBe(next);
      expect(live.slot).not.toBe(before.slot);
      expect(liveSlotIn(fs.readFileSync(upstreamFile, "utf8"), ports)).toBe(live.slot);
      // The release that just left still has its scripts served: pages it rendered keep working.
      await expectAssetServed(before.release);
      await expectAssetServed(next);

      if (i % ROLLBACK_EVERY === 0) {
        const back = await step("rollback", [], `rollback ${i / ROLLBACK_EVERY}`);
        expect(back.release).toBe(before.release);
        expect(back.slot).toBe(before.slot);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const all = load.samples;
    const failures = all.filter((s) => s.error);
    const slow = all.filter((s) => s.ms > SLOW_MS);
    printTable();
    const durations = all.map((s) => s.ms);
    console.log(
      `whole run: ${all.length} requests, ${failures.length} errors, p99 ${Math.round(percentile(durations, 0.99))} ms, slowest ${Math.round(Math.max(...durations))} ms`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(slow.slice(0, 10)).toEqual([]);
    expect(table.filter((row) => row.action === "deploy")).toHaveLength(DEPLOYS);
    expect(table.filter((row) => row.action === "rollback")).toHaveLength(DEPLOYS / ROLLBACK_EVERY);
    // Load ran the whole time: at 20 a second, every step saw requests.
    for (const row of table) expect(row.requests, row.phase).toBeGreaterThan(20);

    const sql = postgres(databaseUrl, { max: 1 });
    const recorded = await sql`select action, outcome, count(*)::int as n from deployments group by 1, 2 order by 1, 2`;
    await sql.end();
    expect(recorded.map((r) => ({ ...r }))).toEqual([
      { action: "deploy", outcome: "live", n: DEPLOYS + 1 },
      { action: "rollback", outcome: "live", n: DEPLOYS / ROLLBACK_EVERY },
    ]);
  }, 600_000);

  it("rejects a release that never becomes ready: traffic stays on the live slot, with no errors", async () => {
    // Stands for a release that starts but never gets ready (say, it cannot reach its
    // database): a real release folder whose server answers /readyz 503 forever.
    const folder = makeRelease("rel-never", path.join(deployRoot, "releases", "rel-a"));
    fs.writeFileSync(
      path.join(folder, "build", "server", "index.js"),
      `import http from "node:http";
http.createServer((req, res) => {
  const ready = req.url !== "/readyz";
  res.writeHead(ready ? 200 : 503, { "content-type": "application/json" });
  res.end(JSON.stringify({ status: ready ? "ok" : "database-unreachable" }));
}).listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
`,
    );
    const live = liveRelease()!;
    load!.phase = "never ready";
    const result = await runScript("deploy", ["--release", "rel-never", "--ready-timeout", "5"]);
    const figures = load!.figures("never ready");
    table.push({ ...figures, action: "deploy", release: live.release, slot: live.slot, seconds: result.seconds.toFixed(1) });
    load!.phase = "after never ready";
    console.log(result.output);

    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/DEPLOY REJECTED: rel-never was not ready within 5 s/);
    expect(result.seconds).toBeLessThan(5 + 20); // the timeout, plus backup, migrations and stopping
    expect(liveRelease()).toEqual(live);
    expect(liveSlotIn(fs.readFileSync(upstreamFile, "utf8"), ports)).toBe(live.slot);
    expect(fs.existsSync(path.join(deployRoot, "run", `${live.slot === "blue" ? "green" : "blue"}.pid`))).toBe(false);
    expect(figures.requests).toBeGreaterThan(50);
    expect(load!.samples.filter((s) => s.phase === "never ready" && s.error)).toEqual([]);
    const healthz = await (await fetch(`${nginxUrl}/readyz`)).json();
    expect(healthz).toMatchObject({ status: "ready" });

    const sql = postgres(databaseUrl, { max: 1 });
    const [rejected] = await sql`select release, outcome, detail from deployments where outcome = 'rejected'`;
    await sql.end();
    expect(rejected).toMatchObject({ release: "rel-never", outcome: "rejected" });
    expect(rejected!.detail).toContain(`traffic stays on ${live.slot}`);
  }, 120_000);

  it("rolls back a release together with the migration it applied", async () => {
    // rel-m: rel-a plus one new (expand-only) migration, with its rollback script.
    const folder = makeRelease("rel-m", path.join(deployRoot, "releases", "rel-a"));
    const tag = "0099_deploy_test";
    fs.writeFileSync(path.join(folder, "drizzle", `${tag}.sql`), `CREATE TABLE "deploy_test_notes" ("id" integer PRIMARY KEY);\n`);
    fs.writeFileSync(path.join(folder, "drizzle", "rollback", `${tag}.sql`), `DROP TABLE "deploy_test_notes";\n`);
    const journalFile = path.join(folder, "drizzle", "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8"));
    journal.entries.push({ idx: journal.entries.length, version: "7", when: Date.now(), tag, breakpoints: true });
    fs.writeFileSync(journalFile, JSON.stringify(journal));

    const before = liveRelease()!;
    const sql = postgres(databaseUrl, { max: 1 });
    const table_ = async () => (await sql`select to_regclass('deploy_test_notes') is not null as present`)[0]!.present;

    const live = await step("deploy", ["--release", "rel-m"], "deploy rel-m");
    expect(live.migrationLevel).toBe(tag);
    expect(await table_()).toBe(true);

    const back = await step("rollback", ["--migrations"], "rollback -m");
    expect(back.release).toBe(before.release);
    expect(back.migrationLevel).toBe(before.migrationLevel);
    expect(await table_()).toBe(false);
    await sql.end();

    // Nothing to take back now: the previous release (rel-m) is ahead, so --migrations refuses.
    const refused = await runScript("rollback", ["--migrations"]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/ROLLBACK REFUSED/);
    expect(liveRelease()).toEqual(back);

    await load!.stop();
    printTable();
    expect(load!.samples.filter((s) => s.error)).toEqual([]);
    expect(load!.samples.filter((s) => s.ms > SLOW_MS)).toEqual([]);
  }, 180_000);

  it("read-only mode under load: writes answered 503 with Retry-After, pages as usual, nothing written, no restart", async () => {
    // The operators' command as on the box, from the live release, against the shared database.
    const live = liveRelease()!;
    const releaseFolder = path.join(deployRoot, "releases", live.release);
    const maintenance = (...args: string[]) =>
      sh(process.execPath, [path.join(releaseFolder, "build", "scripts", "maintenance.js"), ...args], {
        cwd: releaseFolder,
        env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, NODE_ENV: "test", LOG_LEVEL: "warn" },
      });
    const sql = postgres(databaseUrl, { max: 1 });
    // What the load's two form posts write: help feedback rows, and Maria's profile (each save is audited).
    const written = async () =>
      (
        await sql`select (select count(*)::int from help_feedback) as feedback,
                         (select count(*)::int from audit_log where church_id is not null) as church_audit,
                         (select max(updated_at) from members) as last_member_change`
      )[0];
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      load!.phase = "before read-only";
      load!.start();
      await pause(2000);

      const on = await maintenance("read-only", "on", "--reason", "deploy test", "--by", "deploy test");
      expect(on.code, on.output).toBe(0);
      await pause(1000); // requests sent before the switch have finished
      const before = await written();
      load!.phase = "read-only";
      await pause(5000);
      load!.phase = "read-only ending";
      await pause(1000);
      const after = await written();
      const off = await maintenance("read-only", "off", "--by", "deploy test");
      expect(off.code, off.output).toBe(0);
      // Each process notices within its cache time (2 s).
      load!.phase = "read-only switching off";
      await pause(2500);
      load!.phase = "after read-only";
      await pause(3000);
      await load!.stop();

      const during = load!.samples.filter((s) => s.phase === "read-only");
      const reads = during.filter((s) => s.what.startsWith("GET"));
      const writes = during.filter((s) => s.what.startsWith("POST"));
      console.log(`read-only under load: ${reads.length} pages, ${writes.length} form posts in 5 s`);
      expect(reads.length).toBeGreaterThan(40);
      expect(writes.length).toBeGreaterThan(20);
      expect(reads.filter((s) => s.error || (s.status ?? 0) >= 400)).toEqual([]);
      expect(writes.filter((s) => s.status !== 503 || s.retryAfter !== "300")).toEqual([]);
      expect(after).toEqual(before);
      // Switched off without a restart: the same processes take writes again.
      const resumed = load!.samples.filter((s) => s.phase === "after read-only" && s.what.startsWith("POST"));
      expect(resumed.length).toBeGreaterThan(5);
      expect(resumed.filter((s) => s.error)).toEqual([]);
      expect(liveRelease()).toEqual(live);
    } finally {
      await load!.stop();
      await sql.end();
    }
  }, 120_000);
});
