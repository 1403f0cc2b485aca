import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootLoaderData } from "~/root";

/**
 * Data saver on every page, signed in or not: what it does, why it is on, and
 * one button to turn it the other way. A plain POST to the same action as the
 * setting on /me (/me/photo), which sends the visitor back to this page.
 */
export function DataSaverSwitch() {
  const { t } = useTranslation();
  const location = useLocation();
  const dataSaver = useRouteLoaderData<RootLoaderData>("root")?.dataSaver;
  if (!dataSaver) return null;
  return (
    <form
      method="post"
      action="/me/photo"
      aria-labelledby="data-saver-switch-title"
      className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 pb-4 text-sm text-stone-700"
    >
      <h2 id="data-saver-switch-title" className="sr-only">
        {t("dataSaver.title")}
      </h2>
      <input type="hidden" name="intent" value="data-saver" />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {/* Off is the usual case: then the button alone, no sentence on every page. */}
      {dataSaver.on ? (
        <p>
          {t("dataSaver.on")}
          {dataSaver.fromBrowser ? ` ${t("dataSaver.fromBrowser")}` : null}
        </p>
      ) : null}
      <button type="submit" name="dataSaver" value={dataSaver.on ? "off" : "on"} className="link">
        {dataSaver.on ? t("dataSaver.turnOff") : t("dataSaver.turnOn")}
      </button>
    </form>
  );
}
