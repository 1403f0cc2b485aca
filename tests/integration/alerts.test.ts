// First: points SMTP_URL at a real local SMTP server before any app code reads the environment.
import { inbox, stopSmtp } from "../support/smtp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { alerts, metricMinutes } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { evaluateAlerts } from "~/ops/alerts.server";
import { browse, postForm } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * Alert rules end to end, short of the clock: rollup rows with 10 % server
 * errors for five 1-second intervals, then fine ones, evaluated after each
 * interval as the ticker would → exactly one "fired" e-mail (real SMTP
 * server) and webhook post (a local HTTP receiver, standing in for an SNS
 * HTTPS endpoint), then exactly one "cleared". The fault switch is off here
 * (no ALLOW_FAULT_INJECTION): its page is a 404, and 403 for non-operators.
 */

// Before the app's modules parse the environment (vi.hoisted runs ahead of the imports).
const receiver = await vi.hoisted(async () => {
  const http = await import("node:http");
  const posts: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      posts.push({ path: req.url, contentType: req.headers["content-type"], body: JSON.parse(body) as unknown });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  process.env.OPS_ALERT_EMAILS = "oncall@ops.kapatiran.test, second@ops.kapatiran.test";
  process.env.ALERT_WEBHOOK_URL = `http://127.0.0.1:${port}/sns/alerts`;
  process.env.METRICS_INTERVAL_SECONDS = "1";
  return { server, posts };
});

let server: TestServer;
const INTERVAL = 1000;
// Whole seconds in the recent past, like the ticker's intervals.
const start = Math.floor((Date.now() - 10 * 60_000) / INTERVAL) * INTERVAL;
const at = (i: number) => new Date(start + i * INTERVAL);

const across = <T>(work: Parameters<typeof acrossChurches<T>>[0]) => acrossChurches(work, server.database.db);

async function interval(i: number, errors: number) {
  await across((tx) =>
    tx.insert(metricMinutes).values({
      minute: at(i),
      instance: "blue",
      requests: 100,
      errors,
      latency: { count: 100, sum: 4_000, buckets: { "50": 100 } },
      cpuPercent: 12,
      memoryPercent: 40,
      diskPercent: 30,
    }),
  );
  // The tick right after the interval ends.
  return evaluateAlerts(new Date(at(i + 1).getTime() + 50));
}

const alertMails = () => inbox.filter((mail) => mail.to.includes("oncall@ops.kapatiran.test"));

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
});
afterAll(async () => {
  await server.close();
  await stopSmtp();
  await new Promise((resolve) => receiver.server.close(resolve));
});

describe("alert rules", () => {
  it("fires once on the third breaching interval and clears once after three fine ones", async () => {
    const changes: string[] = [];
    for (let i = 0; i < 5; i++) {
      for (const change of await interval(i, 10)) changes.push(`${change.rule} ${change.state} @${i}`);
    }
    for (let i = 5; i < 12; i++) {
      for (const change of await interval(i, 0)) changes.push(`${change.rule} ${change.state} @${i}`);
    }
    expect(changes).toEqual(["error_rate fired @2", "error_rate cleared @7"]);

    const rows = await across((tx) => tx.select().from(alerts));
    expect(rows).toHaveLength(1);
    const [alert] = rows;
    expect(alert).toMatchObject({ rule: "error_rate", value: 10, threshold: 5 });
    expect(alert!.startedAt.getTime()).toBe(at(3).getTime() + 50);
    expect(alert!.clearedAt?.getTime()).toBe(at(8).getTime() + 50);
    expect(alert!.notified).toEqual({ started: ["email", "webhook"], cleared: ["email", "webhook"] });

    // One message per state to each operator, nothing more.
    const mails = alertMails();
    expect(mails).toHaveLength(2);
    expect(inbox.filter((mail) => mail.to.includes("second@ops.kapatiran.test"))).toHaveLength(2);
    const [fired, cleared] = mails;
    expect(fired!.decoded).toMatch(/Subject: \[Kapatiran ops\] FIRING: error_rate \(10 %\)/);
    expect(fired!.decoded).toContain("Threshold: 5 %");
    expect(fired!.decoded).toContain(`${process.env.APP_URL}/platform/ops`);
    expect(fired!.decoded).toContain("docs/runbooks/error-rate.md");
    expect(cleared!.decoded).toMatch(/Subject: \[Kapatiran ops\] cleared: error_rate/);
    expect(cleared!.decoded).toContain("Cleared: ");

    expect(receiver.posts).toHaveLength(2);
    expect(receiver.posts).toEqual([
      expect.objectContaining({
        path: "/sns/alerts",
        contentType: "application/json",
        body: expect.objectContaining({ rule: "error_rate", state: "fired", value: 10, threshold: 5, unit: "percent" }),
      }),
      expect.objectContaining({
        body: expect.objectContaining({ rule: "error_rate", state: "cleared", id: alert!.id, runbook: "docs/runbooks/error-rate.md" }),
      }),
    ]);

    // Quiet afterwards: more fine intervals change nothing.
    for (let i = 12; i < 15; i++) expect(await interval(i, 0)).toEqual([]);
    expect(alertMails()).toHaveLength(2);
  });

  it("never judges the error rate of nearly idle intervals", async () => {
    for (let i = 20; i < 26; i++) {
      await across((tx) =>
        tx.insert(metricMinutes).values({
          minute: at(i),
          instance: "green",
          requests: 2,
          errors: 2,
          latency: { count: 2, sum: 10, buckets: { "5": 2 } },
        }),
      );
      expect(await evaluateAlerts(new Date(at(i + 1).getTime() + 50))).toEqual([]);
    }
  });

  it("records a notification failure instead of throwing", async () => {
    receiver.server.removeAllListeners("request");
    receiver.server.on("request", (_req, res) => res.writeHead(503).end());
    const before = inbox.length;
    const changes: Awaited<ReturnType<typeof evaluateAlerts>> = [];
    for (let i = 30; i < 33; i++) changes.push(...(await interval(i, 50)));
    expect(changes.map((change) => change.state)).toEqual(["fired"]);
    const [open] = await across((tx) => tx.select().from(alerts).where(eq(alerts.id, changes[0]!.id)));
    expect(open!.notified).toEqual({ started: ["email"] });
    expect(inbox.length).toBe(before + 2);
  });
});

describe("fault switch, switched off", () => {
  it("is a 404 for operators and a 403 for a church administrator", async () => {
    const ops = await signedInJar(server.url, "ops@kapatiran.example");
    const admin = await signedInJar(server.url, "admin@grace.example");
    expect((await browse(ops, `${server.url}/platform/ops/faults`)).status).toBe(404);
    const post = await postForm(ops, `${server.url}/platform/ops/faults`, { pathPrefix: "/", percent: "100", minutes: "5" });
    expect(post.status).toBe(404);
    expect((await browse(admin, `${server.url}/platform/ops/faults`)).status).toBe(403);
    // Nothing fails: the switch is not even mounted.
    expect((await browse(ops, `${server.url}/help`)).status).toBe(200);
    const dashboard = await (await browse(ops, `${server.url}/platform/ops`)).text();
    expect(dashboard).not.toContain("/platform/ops/faults");
  });
});
