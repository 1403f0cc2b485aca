import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootLoaderData } from "~/root";

/**
 * The cookie banner: a plain form posting to /cookies, so it works without
 * JavaScript. Shown until this browser has chosen under the current privacy
 * policy (root loader, ADR 007); never on /cookies itself, which is the full
 * form. Small and in the page flow (not fixed), so at 360 px it covers nothing.
 */
export function ConsentBanner() {
  const { t } = useTranslation();
  const location = useLocation();
  const consent = useRouteLoaderData<RootLoaderData>("root")?.consent;
  if (!consent?.needsChoice || location.pathname === "/cookies") return null;
  const returnTo = `${location.pathname}${location.search}`;
  return (
    <section aria-labelledby="consent-banner-title" className="border-b border-stone-300 bg-amber-50">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-3 text-sm text-stone-900">
        <h2 id="consent-banner-title" className="font-semibold">
          {t("consent:banner.title")}
        </h2>
        {consent.policyChanged ? <p>{t("consent:banner.policyChanged", { version: consent.policyVersion })}</p> : null}
        {consent.browserRefuses ? <p>{t("consent:browserSignal")}</p> : <p>{t("consent:banner.body")}</p>}
        <form method="post" action="/cookies" className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="returnTo" value={returnTo} />
          <input type="hidden" name="source" value="banner" />
          {consent.browserRefuses ? (
            <button type="submit" name="choice" value="necessary" className="button">
              {t("consent:banner.understood")}
            </button>
          ) : (
            <>
              <button type="submit" name="choice" value="all" className="button">
                {t("consent:banner.acceptAll")}
              </button>
              <button type="submit" name="choice" value="necessary" className="button">
                {t("consent:banner.onlyNecessary")}
              </button>
            </>
          )}
          <a className="link" href={`/cookies?${new URLSearchParams({ returnTo })}`}>
            {t("consent:banner.choose")}
          </a>
        </form>
      </div>
    </section>
  );
}
