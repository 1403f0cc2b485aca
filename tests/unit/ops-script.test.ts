import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { fingerprintOf, firstFrame, scrub } from "~/ops/client-errors.server";
import { pageRoute } from "~/ops/page-route";
import { envelopeFor, parseDsn } from "~/ops/sentry.server";

/** public/ops.js ships on every page of a low-bandwidth app: it stays tiny and plain. */
describe("public/ops.js", () => {
  const source = fs.readFileSync(path.resolve("public/ops.js"));

  it("is under 2 KB as served, before compression", () => {
    expect(source.byteLength).toBeLessThan(2048);
  });

  it("is a plain script that parses without a build step", () => {
    expect(() => new vm.Script(source.toString("utf8"), { filename: "ops.js" })).not.toThrow();
  });
});

describe("pageRoute", () => {
  it("puts param names back in place of their values", () => {
    expect(pageRoute("/directory/1f0c9a2e-0000-4000-8000-000000000001", { memberId: "1f0c9a2e-0000-4000-8000-000000000001" })).toBe(
      "/directory/:memberId",
    );
    expect(pageRoute("/photos/abc/small", { memberId: "abc", size: "small" })).toBe("/photos/:memberId/:size");
    expect(pageRoute("/", {})).toBe("/");
  });

  it("makes any path a splat matched (a 404) one route", () => {
    expect(pageRoute("/no/such/page", { "*": "no/such/page" })).toBe("/*");
    expect(pageRoute("/a%20b", { "*": "a b" })).toBe("/*");
  });
});

describe("client error reports", () => {
  it("lose e-mail addresses, phone numbers and query strings", () => {
    const text = scrub(
      "TypeError for juan.dela-cruz+x@grace.example at 0917 123 4567 (https://app.example/directory?q=Juan#top:12:3)",
    );
    expect(text).not.toMatch(/juan|grace\.example|4567|q=/i);
    expect(text).toContain("[email]");
    expect(text).toContain("[number]");
    expect(text).toContain("https://app.example/directory:12:3");
  });

  it("keep short numbers such as line and column", () => {
    expect(scrub("at https://app.example/ops.js:12:345")).toBe("at https://app.example/ops.js:12:345");
  });

  it("group by message with numbers made alike, first frame and route", () => {
    const stack = "TypeError: no member 12\n    at show (https://app.example/build/a.js:1:20)\n    at x (b.js:2:3)";
    const one = fingerprintOf({ message: "no member 12", stack, route: "/directory/:memberId" });
    expect(fingerprintOf({ message: "no member 13", stack, route: "/directory/:memberId" })).toBe(one);
    expect(fingerprintOf({ message: "no member 13", stack, route: "/help" })).not.toBe(one);
    expect(fingerprintOf({ message: "other", stack, route: "/directory/:memberId" })).not.toBe(one);
    expect(firstFrame(stack)).toBe("at show (https://app.example/build/a.js:1:20)");
    expect(firstFrame("show@https://app.example/a.js:1:2\n")).toBe("show@https://app.example/a.js:1:2");
  });
});

describe("Sentry", () => {
  it("reads a DSN into the envelope endpoint and public key", () => {
    expect(parseDsn("https://abc123@o1.ingest.sentry.io/4501")).toMatchObject({
      url: "https://o1.ingest.sentry.io/api/4501/envelope/",
      publicKey: "abc123",
    });
    expect(parseDsn("http://key@127.0.0.1:9000/sentry/7")?.url).toBe("http://127.0.0.1:9000/sentry/api/7/envelope/");
    expect(parseDsn("https://o1.ingest.sentry.io/4501")).toBeNull();
  });

  it("sends one event per envelope, with our fingerprint", () => {
    const target = parseDsn("https://abc123@o1.ingest.sentry.io/4501")!;
    const lines = envelopeFor({ fingerprint: "f1", message: "boom", route: "/help", release: "v1" }, target).split("\n");
    expect(lines).toHaveLength(3);
    const [header, item, event] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(header).toMatchObject({ dsn: target.dsn });
    expect(item).toMatchObject({ type: "event", length: Buffer.byteLength(lines[2]!) });
    expect(event).toMatchObject({ event_id: header!.event_id, release: "v1", fingerprint: ["f1"], transaction: "/help" });
  });
});
