import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enDirectory from "./en/directory.json";
import enMe from "./en/me.json";
import filAuth from "./fil/auth.json";
import filCommon from "./fil/common.json";
import filDirectory from "./fil/directory.json";
import filMe from "./fil/me.json";

/**
 * All translations, bundled into the server build (no file reads at run time).
 * One namespace per area; add a namespace here in both languages —
 * tests/unit/locales.test.ts fails when the two languages differ in keys.
 */
export const resources = {
  en: { common: enCommon, auth: enAuth, directory: enDirectory, me: enMe },
  fil: { common: filCommon, auth: filAuth, directory: filDirectory, me: filMe },
} as const;

export type Namespace = keyof (typeof resources)["en"];
