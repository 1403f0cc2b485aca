import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/database";
import { freePort } from "../support/redis";

/**
 * The built server as an operator starts it: `node build/server/index.js`.
 * Requires `npm run build` first (npm test does it).
 */

const entry = path.resolve("build/server/index.js");

interface Started {
  url: string;
  stop(): Promise<number | null>;
  output(): string;
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The child gets its own database, port and origin from `extra`.
    if (value !== undefined && !["DATABASE_URL", "APP_URL", "PORT", "SESSION_SECRET"].includes(key)) env[key] = value;
  }
  return { ...env, NODE_ENV: "test", LOG_LEVEL: "warn", ...extra };
}

/** Run the server until it exits, e.g. for a configuration error. */
function runToExit(extra: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], { env: childEnv(extra) });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stderr }));
    setTimeout(() => child.kill("SIGKILL"), 30_000).unref();
  });
}

async function start(extra: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], { env: childEnv({ PORT: String(port), ...extra }) });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  // Generous: a first start migrates and seeds an embedded database, and in CI it
  // shares two cores with the other test files (some start servers of their own).
  const deadline = Date.now() + 100_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${output}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`server not ready in 100 s: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output: () => output,
    stop() {
      child.kill("SIGTERM");
      // A clean stop takes well under a second; say what the server said if it hangs.
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        console.error(`server did not stop within 20 s:\n${output}`);
      }, 20_000);
      return exited.finally(() => clearTimeout(timer));
    },
  };
}

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("starting the server", () => {
  it("starts on the embedded default, seeds demo data once, keeps it across restarts and stops cleanly", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-start-"));
    dataDirs.push(dataDir);

    const first = await start({ DATA_DIR: dataDir });
    const home = await fetch(`${first.url}/`);
    expect(home.status).toBe(200);
    expect(first.output()).not.toMatch(/error/i);
    expect(await first.stop()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "db"))).toBe(true);

    const { openDatabase } = await import("~/db/client.server");
    const { acrossChurches } = await import("~/db/tenancy.server");
    const { churches, members } = await import("~/db/schema.server");
    const count = async () => {
      const connection = await openDatabase({ dataDir: path.join(dataDir, "db") });
      try {
        return await acrossChurches(
          async (tx) => ({ churches: (await tx.select().from(churches)).length, members: (await tx.select().from(members)).length }),
          connection.db,
        );
      } finally {
        await connection.close();
      }
    };
    const afterFirst = await count();
    expect(afterFirst.churches).toBe(2);
    expect(afterFirst.members).toBeGreaterThan(300);

    const second = await start({ DATA_DIR: dataDir });
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    expect(await second.stop()).toBe(0);
    expect(await count()).toEqual(afterFirst);
  }, 240_000);

  it("exits with one readable line when the database cannot be reached", async () => {
    const { code, stderr } = await runToExit({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/x" });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Database error: cannot reach DATABASE_URL \(postgres 127\.0\.0\.1:1\/x\): /);
  });

  it("refuses to start in production without SESSION_SECRET, naming it", async () => {
    const { code, stderr } = await runToExit({
      NODE_ENV: "production",
      SESSION_SECRET: "",
      COGNITO_DOMAIN: "auth.example.com",
      COGNITO_CLIENT_ID: "client",
      COGNITO_USER_POOL_ID: "ap-southeast-1_example",
      AWS_REGION: "ap-southeast-1",
    });
    expect(code).not.toBe(0);
    expect(stderr.trim()).toBe("Configuration error: SESSION_SECRET is required in production (at least 32 random characters)");
  });

  it("exits with one line for a malformed URL", async () => {
    const { code, stderr } = await runToExit({ DATABASE_URL: "not a url" });
    expect(code).not.toBe(0);
    expect(stderr.trim()).toBe("Configuration error: DATABASE_URL must be a URL starting with postgres:// or postgresql://");
  });

  it.runIf(process.env.DATABASE_URL)("serves the same pages from a PostgreSQL server", async () => {
    const database = await freshDatabase({ migrated: false });
    try {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-pg-start-"));
      dataDirs.push(dataDir);
      const server = await start({ DATABASE_URL: database.url!, DATA_DIR: dataDir });
      const home = await fetch(`${server.url}/`, { headers: { "Accept-Language": "fil" } });
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<html lang="fil"');
      expect(await server.stop()).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
