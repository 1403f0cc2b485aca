import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/redis";

/**
 * The built server, started as the deploy starts it (RELEASE set), says which
 * release, commit and build it is: in its "Kapatiran is listening" log line and
 * at /healthz. The commit and build time come from build/build-info.json,
 * written by `npm run build`.
 */

const built = JSON.parse(fs.readFileSync("build/build-info.json", "utf8")) as { commit: string; builtAt: string };
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("build information", () => {
  it("is logged at start and shown at /healthz, with the deploy's RELEASE", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-build-info-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    // A server database when DATABASE_URL is set (quick); else the embedded one in dataDir.
    let database: TestDatabase | undefined;
    if (process.env.DATABASE_URL) {
      database = await freshDatabase({ migrated: false });
      cleanups.push(() => database!.drop());
    }
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", LOG_LEVEL: "info", PORT: String(port) };
    delete env.APP_URL;
    delete env.DATABASE_URL;
    Object.assign(env, { DATA_DIR: dataDir, RELEASE: "2026.11.28-hotfix", ...(database ? { DATABASE_URL: database.url } : {}) });

    const child = spawn(process.execPath, ["build/server/index.js"], { env });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    });
    let output = "";
    const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Kapatiran is listening" in 100 s:\n${output}`)), 100_000);
      child.stdout.on("data", (chunk) => {
        output += chunk;
        const line = output.split("\n").find((text) => text.includes('"msg":"Kapatiran is listening"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as Record<string, unknown>);
        }
      });
      child.on("exit", () => reject(new Error(`server exited: ${output}`)));
    });
    const expected = { release: "2026.11.28-hotfix", commit: built.commit, builtAt: built.builtAt };
    expect(listening).toMatchObject(expected);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", ...expected });
  }, 120_000);
});
