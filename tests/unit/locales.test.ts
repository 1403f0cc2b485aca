import { describe, expect, it } from "vitest";
import { supportedLngs } from "~/i18n/config";
import { resources } from "~/locales";

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valuesOf(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : valuesOf(value)));
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const english = resources.en as unknown as Record<string, Tree>;

  for (const lng of supportedLngs) {
    const other = resources[lng] as unknown as Record<string, Tree>;

    it(`${lng} has exactly the namespaces and keys English has`, () => {
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
      for (const ns of Object.keys(english)) {
        expect(keysOf(other[ns]!).sort(), `namespace ${ns}`).toEqual(keysOf(english[ns]!).sort());
      }
    });

    it(`${lng} keeps every {{placeholder}} and leaves nothing empty`, () => {
      for (const ns of Object.keys(english)) {
        const ours = other[ns]!;
        for (const key of keysOf(english[ns]!)) {
          const pick = (tree: Tree) => key.split(".").reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;
          expect(placeholders(pick(ours)), `${ns}:${key}`).toEqual(placeholders(pick(english[ns]!)));
        }
        for (const value of valuesOf(ours)) expect(value.trim()).not.toBe("");
      }
    });
  }
});
