import { describe, expect, it } from "vitest";
import { lineDiff } from "~/models/help-diff.server";
import { NEXT_STATUSES, SLUG_PATTERN } from "~/utils/help-content";

describe("help article line diff", () => {
  it("is empty when nothing changed, Windows line ends included", () => {
    expect(lineDiff("one\ntwo\n", "one\r\ntwo\r\n")).toEqual([]);
  });

  it("marks removed and added lines and keeps their text", () => {
    expect(lineDiff("Hello\nold line\nBye", "Hello\nnew line\nBye")).toEqual([
      { op: "same", text: "Hello" },
      { op: "removed", text: "old line" },
      { op: "added", text: "new line" },
      { op: "same", text: "Bye" },
    ]);
  });

  it("folds long unchanged runs, keeping a few lines of context next to each change", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    const after = before.replace("line 10", "line ten");
    const rows = lineDiff(before, after, 2);
    expect(rows).toEqual([
      { op: "skipped", count: 7 },
      { op: "same", text: "line 8" },
      { op: "same", text: "line 9" },
      { op: "removed", text: "line 10" },
      { op: "added", text: "line ten" },
      { op: "same", text: "line 11" },
      { op: "same", text: "line 12" },
      { op: "skipped", count: 8 },
    ]);
  });

  it("shows a whole new text as added lines", () => {
    expect(lineDiff("", "a\nb")).toEqual([
      { op: "added", text: "a" },
      { op: "added", text: "b" },
    ]);
  });
});

describe("help content rules", () => {
  it("accepts slugs of lowercase words joined by single hyphens only", () => {
    for (const ok of ["getting-started", "faq-who-can-see-my-phone", "a1", "x"])
      expect(SLUG_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ["Getting-started", "two--hyphens", "-lead", "trail-", "with space", "ñ", "under_score", ""]) {
      expect(SLUG_PATTERN.test(bad), bad).toBe(false);
    }
  });

  it("lets an archived article go back to draft but not straight to published", () => {
    expect(NEXT_STATUSES.draft).toContain("published");
    expect(NEXT_STATUSES.published).toEqual(expect.arrayContaining(["archived", "draft"]));
    expect(NEXT_STATUSES.archived).toContain("draft");
    expect(NEXT_STATUSES.archived).not.toContain("published");
  });
});
