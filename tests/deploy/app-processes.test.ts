import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresSessionStore } from "~/auth/session-store.server";
import { openDatabase } from "~/db/client.server";
import { seedDemo } from "~/db/seed/demo.server";
import { startNodeServer, type RunningServer } from "../../scripts/bench/support/bench-server";
import { processTree } from "../../scripts/bench/support/cpu-time";

/**
 * WEB_CONCURRENCY=2 (server/workers.ts) on the built server and a real
 * PostgreSQL database: two app processes behind one port, and what must stay
 * one per slot stays one — the sign-in rate limit, /metrics, the minute
 * rollup — while a process that dies is replaced and SIGTERM stops them all.
 * Needs `npm run build` first and PostgreSQL (as blue-green.test.ts).
 */

const serverUrl =
  process.env.DATABASE_URL ??
  (process.env.CI_POSTGRES_URL ? `${process.env.CI_POSTGRES_URL}/postgres` : "postgres://postgres@127.0.0.1:5432/postgres");
const SIGN_IN_LIMIT = 4;
const INSTANCE = "workers-test";

let admin: postgres.Sql;
let databaseName: string;
let database: postgres.Sql;
let server: RunningServer;
let databaseUrl: URL;

beforeAll(async () => {
  admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  databaseName = `kapatiran_test_workers_${crypto.randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${databaseName}`);
  databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${databaseName}`;
  database = postgres(databaseUrl.toString(), { max: 1, onnotice: () => {} });
  server = await startNodeServer(["build/server/index.js"], {
    readyPath: "/readyz",
    env: (baseUrl) => ({
      DATABASE_URL: databaseUrl.toString(),
      APP_URL: baseUrl,
      LOG_LEVEL: "warn",
      SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
      // Never contacted: /auth/login only redirects there.
      COGNITO_DOMAIN: "auth.workers.invalid",
      COGNITO_CLIENT_ID: "workers",
      COGNITO_USER_POOL_ID: "ap-southeast-1_workers",
      AWS_REGION: "ap-southeast-1",
      REDIS_URL: "",
      WEB_CONCURRENCY: "2",
      AUTH_RATE_LIMIT_PER_MINUTE: String(SIGN_IN_LIMIT),
      METRICS_INTERVAL_SECONDS: "1",
      INSTANCE_NAME: INSTANCE,
    }),
  });
  await waitFor(async () => appProcesses().length === 2, "two app processes");
  // Both serving: the primary counts a process in /metrics once it listens (5 connections each, 5 its own).
  await waitFor(async () => /^kapatiran_db_pool_max 15$/m.test((await get("/metrics")).body), "both app processes serving");
});

afterAll(async () => {
  await server?.stop();
  await database?.end();
  await admin?.unsafe(`drop database if exists ${databaseName} with (force)`);
  await admin?.end();
});

/** The app processes: the server's child processes (node:cluster workers). */
const appProcesses = (): number[] => processTree(server.process.pid!).slice(1);

const primaryRunning = () => server.process.exitCode === null && server.process.signalCode === null;

/**
 * A GET on a new connection each time, so the primary hands requests to either
 * process. Given up after 10 s, as nginx gives up on a slow answer: a
 * connection the primary hands over the moment its process is killed may
 * never be answered (node:cluster passes each connection through the primary).
 */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.baseUrl}${path}`, { agent: false, headers: { connection: "close", ...headers } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.setTimeout(10_000, () => request.destroy(new Error(`no answer to GET ${path} within 10 s`)));
    request.on("error", reject);
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (!primaryRunning()) throw new Error(`the primary process ended (${server.process.exitCode ?? server.process.signalCode}) while waiting for ${what}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The sum of a counter's samples in Prometheus text, over the lines matching `labels`. */
function counterTotal(text: string, name: string, labels: RegExp): number {
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) && labels.test(line))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
}

describe("WEB_CONCURRENCY=2", () => {
  it("holds the sign-in rate limit across both processes, and /metrics counts what both served", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT * 3; i++) statuses.push((await get("/auth/login")).status);
    // Each process counting on its own would let twice the limit through.
    expect(statuses.filter((status) => status !== 429)).toHaveLength(SIGN_IN_LIMIT);
    expect(statuses.slice(SIGN_IN_LIMIT).every((status) => status === 429)).toBe(true);

    const scraped = await get("/metrics");
    expect(scraped.status).toBe(200);
    expect(counterTotal(scraped.body, "kapatiran_http_requests_total", /route="\/auth\/login"/)).toBe(SIGN_IN_LIMIT * 3);
    expect(counterTotal(scraped.body, "kapatiran_rate_limited_total", /scope="sign-in"/)).toBe(SIGN_IN_LIMIT * 2);
    // Each process has its own pool of DATABASE_POOL_SIZE (5), and the primary one for its routines.
    expect(scraped.body).toMatch(/^kapatiran_db_pool_max 15$/m);
  });

  it("writes one rollup a minute for the slot, from the figures of both processes", async () => {
    const before = await rolledUp();
    for (let i = 0; i < 6; i++) expect((await get("/help")).status).toBe(200);
    await waitFor(async () => (await rolledUp()) >= before + 6, "the rollup of six more requests");
    const instances = await database<{ instance: string }[]>`select distinct instance from metric_minutes`;
    expect(instances.map((row) => row.instance)).toEqual([INSTANCE]);
  });

  it("refuses a session in both processes the moment it ends elsewhere, though both had it in memory", async () => {
    // The demo churches, and a member's session opened straight in the store (production has no local sign-in).
    const connection = await openDatabase({ url: databaseUrl.toString(), poolSize: 1 });
    let cookie: string;
    try {
      await seedDemo(connection.db);
      const [member] = await database<{ id: string }[]>`select id from users where email = 'member@grace.example'`;
      const token = await new PostgresSessionStore({ idleMinutes: 30, absoluteMinutes: 720 }, connection.db).create(member!.id);
      cookie = `__Host-kapatiran_session=${token}`;
    } finally {
      await connection.close();
    }
    // A dozen pages on new connections: both processes serve some, and keep the session (ADR 014).
    for (let i = 0; i < 12; i++) expect((await get("/directory", { cookie })).status).toBe(200);
    // Ended by neither process: "sign out everywhere" from a third one, as psql or the other slot would.
    await database`delete from sessions`;
    const after: number[] = [];
    for (let i = 0; i < 12; i++) after.push((await get("/directory", { cookie })).status);
    expect(after.every((status) => status >= 300 && status < 400)).toBe(true);
  });

  it("replaces a process that dies, and keeps answering", async () => {
    // Scrapes all along: each /metrics has the primary ask every process, the dying one too.
    let scraping = true;
    const scrapes = (async () => {
      while (scraping) await get("/metrics").catch(() => null);
    })();
    const [victim] = appProcesses();
    process.kill(victim!, "SIGKILL");
    await waitFor(async () => appProcesses().length === 2 && !appProcesses().includes(victim!), "a new app process");
    scraping = false;
    await scrapes;
    for (let i = 0; i < 4; i++) expect((await get("/help")).status).toBe(200);
    expect(primaryRunning()).toBe(true);
  });

  it("stops every process on SIGTERM, cleanly", async () => {
    expect(primaryRunning()).toBe(true);
    const children = appProcesses();
    const exited = new Promise<number | null>((resolve) => server.process.once("exit", (code) => resolve(code)));
    server.process.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(children.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([]);
  });
});

async function rolledUp(): Promise<number> {
  const [row] = await database<{ requests: string | null }[]>`select sum(requests) as requests from metric_minutes where instance = ${INSTANCE}`;
  return Number(row?.requests ?? 0);
}
