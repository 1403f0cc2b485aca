import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, normalizeLocale } from "~/i18n/config";

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

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["tl-PH,tl;q=0.9,en;q=0.5", "fil"],
    ["en-US,en;q=0.9", "en"],
    ["ja;q=0.9,fil;q=0.8,en;q=0.7", "fil"],
    ["en;q=0.2,tl;q=0.8", "fil"],
    ["ja,zh", undefined],
    ["", undefined],
  ])("reads %j as %s: the browser's most preferred language we speak", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
