import { vi } from "vitest";

// Before any app module reads the environment (env.server.ts parses it once).
const settings = vi.hoisted(() => {
  const previous = { METRICS_TOKEN: process.env.METRICS_TOKEN, EMF_FILE: process.env.EMF_FILE };
  process.env.METRICS_TOKEN = "metrics-test-token-7f3a9c";
  process.env.EMF_FILE = "off";
  return { token: process.env.METRICS_TOKEN, previous };
});

import parsePrometheusTextFormat, { type PrometheusFamily } from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { churches, invitations, roles, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { forgetBusinessFigures } from "~/ops/business-figures.server";
import { takeMinute } from "~/ops/minute-recorder.server";
import { saveMinute } from "~/ops/rollups.server";
import { browse } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * /metrics as a scraper sees it, over real HTTP: guarded by METRICS_TOKEN,
 * parsed by a real Prometheus text parser, with the families issue 8 asks for
 * and values that follow the traffic just sent.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
});
afterAll(async () => {
  await server?.close();
  for (const [key, value] of Object.entries(settings.previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const scrape = (headers: Record<string, string> = {}) => fetch(`${server.url}/metrics`, { headers });
const withToken = { Authorization: `Bearer ${settings.token}` };

let lastText = "";

async function families(): Promise<Map<string, PrometheusFamily>> {
  const response = await scrape(withToken);
  expect(response.status).toBe(200);
  lastText = await response.text();
  // Throws on any line that is not valid exposition format.
  const parsed = parsePrometheusTextFormat(lastText);
  return new Map(parsed.map((family) => [family.name, family]));
}

/** One sample line of the last scrape, read directly (the parser folds labelled histograms into one). */
function sampleLine(name: string, labels: string): number {
  const line = lastText.split("\n").find((l) => l.startsWith(`${name}{${labels}}`));
  expect(line, `${name}{${labels}}`).toBeDefined();
  return Number(line!.split(" ").at(-1));
}

function value(family: PrometheusFamily | undefined, labels: Record<string, string> = {}): number {
  expect(family, "metric family present").toBeDefined();
  const sample = family!.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  expect(sample, `sample ${family!.name} ${JSON.stringify(labels)}`).toBeDefined();
  return Number(sample!.value ?? sample!.count);
}

describe("/metrics with METRICS_TOKEN set", () => {
  it("is refused without the token, from a proxy or the box itself, and with a wrong one", async () => {
    expect((await scrape({ "X-Forwarded-For": "203.0.113.5" })).status).toBe(404);
    expect((await scrape()).status).toBe(404);
    expect((await scrape({ Authorization: "Bearer wrong-token-000000000000" })).status).toBe(404);
  });

  it("answers with the token, even through a proxy", async () => {
    const response = await scrape({ ...withToken, "X-Forwarded-For": "203.0.113.5" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain;.*version=0\.0\.4/);
  });
});

describe("/metrics content", () => {
  it("parses as Prometheus text and carries process, database, disk, traffic and business figures", async () => {
    // Traffic: a signed-in person using the directory and the help center.
    const jar = await signedInJar(server.url, "admin@grace.example");
    for (const path of ["/directory", "/help", "/me"]) {
      const page = await browse(jar, `${server.url}${path}`);
      expect(page.status).toBe(200);
      await page.text(); // the access log counts a request once its response has finished
    }
    // Invitations: two sent in the last 30 days, one of them accepted; one sent long ago.
    await acrossChurches(async (tx) => {
      const [church] = await tx.select().from(churches).limit(1);
      const [role] = await tx.select().from(roles).limit(1);
      const [someone] = await tx.select().from(users).limit(1);
      const invitation = { churchId: church!.id, roleId: role!.id, expiresAt: new Date(Date.now() + 86_400_000) };
      await tx.insert(invitations).values([
        { ...invitation, email: "new@invitee.example" },
        { ...invitation, email: "joined@invitee.example", acceptedAt: new Date(), acceptedBy: someone!.id },
        { ...invitation, email: "old@invitee.example", createdAt: new Date(Date.now() - 40 * 86_400_000) },
      ]);
    }, server.database.db);
    // The rollup writes today's activity (active users come from activity_days).
    await saveMinute(takeMinute(), "metrics-test");
    forgetBusinessFigures();

    const all = await families();
    // Process CPU and memory, event-loop delay (prom-client's default metrics).
    expect(value(all.get("kapatiran_process_cpu_seconds_total"))).toBeGreaterThan(0);
    expect(value(all.get("kapatiran_process_resident_memory_bytes"))).toBeGreaterThan(10_000_000);
    expect(value(all.get("kapatiran_nodejs_eventloop_lag_p99_seconds"))).toBeGreaterThanOrEqual(0);
    expect(all.get("kapatiran_nodejs_eventloop_lag_seconds")?.type).toBe("GAUGE");

    // Per route: requests, latency histogram (errors exist as a family, none happened).
    expect(value(all.get("kapatiran_http_requests_total"), { route: "/directory", status: "200", method: "GET" })).toBeGreaterThanOrEqual(1);
    const latency = all.get("kapatiran_http_request_duration_seconds");
    expect(latency?.type).toBe("HISTOGRAM");
    const directory = 'method="GET",route="/directory"';
    expect(sampleLine("kapatiran_http_request_duration_seconds_count", directory)).toBeGreaterThanOrEqual(1);
    expect(sampleLine("kapatiran_http_request_duration_seconds_bucket", `le="+Inf",${directory}`)).toBeGreaterThanOrEqual(1);
    expect(all.get("kapatiran_http_errors_total")?.type).toBe("COUNTER");

    // Database pool use.
    expect(value(all.get("kapatiran_db_pool_max"))).toBeGreaterThanOrEqual(1);
    expect(value(all.get("kapatiran_db_transactions_in_flight"))).toBeGreaterThanOrEqual(0);

    // Disk of the data and upload folders, and the box's memory.
    for (const directory of ["data", "uploads"]) {
      expect(value(all.get("kapatiran_disk_free_bytes"), { directory })).toBeGreaterThan(0);
      const used = value(all.get("kapatiran_disk_used_percent"), { directory });
      expect(used).toBeGreaterThan(0);
      expect(used).toBeLessThanOrEqual(100);
    }
    const memory = value(all.get("kapatiran_system_memory_used_percent"));
    expect(memory).toBeGreaterThan(0);
    expect(memory).toBeLessThan(100);
    expect(all.get("kapatiran_system_cpu_percent")?.type).toBe("GAUGE");

    // Security counters exist for the alert rules and dashboards to read.
    expect(all.get("kapatiran_sign_in_failures_total")?.type).toBe("COUNTER");
    expect(all.get("kapatiran_rate_limited_total")?.type).toBe("COUNTER");

    // Business figures.
    expect(value(all.get("kapatiran_active_sessions"))).toBeGreaterThanOrEqual(1);
    expect(value(all.get("kapatiran_active_users"), { period: "day" })).toBe(1);
    expect(value(all.get("kapatiran_active_users"), { period: "month" })).toBe(1);
    expect(value(all.get("kapatiran_invitations_last_30_days"), { state: "sent" })).toBe(2);
    expect(value(all.get("kapatiran_invitations_last_30_days"), { state: "accepted" })).toBe(1);
    expect(value(all.get("kapatiran_feature_use_total"), { area: "directory" })).toBeGreaterThanOrEqual(1);
    expect(value(all.get("kapatiran_feature_use_total"), { area: "help" })).toBeGreaterThanOrEqual(1);
    expect(value(all.get("kapatiran_feature_use_total"), { area: "auth" })).toBeGreaterThanOrEqual(1);
  });

  it("keeps database figures for a minute: a burst of scrapes is not a burst of queries", async () => {
    const before = value((await families()).get("kapatiran_active_sessions"));
    await signedInJar(server.url, "member@grace.example");
    expect(value((await families()).get("kapatiran_active_sessions"))).toBe(before);
    forgetBusinessFigures();
    // At least: with a shared Redis, other test files' sessions count too.
    expect(value((await families()).get("kapatiran_active_sessions"))).toBeGreaterThanOrEqual(before + 1);
  });
});
