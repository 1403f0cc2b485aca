import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "~/auth/session.server";
import { freshDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/redis";
import { browse, CookieJar } from "../support/browser";
import { signIn, signedInJar } from "../support/sign-in";

/**
 * The built server as an operator runs it (`node build/server/index.js`, run
 * `npm run build` first), at LOG_LEVEL=debug so database queries are logged
 * too, driven through real flows. Then its whole output is read back: one
 * line per request with a route pattern and ids, the security events, and
 * not one e-mail address or session token anywhere.
 */

const entry = path.resolve("build/server/index.js");
let url: string;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const AUTH_LIMIT = 40;

let child: ChildProcess;
let output = "";
let dataDir: string;
let database: TestDatabase | undefined;

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-logs-"));
  const extra: Record<string, string> = {};
  if (process.env.DATABASE_URL) {
    // On the PostgreSQL run: a database of its own, seeded with the demo at start.
    database = await freshDatabase();
    extra.DATABASE_URL = database.url!;
    extra.SEED_DEMO = "true";
  }
  // No REDIS_URL: the sign-in rate limit would share its count with other runs from this address.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value !== undefined &&
      !["DATABASE_URL", "APP_URL", "PORT", "SESSION_SECRET", "SMTP_URL", "REDIS_URL"].includes(key)
    )
      env[key] = value;
  }
  child = spawn(process.execPath, [entry], {
    env: {
      ...env,
      NODE_ENV: "test",
      LOG_LEVEL: "debug",
      PORT: String(port),
      APP_URL: url,
      DATA_DIR: dataDir,
      AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT),
      ...extra,
    },
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${output}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`server not ready in 90 s: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
}, 60_000);

interface Line {
  level: number;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}

function lines(): Line[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Line);
}

/** Give the server a moment to write the access lines of the last responses. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("structured logs of the built server", () => {
  it("logs requests by route pattern with ids, security events, and never an e-mail address or session token", async () => {
    // A member signs in and browses the directory and one person in it.
    const jar = await signedInJar(url, "admin@grace.example");
    const sessionToken = jar.get(SESSION_COOKIE)!;
    expect(sessionToken).toBeTruthy();
    const directory = await browse(jar, `${url}/directory`);
    expect(directory.status).toBe(200);
    const memberId = /href="\/directory\/([0-9a-f-]{36})"/.exec(await directory.text())?.[1];
    expect((await browse(jar, `${url}/directory?q=Cristina`)).status).toBe(200);
    expect(memberId, "a member link on the directory page").toBeTruthy();
    expect((await browse(jar, `${url}/directory/${memberId}`)).status).toBe(200);

    // Someone without an invitation is refused at sign-in.
    const refused = await signIn(url, "stranger@nowhere.example");
    expect(refused.finished.status).toBe(403);

    // A member asks for an administrator's page.
    const member = await signedInJar(url, "member@grace.example");
    expect((await browse(member, `${url}/admin/members`)).status).toBe(403);

    // Too many sign-in attempts from one address.
    let limited = 0;
    for (let i = 0; i < AUTH_LIMIT && limited === 0; i++) {
      if ((await browse(new CookieJar(), `${url}/auth/login`)).status === 429) limited++;
    }
    expect(limited).toBe(1);
    await settle();

    const all = lines();
    const requests = all.filter((line) => line.msg === "request");
    for (const line of requests) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(["requestId", "method", "route", "status", "durationMs", "churchId", "userId"]),
      );
      expect(line).not.toHaveProperty("path");
      expect(String(line.route)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // a pattern, never an id
    }

    const memberPage = requests.find((line) => line.route === "/directory/:memberId" && line.status === 200);
    expect(memberPage, "the member page's access line").toBeDefined();
    expect(memberPage!.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(memberPage!.churchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests.find((line) => line.route === "/directory")?.userId).toBe(memberPage!.userId);
    expect(requests.some((line) => line.route === "/auth/login" && line.userId === null)).toBe(true);
    expect(requests.some((line) => line.route === "oidc")).toBe(true);

    // The request id reaches the database query log and the call to the identity provider.
    const memberQueries = all.filter((line) => line.event === "db_query" && line.requestId === memberPage!.requestId);
    expect(memberQueries.length).toBeGreaterThan(0);
    for (const query of memberQueries) expect(Object.keys(query)).not.toContain("params");
    const callbacks = requests.filter((line) => line.route === "/auth/callback");
    const tokenCalls = requests.filter((line) => line.route === "oidc" && line.method === "POST");
    expect(callbacks.length).toBeGreaterThan(0);
    expect(tokenCalls.map((line) => line.requestId)).toEqual(expect.arrayContaining([callbacks[0]!.requestId]));

    const security = all.filter((line) => line.security === true);
    const refusal = security.find((line) => line.event === "sign_in_refused");
    expect(refusal).toMatchObject({ reason: "uninvited", level: 40 });
    expect(refusal!.requestId).toBe(callbacks.find((line) => line.status === 403)?.requestId);
    expect(security.find((line) => line.event === "permission_denied")).toMatchObject({
      path: "/admin/members",
      permission: expect.any(String),
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(security.find((line) => line.event === "rate_limited")).toMatchObject({
      scope: "sign-in",
      path: "/auth/login",
    });

    // Nothing personal or secret in any line: no e-mail address, no session token, no query string.
    for (const line of output.split("\n")) {
      expect(line, "a log line with an e-mail address").not.toMatch(EMAIL);
      expect(line.includes(sessionToken), "a log line with the session token").toBe(false);
      expect(line.includes("Cristina"), "a log line with the directory search").toBe(false);
    }
  }, 120_000);
});
