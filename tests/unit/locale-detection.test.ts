import { describe, expect, it } from "vitest";
import { normalizeLocale } from "~/i18n/config";

describe("normalizeLocale", () => {
  it.each([
    ["fil", "fil"],
    ["fil-PH", "fil"],
    ["tl", "fil"],
    ["tl_PH", "fil"],
    ["en-US", "en"],
    ["EN", "en"],
    ["ja", undefined],
    ["", undefined],
  ])("%j → %j", (input, expected) => {
    expect(normalizeLocale(input)).toBe(expected);
  });
});
