import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end in real Chromium (Debian's; Playwright cannot download its own
 * here) against the built app on its embedded default, in a throwaway data
 * folder so the demo seed runs fresh every time.
 */
const port = Number(process.env.E2E_PORT ?? 3107);
// Workers load this file again; the env vars make them agree on the folders.
process.env.KAPATIRAN_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-e2e-"));
process.env.KAPATIRAN_E2E_DATA_2 ??= fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-e2e-"));
// Each server's whole output, checked by tests/e2e/global-teardown.ts for e-mail addresses.
process.env.KAPATIRAN_E2E_LOGS ??= fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-e2e-logs-"));
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The built app on its embedded default, in a throwaway data folder. */
function server(serverPort: number, dataDir: string) {
  // At info level, one line per request: if a server will not start, its reason is in this file.
  const logFile = path.join(process.env.KAPATIRAN_E2E_LOGS!, `server-${serverPort}.log`);
  return {
    command: `node build/server/index.js > ${logFile} 2>&1`,
    url: `http://localhost:${serverPort}/readyz`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "ignore" as const,
    env: {
      PORT: String(serverPort),
      DATA_DIR: dataDir,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      APP_URL: `http://localhost:${serverPort}`,
      AUTH_RATE_LIMIT_PER_MINUTE: "600",
    },
  };
}
const chrome = { ...devices["Desktop Chrome"], channel: undefined };

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? "list" : "line",
  // Generous: CI shares two cores with the server and Chromium, and axe over a
  // long page takes seconds there. These tests check behaviour, never speed.
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /privacy-walkthrough/, use: chrome },
    // Erases a demo account and publishes a policy version: a server and database of its own.
    {
      name: "privacy-walkthrough",
      testMatch: /privacy-walkthrough\.spec\.ts/,
      use: { ...chrome, baseURL: `http://localhost:${port + 1}` },
    },
  ],
  webServer: [server(port, process.env.KAPATIRAN_E2E_DATA), server(port + 1, process.env.KAPATIRAN_E2E_DATA_2)],
});
