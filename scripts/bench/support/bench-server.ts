/**
 * What every benchmark needs: a PostgreSQL database holding a 10,000-member
 * church, the production build started against it, and a signed-in session.
 *
 * Production mode matters: React renders several times faster than in
 * development. Production refuses the local sign-in provider, so a benchmark
 * opens its session directly in the session store, as a sign-in would.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { PostgresSessionStore } from "~/auth/session-store.server";
import { processTree } from "./cpu-time";
import { openDatabase } from "~/db/client.server";
import { users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { freePort } from "../../support/options";

export const BIG_CHURCH_ADMIN = "admin@big.example";
export const SESSION_COOKIE = "__Host-kapatiran_session";

/**
 * The database at `url`, created if missing, migrated and seeded with the demo
 * churches and a church of `members` members (slug `big`) unless it already holds one.
 * Seeding 10,000 members takes about a minute; later runs reuse the database.
 */
export async function prepareBenchDatabase(url: string, members = 10_000): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const [found] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!found) await sql.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await sql.end();
  }
  if (await hasUser(url, BIG_CHURCH_ADMIN)) return;
  const seed = (args: string[]) =>
    execFileSync("npx", ["tsx", "scripts/seed.ts", ...args], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  console.log(`Seeding ${name}: demo churches and a church of ${members} members (once; later runs reuse it)…`);
  seed([]);
  seed(["--members", String(members)]);
}

async function hasUser(url: string, email: string): Promise<boolean> {
  const connection = await openDatabase({ url });
  try {
    const found = await acrossChurches((tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)), connection.db);
    return found.length > 0;
  } catch {
    return false; // not migrated yet
  } finally {
    await connection.close();
  }
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  /** Highest resident memory the server reached so far, in bytes (Linux VmHWM). */
  peakMemoryBytes(): number;
  stop(): Promise<void>;
}

/**
 * The built server (`npm run build` first) in production mode on `databaseUrl`,
 * on a free loopback port, ready to answer. `env` adds or overrides variables;
 * `nodeFlags` go to node (say `--cpu-prof`).
 */
export function startProductionServer(
  databaseUrl: string,
  options: { env?: Record<string, string>; nodeFlags?: string[] } = {},
): Promise<RunningServer> {
  return startNodeServer(["build/server/index.js"], {
    nodeFlags: options.nodeFlags,
    readyPath: "/readyz",
    env: (baseUrl) => ({
      DATABASE_URL: databaseUrl,
      APP_URL: baseUrl,
      LOG_LEVEL: "warn",
      SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
      // Never contacted: sessions are opened in the store, not through sign-in.
      COGNITO_DOMAIN: "auth.bench.invalid",
      COGNITO_CLIENT_ID: "bench",
      COGNITO_USER_POOL_ID: "ap-southeast-1_bench",
      AWS_REGION: "ap-southeast-1",
      // No Redis unless asked: sessions in PostgreSQL, where openSession writes them.
      REDIS_URL: "",
      ...options.env,
    }),
  });
}

/**
 * `node [nodeFlags] args…` as its own process in production mode, told its
 * free loopback port in PORT, once `readyPath` answers 200. Its own process so
 * the load generator and the server never share a JavaScript thread.
 */
export async function startNodeServer(
  args: string[],
  options: { env?: (baseUrl: string) => Record<string, string>; nodeFlags?: string[]; readyPath: string },
): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...args], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...options.env?.(baseUrl) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const server: RunningServer = {
    baseUrl,
    process: child,
    peakMemoryBytes: () => peakResidentBytes(child.pid),
    stop: () => stopProcess(child),
  };
  try {
    await waitUntilReady(child, `${baseUrl}${options.readyPath}`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** A session for `email` straight in the store; the value of the production session cookie. */
export async function openSession(databaseUrl: string, email = BIG_CHURCH_ADMIN): Promise<string> {
  const connection = await openDatabase({ url: databaseUrl });
  try {
    const [user] = await acrossChurches((tx) => tx.select().from(users).where(eq(users.email, email)), connection.db);
    if (!user) throw new Error(`no user ${email} (is the large church seeded? npm run seed -- --members 10000)`);
    // Long enough for any benchmark run; the store ends it like any other session.
    return await new PostgresSessionStore({ idleMinutes: 120, absoluteMinutes: 240 }, connection.db).create(user.id);
  } finally {
    await connection.close();
  }
}

/** The Cookie header that carries `token` as the production session cookie. */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}`;
}

/** The highest resident memory each of the server's processes reached so far (VmHWM), added up. */
export function peakResidentBytes(pid: number | undefined): number {
  if (!pid) return 0;
  return processTree(pid).reduce((total, member) => {
    try {
      const status = fs.readFileSync(`/proc/${member}/status`, "utf8");
      return total + Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      return total;
    }
  }, 0);
}

async function waitUntilReady(child: ChildProcess, readyUrl: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the server exited; see its output above");
    if (await fetch(readyUrl).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server was not ready within 60 s");
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
