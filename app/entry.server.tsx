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
import { notModified, pageEtag } from "~/utils/etag.server";
import { inlineStylesheetFor } from "~/utils/first-visit-css.server";
import { logger } from "~/utils/logger.server";

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
  // A clone shares the loaded translations: about a millisecond cheaper per
  // page than building and initializing an instance every time.
  const instance = translations.cloneInstance({ lng: await i18next.getLocale(request) });

  // HTML may carry member data: never in a shared cache unless a route says so.
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-cache");
  // Every page has a data-saver variant (no scripts, no photos): caches must keep them apart.
  if (!/\bsave-data\b/i.test(responseHeaders.get("Vary") ?? "")) responseHeaders.append("Vary", DATA_SAVER_VARY);
  // Pages that opt in (the help center): unchanged since the browser's copy means a 304, not rendered.
  const etag = pageEtag(request, responseStatusCode, remixContext);
  if (etag) {
    responseHeaders.set("ETag", etag);
    if (notModified(request, etag)) return new Response(null, { status: 304, headers: responseHeaders });
  }
  const nonce = loadContext.cspNonce;
  const firstVisit = (remixContext.staticHandlerContext.loaderData.root as { firstVisit?: boolean } | undefined)?.firstVisit ?? false;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Wait for everything: pages are small and must be whole without JavaScript.
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
          // The whole page is ready: gathered into one buffer and sent in one write, where
          // React's 2 KB chunks through a stream cost a system call each (the benchmark's profile).
          pipe(wholePage((html) => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
          }));
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error, requestId: loadContext.requestId }, "render failed");
        },
      },
    );
  });
}

/** A stream sink that hands over everything written to it, as one buffer, when it ends. */
function wholePage(done: (html: Uint8Array<ArrayBuffer>) => void): Writable {
  const chunks: Buffer[] = [];
  return new Writable({
    write(chunk: Buffer, _encoding, next) {
      chunks.push(chunk);
      next();
    },
    final(next) {
      done(new Uint8Array(Buffer.concat(chunks)));
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
