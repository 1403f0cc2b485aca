import enCommon from "./en/common.json";
import filCommon from "./fil/common.json";

/**
 * All translations, bundled into the server build (no file reads at run time).
 * One namespace per area; add a namespace here in both languages —
 * tests/unit/locales.test.ts fails when the two languages differ in keys.
 */
export const resources = {
  en: { common: enCommon },
  fil: { common: filCommon },
} as const;

export type Namespace = keyof (typeof resources)["en"];
