/**
 * i18next settings shared by server and browser. English is the fallback;
 * Filipino is `fil` (ISO 639-2), which browsers also send for Tagalog users
 * as `tl` — see `normalizeLocale`.
 */
export const supportedLngs = ["en", "fil"] as const;
export type Locale = (typeof supportedLngs)[number];
export const fallbackLng: Locale = "en";
export const defaultNS = "common";

export const i18nConfig = {
  supportedLngs: [...supportedLngs],
  fallbackLng,
  defaultNS,
  react: { useSuspense: false },
  interpolation: { escapeValue: false }, // React escapes already
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLngs as readonly string[]).includes(value);
}

/** Tagalog (`tl`) speakers read Filipino; anything else unknown falls back to English. */
export function normalizeLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const base = value.toLowerCase().split(/[-_]/)[0];
  if (base === "tl" || base === "fil") return "fil";
  if (base === "en") return "en";
  return undefined;
}

/** The first of the browser's languages (Accept-Language, by preference) that we speak; `tl` reads as Filipino. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: tag ?? "", q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const locale = normalizeLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}
