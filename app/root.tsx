import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { useInlineStylesheet } from "~/components/inline-stylesheet";
import { useNonce } from "~/components/nonce";
import { PageShell } from "~/components/page-shell";
import { currentUser } from "~/auth/session.server";
import { consentForPage } from "~/models/consent.server";
import { pageBanners } from "~/maintenance/banners.server";
import { pageRoute } from "~/ops/page-route";
import { analyticsAllowed } from "~/ops/vitals.server";
import { i18next } from "~/i18n/i18next.server";
import stylesheet from "~/styles/app.build.css";
import { assetUrl } from "~/utils/asset-url";
import { buildInfo } from "~/utils/build-info.server";
import { dataSaverFor } from "~/utils/data-saver.server";
import { isFirstVisit } from "~/utils/first-visit-css.server";
import { env } from "~/utils/env.server";

// The stylesheet is rendered in Layout instead: its host (CDN_URL) comes from the root loader.
export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

// `stylesheet`: the server reads the built file once, for first visits (app/utils/first-visit-css.server.ts).
export const handle = { i18n: "common", stylesheet };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await i18next.getLocale(request);
  const [user, consent, analytics, banners] = await Promise.all([
    currentUser(request),
    consentForPage(request),
    analyticsAllowed(request),
    // Read-only mode, the next maintenance window, status notices: cached for seconds, not read per view.
    pageBanners(),
  ]);
  return {
    locale,
    // Whether the cookie banner shows: decided from the consent cookie (ADR 007).
    consent,
    // Only what the page frame needs; permissions let the menu hide what would be refused.
    user: user
      ? { displayName: user.displayName, churchName: user.churchName, permissions: user.permissions }
      : null,
    requestId: context.requestId,
    banners,
    // For public/ops.js: page-load figures only with analytics consent; errors name the release.
    analytics,
    release: buildInfo.release,
    // A page reached from outside our pages carries the stylesheet inline (app/utils/first-visit-css.server.ts).
    firstVisit: isFirstVisit(request),
    // Data saver: no script of any kind, no photos (app/utils/data-saver.server.ts).
    dataSaver: dataSaverFor(request),
    // Fingerprinted assets come from the CDN when there is one (app/utils/asset-url.ts).
    cdnUrl: env.CDN_URL,
    // Error details (messages, stacks) are for developers' screens only.
    showErrorDetails: env.NODE_ENV === "development",
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const locale = data?.locale ?? i18n.language;
  useChangeLanguage(locale);
  const nonce = useNonce();
  // Pages work as plain HTML; only a route that asks for it ships JavaScript.
  const matches = useMatches();
  // Data saver outranks a route's wish: not one script, not even /ops.js.
  const noScripts = data?.dataSaver.on ?? false;
  const hydrate = !noScripts && matches.some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate);
  const page = matches[matches.length - 1];
  const inlineCss = useInlineStylesheet();
  const stylesheetUrl = assetUrl(stylesheet, data?.cdnUrl);

  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        {inlineCss ? (
          <style dangerouslySetInnerHTML={{ __html: inlineCss }} />
        ) : (
          <link rel="stylesheet" href={stylesheetUrl} />
        )}
        <Links />
        {/* Browser figures and client errors (README); same origin, like the CSP's script-src 'self'. */}
        {noScripts ? null : (
          <script
            defer
            nonce={nonce}
            src="/ops.js"
            data-route={page ? pageRoute(page.pathname, page.params) : "/"}
            data-release={data?.release ?? ""}
            data-analytics={data?.analytics ? "1" : "0"}
            suppressHydrationWarning
          />
        )}
      </head>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        {children}
        {/* Fetched when the page is idle, for the next page to find in the cache; with data saver only when needed. */}
        {inlineCss && !noScripts ? <link rel="prefetch" as="style" href={stylesheetUrl} /> : null}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return (
    <PageShell>
      <Outlet />
    </PageShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const key = notFound ? "notFound" : forbidden ? "forbidden" : "serverError";

  return (
    <PageShell>
      <section className="mx-auto max-w-prose space-y-4 py-8" aria-labelledby="error-title">
        <h1 id="error-title" className="text-2xl font-bold">
          {t(`errors.${key}.title`)}
        </h1>
        <p>{t(`errors.${key}.body`)}</p>
        {!notFound && !forbidden && data?.requestId ? (
          <p className="text-sm text-stone-700">{t("errors.reference", { id: data.requestId })}</p>
        ) : null}
        <p>
          <a className="link" href="/">
            {t("errors.home")}
          </a>
        </p>
        {data?.showErrorDetails && error instanceof Error ? (
          <pre className="overflow-x-auto rounded bg-stone-200 p-3 text-xs">{error.stack ?? error.message}</pre>
        ) : null}
      </section>
    </PageShell>
  );
}
