import { describe, expect, it } from "vitest";
import { findAssetUrl, formatResult, isImmutableCaching, releaseInHealth } from "../../scripts/delivery/smoke-checks";

describe("smoke checks: reading what the server answered", () => {
  it("finds the first fingerprinted asset a page links to", () => {
    const html = `<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/build/_assets/app-ABC.css">
      <script src="/build/entry.client-XYZ.js"></script>`;
    expect(findAssetUrl(html, "https://kapatiran.example/")).toBe("https://kapatiran.example/build/_assets/app-ABC.css");
    expect(findAssetUrl(`<link rel="modulepreload" href="https://cdn.example/build/root-1.js"/>`, "https://kapatiran.example/")).toBe(
      "https://cdn.example/build/root-1.js",
    );
    expect(findAssetUrl(`<script src="/ops.js"></script><a href="/build/not-a-link-tag">`, "https://k.example/")).toBeUndefined();
  });

  it("accepts only a year of public, immutable caching", () => {
    expect(isImmutableCaching("public, max-age=31536000, immutable")).toBe(true);
    expect(isImmutableCaching("Public, Max-Age=63072000, Immutable")).toBe(true);
    expect(isImmutableCaching("public, max-age=31536000")).toBe(false);
    expect(isImmutableCaching("public, max-age=3600, immutable")).toBe(false);
    expect(isImmutableCaching("private, max-age=31536000, immutable")).toBe(false);
    expect(isImmutableCaching(null)).toBe(false);
  });

  it("reads the release /healthz names, if it names one", () => {
    expect(releaseInHealth(`{"status":"ok","release":"abc123","commit":"abc123def"}`)).toBe("abc123");
    expect(releaseInHealth(`{"status":"ok"}`)).toBeUndefined();
    expect(releaseInHealth("<html>")).toBeUndefined();
  });

  it("prints one line per check, failures marked", () => {
    expect(formatResult({ name: "readyz", ok: true, detail: "/readyz answered 200" })).toBe("ok    readyz       /readyz answered 200");
    expect(formatResult({ name: "asset", ok: false, detail: "no asset" })).toMatch(/^FAIL  asset/);
  });
});
