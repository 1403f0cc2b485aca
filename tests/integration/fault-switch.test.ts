import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo } from "~/db/seed/demo.server";
import { browse, postForm, type CookieJar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * The test-only fault switch, switched on (ALLOW_FAULT_INJECTION, which
 * production refuses): an operator makes every request under /help fail,
 * sees the 500s, and stops it; the operations pages never fail; church
 * administrators cannot touch it; a bad form comes back with its input.
 */

vi.hoisted(() => {
  process.env.ALLOW_FAULT_INJECTION = "true";
});

let server: TestServer;
let ops: CookieJar;
const at = (path: string) => `${server.url}${path}`;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  ops = await signedInJar(server.url, "ops@kapatiran.example");
});
afterAll(async () => {
  await postForm(ops, at("/platform/ops/faults"), { intent: "stop" });
  await server.close();
});

describe("fault switch", () => {
  it("fails matching requests while on, never the operations pages, and stops", async () => {
    const form = await (await browse(ops, at("/platform/ops/faults"))).text();
    expect(form).toContain('data-fault="off"');
    expect(await (await browse(ops, at("/platform/ops"))).text()).toContain('href="/platform/ops/faults"');

    const started = await postForm(ops, at("/platform/ops/faults"), { intent: "start", pathPrefix: "/help", percent: "100", minutes: "5" });
    expect(started.status).toBe(302);
    const failing = await browse(ops, at("/help"));
    expect(failing.status).toBe(500);
    expect(await failing.text()).toBe("Injected fault");
    expect((await browse(ops, at("/healthz"))).status).toBe(200);
    expect((await browse(ops, at("/me"))).status).toBe(200);
    const status = await (await browse(ops, at("/platform/ops/faults"))).text();
    expect(status).toContain('data-fault="on"');
    expect(status).toMatch(/Failing 100 % of requests under \/help until/);

    expect((await postForm(ops, at("/platform/ops/faults"), { intent: "stop" })).status).toBe(302);
    expect((await browse(ops, at("/help"))).status).toBe(200);
  });

  it("fails about the share asked for", async () => {
    await postForm(ops, at("/platform/ops/faults"), { intent: "start", pathPrefix: "/healthz", percent: "50", minutes: "1" });
    let failed = 0;
    for (let i = 0; i < 200; i++) if ((await browse(ops, at("/healthz"))).status === 500) failed += 1;
    await postForm(ops, at("/platform/ops/faults"), { intent: "stop" });
    // Health checks come before the switch: never failed.
    expect(failed).toBe(0);
    await postForm(ops, at("/platform/ops/faults"), { intent: "start", pathPrefix: "/help", percent: "50", minutes: "1" });
    for (let i = 0; i < 200; i++) if ((await browse(ops, at("/help/faq"))).status === 500) failed += 1;
    await postForm(ops, at("/platform/ops/faults"), { intent: "stop" });
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
  });

  it("checks the form and keeps what was typed", async () => {
    const response = await postForm(ops, at("/platform/ops/faults"), { intent: "start", pathPrefix: "help me", percent: "150", minutes: "" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="help me"');
    expect(html).toContain('value="150"');
    expect(html).toContain("Start with / and leave out spaces.");
    expect(html).toContain("Enter a whole number from 1 to 100.");
    expect(html).toContain("This is required.");
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(3);
    expect(await (await browse(ops, at("/platform/ops/faults"))).text()).toContain('data-fault="off"');
  });

  it("is refused to everyone but operators", async () => {
    const admin = await signedInJar(server.url, "admin@grace.example");
    expect((await browse(admin, at("/platform/ops/faults"))).status).toBe(403);
    const post = await postForm(admin, at("/platform/ops/faults"), { intent: "start", pathPrefix: "/", percent: "100", minutes: "5" });
    expect(post.status).toBe(403);
    expect((await browse(admin, at("/directory"))).status).toBe(200);
  });
});
