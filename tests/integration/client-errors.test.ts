import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clientErrors } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { CLIENT_ERRORS_PER_MINUTE } from "../../server/app";
import { uniqueAddress } from "../support/addresses";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Errors from visitors' browsers (public/ops.js) over real HTTP: grouped by
 * fingerprint, scrubbed of e-mail addresses and phone numbers, capped in size
 * and rate, and forwarded to Sentry — here a local HTTP server standing in for
 * it, named by SENTRY_DSN — as an envelope.
 */

// Before the app's modules parse the environment (vi.hoisted runs ahead of the imports).
const sentry = await vi.hoisted(async () => {
  const http = await import("node:http");
  const received: { path: string; auth: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ path: req.url ?? "", auth: String(req.headers["x-sentry-auth"] ?? ""), body });
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  process.env.SENTRY_DSN = `http://publickey123@127.0.0.1:${port}/42`;
  return { server, received };
});

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => sentry.server.close(resolve));
});

const report = (body: unknown, from = uniqueAddress()) =>
  fetch(`${server.url}/api/client-errors`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/json", "X-Forwarded-For": from },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const rowsFor = (route: string) =>
  acrossChurches((tx) => tx.select().from(clientErrors).where(eq(clientErrors.route, route)), server.database.db);

const until = async (done: () => boolean) => {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
};

describe("client error reports", () => {
  it("group similar errors into one row with a count, scrubbed of personal data", async () => {
    const route = "/directory/:memberId";
    const stack = (id: number) =>
      `TypeError: no member ${id}\n    at show (${server.url}/build/routes/directory-ABC.js:1:${id})\n    at run (x.js:2:3)`;
    const first = await report({
      message: "Cannot read member 12 for juan@grace.example, call 0917 123 4567",
      stack: stack(1),
      route,
      release: "v1.2.3",
    });
    expect(first.status).toBe(204);
    expect(first.headers.get("set-cookie")).toBeNull();
    const second = await report({
      message: "Cannot read member 13 for juan@grace.example, call 0917 123 4567",
      stack: stack(1),
      route,
      release: "v1.2.4",
    });
    expect(second.status).toBe(204);

    const rows = await rowsFor(route);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 2, release: "v1.2.4" });
    expect(rows[0]!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.firstSeenAt.getTime());
    expect(rows[0]!.message).toBe("Cannot read member 12 for [email], call [number]");

    // Thrown elsewhere: another group.
    expect((await report({ message: "Cannot read member 12", stack: stack(99), route })).status).toBe(204);
    expect(await rowsFor(route)).toHaveLength(2);
  });

  it("refuse what is not a report with 400, never a 500", async () => {
    for (const body of ["not json", "{}", { message: "" }, { message: "x", route: "no-slash" }, { message: 5 }]) {
      const response = await report(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.text()).toBe("Not a client error report.");
    }
  });

  it("refuse a body over 8 KB with 413", async () => {
    const response = await report({ message: "big", stack: "x".repeat(9 * 1024), route: "/too-big" });
    expect(response.status).toBe(413);
    expect(await rowsFor("/too-big")).toHaveLength(0);
  });

  it("stop one address after the limit with 429", async () => {
    const from = uniqueAddress();
    const statuses: number[] = [];
    for (let i = 0; i < CLIENT_ERRORS_PER_MINUTE + 2; i++) {
      statuses.push((await report({ message: `flood ${i}`, route: "/flood" }, from)).status);
    }
    expect(statuses.slice(0, CLIENT_ERRORS_PER_MINUTE).every((status) => status === 204)).toBe(true);
    expect(statuses.slice(CLIENT_ERRORS_PER_MINUTE)).toEqual([429, 429]);
    // Numbers made alike: all of the flood is one bug.
    expect((await rowsFor("/flood"))[0]?.count).toBe(CLIENT_ERRORS_PER_MINUTE);
  });

  it("forward each report to Sentry (SENTRY_DSN) as an envelope, scrubbed, with our fingerprint", async () => {
    const before = sentry.received.length;
    expect(await report({ message: "Sentry test for ana@hope.example", route: "/help" }).then((r) => r.status)).toBe(
      204,
    );
    await until(() => sentry.received.some((r, i) => i >= before && r.body.includes("Sentry test")));
    const sent = sentry.received.slice(before).find((r) => r.body.includes("Sentry test"));
    expect(sent).toBeDefined();
    expect(sent!.path).toBe("/api/42/envelope/");
    expect(sent!.auth).toContain("sentry_key=publickey123");
    const [, item, event] = sent!.body.split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(item).toMatchObject({ type: "event" });
    const [row] = await rowsFor("/help");
    expect(event).toMatchObject({
      fingerprint: [row!.fingerprint],
      transaction: "/help",
      exception: { values: [{ value: "Sentry test for [email]" }] },
    });
    expect(sent!.body).not.toContain("ana@hope.example");
  });
});
