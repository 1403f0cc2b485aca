import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { InlineStylesheetProvider } from "~/components/inline-stylesheet";
import { NonceProvider } from "~/components/nonce";
import { i18nConfig } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { resources } from "~/locales";
import { DATA_SAVER_VARY } from "~/utils/data-saver.server";
import { inlineStylesheetFor } from "~/utils/first-visit-css.server";
import { logger } from "~/utils/logger.server";
import { metrics } from "~/utils/metrics.server";
import { etagOf, notModified, pageFingerprint } from "~/utils/page-fingerprint.server";
import { asBody, NONCE_PLACEHOLDER, renderedPages, withNonce } from "~/utils/rendered-pages.server";

const ABORT_DELAY = 5_000;

/** Every namespace of every language, loaded once at start-up. */
const translations = createInstance();
translations.use(initReactI18next).init({
  ...i18nConfig,
  ns: Object.keys(resources.en),
  resources,
  initImmediate: false,
});

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // HTML may carry member data: never in a shared cache unless a route says so.
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-cache");
  // Every page has a data-saver variant (no scripts, no photos): caches must keep them apart.
  if (!/\bsave-data\b/i.test(responseHeaders.get("Vary") ?? "")) responseHeaders.append("Vary", DATA_SAVER_VARY);
  const nonce = loadContext.cspNonce;

  // Pages that follow from their loader data (app/utils/page-fingerprint.server.ts): unchanged
  // since the browser's copy means a 304; rendered before means the memo's copy.
  const fingerprint = pageFingerprint(request, responseStatusCode, remixContext);
  if (fingerprint) {
    // A page the browser may not store (member data: no-store) has nothing to revalidate.
    if (!/\bno-store\b/.test(responseHeaders.get("Cache-Control") ?? "")) {
      const etag = etagOf(fingerprint);
      responseHeaders.set("ETag", etag);
      if (notModified(request, etag)) return new Response(null, { status: 304, headers: responseHeaders });
    }
    // Not on a 304 above: a 304 carries no representation.
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    const copy = renderedPages.get(fingerprint, nonce);
    if (copy) {
      metrics().pageRenders.inc({ outcome: "memo" });
      return new Response(copy, { headers: responseHeaders, status: responseStatusCode });
    }
    const status = { code: responseStatusCode };
    const html = await render(request, remixContext, loadContext, NONCE_PLACEHOLDER, status);
    metrics().pageRenders.inc({ outcome: "rendered" });
    // A page whose rendering failed part-way is sent (as a 500) but never kept.
    const body = status.code === 200 ? renderedPages.keep(fingerprint, html, nonce) : withNonce(html, nonce);
    return new Response(body, { headers: responseHeaders, status: status.code });
  }

  // Any other page is rendered for this request alone. A render error after the
  // shell turns the status into a 500 (render's onError).
  const status = { code: responseStatusCode };
  const html = await render(request, remixContext, loadContext, nonce, status);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(asBody(html), { headers: responseHeaders, status: status.code });
}

/**
 * The whole page as one buffer, rendered with `nonce` on its scripts. Pages
 * wait for everything: they are small and must be whole without JavaScript.
 * `status.code` becomes 500 when rendering fails after the shell.
 */
async function render(
  request: Request,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
  nonce: string,
  status: { code: number } = { code: 200 },
): Promise<Buffer> {
  // A clone shares the loaded translations: about a millisecond cheaper per
  // page than building and initializing an instance every time.
  const instance = translations.cloneInstance({ lng: await i18next.getLocale(request) });
  const firstVisit = (remixContext.staticHandlerContext.loaderData.root as { firstVisit?: boolean } | undefined)?.firstVisit ?? false;

  return new Promise<Buffer>((resolve, reject) => {
    let shellRendered = false;
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <NonceProvider value={nonce}>
          <InlineStylesheetProvider value={inlineStylesheetFor(firstVisit, stylesheetHref(remixContext))}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </InlineStylesheetProvider>
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          clearTimeout(timer);
          // Gathered into one buffer and sent in one write, where React's 2 KB chunks
          // through a stream cost a system call each (the benchmark's profile).
          pipe(wholePage(resolve));
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          status.code = 500;
          if (shellRendered) logger.error({ err: error, requestId: loadContext.requestId }, "render failed");
        },
      },
    );
  });
}

/** A stream sink that hands over everything written to it, as one buffer, when it ends. */
function wholePage(done: (html: Buffer) => void): Writable {
  const chunks: Buffer[] = [];
  return new Writable({
    write(chunk: Buffer, _encoding, next) {
      chunks.push(chunk);
      next();
    },
    final(next) {
      done(Buffer.concat(chunks));
      next();
    },
  });
}

/** The built stylesheet's address, which the root route names in its handle. */
function stylesheetHref(context: EntryContext): string | undefined {
  return (context.routeModules.root?.handle as { stylesheet?: string } | undefined)?.stylesheet;
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return; // the visitor went away; nothing to fix
  // The stack (pino's err serializer), the request id to find the access line, the path without its query.
  const requestId = context.requestId as string | undefined;
  logger.error({ err: error, requestId, path: new URL(request.url).pathname }, "unhandled error");
};
