import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { decodeQuotedPrintable } from "../support/quoted-printable";

/**
 * What the forum's end-to-end specs share (tests/e2e/forum*.spec.ts).
 *
 * The servers playwright.config.ts starts have no SMTP_URL (their e-mail is
 * logged), and the forum's checks need the e-mail itself. So a forum spec
 * starts a server of its own: the same build on its embedded default with a
 * fresh data folder (the demo seed runs), SMTP_URL pointing at a real
 * smtp-server in this process that keeps what arrives. Its ports follow
 * E2E_PORT (+2 for the app, +3 for SMTP), so parallel runs with their own
 * E2E_PORT never collide. Its output goes to KAPATIRAN_E2E_LOGS like the
 * others', so global-teardown.ts checks it for e-mail addresses too.
 */

export interface ReceivedMail {
  to: string[];
  /** The message as sent, headers and all, quoted-printable undone. */
  text: string;
}

export interface ForumServer {
  baseURL: string;
  inbox: ReceivedMail[];
  /** Every message to `address` so far. */
  mailsTo(address: string): ReceivedMail[];
  close(): Promise<void>;
}

const basePort = Number(process.env.E2E_PORT ?? 3107);


async function startSmtp(port: number, inbox: ReceivedMail[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), text: decodeQuotedPrintable(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the forum test server stopped; see ${logFile}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the forum test server was not ready in two minutes; see ${logFile}`);
}

/** Start the built app with mail captured; call close() in afterAll. */
export async function startForumServer(): Promise<ForumServer> {
  const port = basePort + 2;
  const smtpPort = basePort + 3;
  const inbox: ReceivedMail[] = [];
  const smtp = await startSmtp(smtpPort, inbox);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-e2e-forum-"));
  const logs = process.env.KAPATIRAN_E2E_LOGS ?? fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-e2e-logs-"));
  const logFile = path.join(logs, `server-${port}-forum.log`);
  const out = fs.openSync(logFile, "a");
  const baseURL = `http://localhost:${port}`;
  const child = spawn("node", ["build/server/index.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      APP_URL: baseURL,
      AUTH_RATE_LIMIT_PER_MINUTE: "600",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Kapatiran <no-reply@kapatiran.test>",
    },
    stdio: ["ignore", out, out],
  });
  try {
    await waitUntilReady(baseURL, child, logFile);
  } catch (error) {
    child.kill();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  return {
    baseURL,
    inbox,
    mailsTo: (address) => inbox.filter((mail) => mail.to.includes(address)),
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      fs.closeSync(out);
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Sign in on the forum server as a person would (the local identity
 * provider's page: Email, Continue). `page` must belong to a context whose
 * baseURL is the forum server's.
 */
export async function signInAt(page: Page, email: string) {
  await page.goto("/auth/login");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign in with Google");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}
