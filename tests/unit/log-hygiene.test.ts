import { afterEach, describe, expect, it, vi } from "vitest";
import { safeError } from "~/utils/logger.server";
import { emailDomain } from "~/utils/security-log.server";
import { requestContext } from "~/ops/log-context.server";
import { tagOutgoingFetches } from "~/ops/outgoing-request-id.server";
import { runInRequestScope } from "~/utils/request-scope.server";

/** What keeps personal data out of log lines, and request ids on outgoing calls. */

describe("emailDomain", () => {
  it("keeps only the domain, in lower case", () => {
    expect(emailDomain("Maria.Santos@Grace.Example")).toBe("grace.example");
    expect(emailDomain("no-at-sign")).toBeUndefined();
    expect(emailDomain("trailing@")).toBeUndefined();
  });
});

describe("safeError", () => {
  it("keeps the stack but drops a database error's parameters and detail", () => {
    const error = Object.assign(
      new Error("Failed query: insert into users (email) values ($1)\nparams: ana@grace.example"),
      {
        params: ["ana@grace.example"],
        detail: "Key (email)=(ana@grace.example) already exists.",
      },
    );
    const logged = safeError(error) as Record<string, unknown>;
    expect(logged.type).toBe("Error");
    expect(logged.stack).toEqual(expect.stringContaining("at "));
    expect(JSON.stringify(logged)).not.toMatch(/ana@grace\.example/);
    expect(logged.message).toBe("Failed query: insert into users (email) values ($1)\nparams: [omitted]");
    expect(logged).not.toHaveProperty("params");
    expect(logged).not.toHaveProperty("detail");
  });

  it("masks an e-mail address in any error message", () => {
    const logged = safeError(new Error("no user pedro@hope.example")) as Record<string, unknown>;
    expect(logged.message).toBe("no user [email]");
  });
});

describe("tagOutgoingFetches", () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("kapatiran.fetch-request-id")];
  });

  it("adds the current request's id to fetch calls made while answering it, and only then", async () => {
    const seen: Array<string | null> = [];
    globalThis.fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      seen.push(headers.get("x-request-id"));
      return new Response("ok");
    }) as typeof fetch;
    tagOutgoingFetches();

    await fetch("http://idp.test/token");
    await runInRequestScope(async () => {
      requestContext().requestId = "req-1";
      await fetch(new Request("http://idp.test/token", { headers: { accept: "application/json" } }));
      await fetch("http://hook.test/", { headers: { "X-Request-Id": "given" } });
    });
    expect(seen).toEqual([null, "req-1", "given"]);
  });
});
