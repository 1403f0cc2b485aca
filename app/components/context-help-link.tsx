import { useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The help article for the page shown: the deepest route whose `handle.help` names one. */
export function useHelpSlug(): string | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const slug = (matches[i]?.handle as { help?: unknown } | undefined)?.help;
    if (typeof slug === "string" && slug) return slug;
  }
  return null;
}

/**
 * The "?" in the header: straight to the guide about this page (routes say
 * which with `handle.help = "<slug>"`), else the help center. Screen readers
 * hear "Help about this page"; the question mark itself is decoration.
 */
export function ContextHelpLink() {
  const { t } = useTranslation();
  const slug = useHelpSlug();
  const label = t("nav.contextHelp");
  return (
    <a
      href={slug ? `/help/${slug}` : "/help"}
      title={label}
      className="inline-flex h-7 w-7 items-center justify-center rounded-full border-2 border-teal-800 font-bold text-teal-900 hover:bg-teal-50 focus:outline-2 focus:outline-offset-2 focus:outline-teal-800"
    >
      <span aria-hidden="true">?</span>
      <span className="sr-only">{label}</span>
    </a>
  );
}
