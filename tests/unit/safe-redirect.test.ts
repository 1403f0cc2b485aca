import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/utils/safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeRedirectPath("/directory?q=santos&page=2")).toBe("/directory?q=santos&page=2");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "directory",
    "/\u0000x",
    "",
    null,
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  it("uses the fallback given", () => {
    expect(safeRedirectPath("https://evil.example", "/directory")).toBe("/directory");
  });
});
