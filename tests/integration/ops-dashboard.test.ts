import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, clientErrors, metricMinutes } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, CookieJar, type CookieJar as Jar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * The operations dashboard over real HTTP: a platform administrator sees the
 * stored minute rollups as SVG charts and totals that add up to the rows
 * inserted here (the figures a load test is compared with), the browsers'
 * errors and the alerts; nobody else gets in.
 */

let server: TestServer;
let ops: Jar;
const MINUTE = 60_000;
const now = Date.now();
// Half a minute off the boundaries, so a slow test run does not move a row across one.
const minuteAgo = (n: number) => new Date(now - n * MINUTE - 30_000);

const page = async (jar: Jar, path: string) => {
  const response = await browse(jar, `${server.url}${path}`);
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
};
const figure = (html: string, totals: string, name: string) => {
  const block = html.slice(html.indexOf(`data-totals="${totals}"`));
  return block.match(new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`))?.[1];
};

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  await acrossChurches(async (tx) => {
    // Ten busy minutes, 2 requests a second, 5 % errors; latency 1000 × ≤50 ms and 200 × ≤250 ms.
    for (let n = 1; n <= 10; n++) {
      await tx.insert(metricMinutes).values({
        minute: minuteAgo(n),
        instance: "blue",
        requests: 120,
        errors: 6,
        latency: { count: 120, sum: 12_000, buckets: { "50": 100, "250": 20 } },
        cpuPercent: 35,
        memoryPercent: 60,
        diskPercent: 42,
        activeUsers: 3,
        vitals: { lcp: { count: 4, sum: 6_000, buckets: { "1500": 4 } } },
      });
    }
    // Two days ago: in the week only.
    await tx.insert(metricMinutes).values({
      minute: new Date(now - 2 * 24 * 60 * MINUTE),
      instance: "blue",
      requests: 600,
      errors: 0,
      latency: { count: 600, sum: 6_000, buckets: { "10": 600 } },
    });
    await tx.insert(clientErrors).values({
      fingerprint: "abc123",
      message: `TypeError: cannot read properties of undefined ${"x".repeat(300)}`,
      route: "/directory",
      release: "test",
      count: 7,
    });
    await tx.insert(alerts).values([
      { rule: "error_rate", value: 12.5, threshold: 5, startedAt: minuteAgo(6) },
      { rule: "cpu", value: 91, threshold: 80, startedAt: minuteAgo(40), clearedAt: minuteAgo(30) },
    ]);
  }, server.database.db);
  ops = await signedInJar(server.url, "ops@kapatiran.example");
});
afterAll(async () => {
  await server.close();
});

describe("operations dashboard", () => {
  it("shows the last hour's totals as the rollups add up", async () => {
    const { status, html } = await page(ops, "/platform/ops");
    expect(status).toBe(200);
    expect(figure(html, "window", "requests")).toBe("1,200");
    // 1200 requests over ten minutes with traffic.
    expect(figure(html, "window", "requestsPerSecond")).toBe("2");
    expect(figure(html, "window", "averageMs")).toBe("100 ms");
    // Rank 1140 of 1200: 140 of the 200 in the bucket above 100 ms and up to 250 ms (the bounds
    // the latency histogram is kept with), interpolated as Prometheus's histogram_quantile does.
    expect(figure(html, "window", "p95Ms")).toBe("205 ms");
    expect(figure(html, "window", "errorRate")).toBe("5 %");
    expect(figure(html, "window", "errors")).toBe("60");
    // Unformatted too, for scripts/ops-drill.ts.
    expect(html).toMatch(/data-figure="requests" data-value="1200"/);
    expect(html).toMatch(/data-figure="averageMs" data-value="100"/);
    // The last five minutes alone: the rows stamped 1½ to 4½ minutes ago.
    expect(figure(html, "recent", "requests")).toBe("480");
    expect(figure(html, "recent", "requestsPerSecond")).toBe("2");
  });

  it("draws the charts as SVG, without chart JavaScript", async () => {
    const { html } = await page(ops, "/platform/ops?window=hour");
    const charts = html.match(/<svg viewBox="0 0 600 220"[^>]*role="img"/g) ?? [];
    expect(charts).toHaveLength(6);
    expect(html).toContain("<title>Requests per minute</title>");
    expect(html).toContain("<title>Page load in browsers</title>");
    expect(html).toContain("<polyline");
    // Requests per minute in the figures table; LCP p75 interpolated inside the 1000–1500 ms bucket.
    expect(html).toMatch(/<td class="pr-3 tabular-nums">120<\/td>/);
    expect(html).toMatch(/<td class="pr-3 tabular-nums">1,375 ms<\/td>/);
    expect(html).toContain('aria-current="page" class="inline-block');
  });

  it("lists the alerts, open first, with runbooks, and the top browser errors, shortened", async () => {
    const { html } = await page(ops, "/platform/ops");
    const open = html.indexOf('data-alert="error_rate" data-state="open"');
    const cleared = html.indexOf('data-alert="cpu" data-state="cleared"');
    expect(open).toBeGreaterThan(-1);
    expect(cleared).toBeGreaterThan(open);
    expect(html).toContain("docs/runbooks/error-rate.md");
    expect(html).toContain("TypeError: cannot read properties of undefined");
    expect(html).not.toContain("x".repeat(200));
    expect(html).toContain("…");
  });

  it("widens to a day and a week", async () => {
    const day = await page(ops, "/platform/ops?window=day");
    expect(figure(day.html, "window", "requests")).toBe("1,200");
    const week = await page(ops, "/platform/ops?window=week");
    expect(figure(week.html, "window", "requests")).toBe("1,800");
    expect(figure(week.html, "window", "requestsPerSecond")).toBe("2.73");
    // Nonsense falls back to the hour.
    const odd = await page(ops, "/platform/ops?window=year");
    expect(figure(odd.html, "window", "requests")).toBe("1,200");
  });

  it("says so when there is nothing to draw yet", async () => {
    await acrossChurches((tx) => tx.delete(metricMinutes), server.database.db);
    const { html } = await page(ops, "/platform/ops");
    expect(html).toContain("No data yet.");
    expect(html).not.toContain("<polyline");
  });

  it("lets nobody else in", async () => {
    expect((await page(new CookieJar(), "/platform/ops")).status).toBe(302);
    for (const email of ["admin@grace.example", "staff@kapatiran.example", "member@grace.example"]) {
      expect((await page(await signedInJar(server.url, email), "/platform/ops")).status).toBe(403);
    }
  });

  it("is linked from the menu for operators only", async () => {
    expect((await page(ops, "/platform/churches")).html).toContain('href="/platform/ops"');
    const admin = await signedInJar(server.url, "admin@grace.example");
    expect((await page(admin, "/admin")).html).not.toContain('href="/platform/ops"');
  });
});
