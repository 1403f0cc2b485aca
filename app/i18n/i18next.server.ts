import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { resources } from "~/locales";
import { fallbackLng, i18nConfig, localeFromAcceptLanguage, supportedLngs } from "./config";
import { env } from "~/utils/env.server";

/** Remembers the language chosen with the switcher (not personal data: no consent needed). */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "custom", "header"],
    // Browsers in the Philippines often send `tl` (Tagalog): read it as Filipino.
    async findLocale(request) {
      return localeFromAcceptLanguage(request.headers.get("accept-language")) ?? null;
    },
  },
  i18next: { ...i18nConfig, resources },
});
