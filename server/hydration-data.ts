import { createRequire } from "node:module";
import { logger } from "../app/utils/logger.server";

/**
 * Remix encodes every document's loader data for hydration (turbo-stream)
 * before our entry renders, whether or not the page will carry it. Our pages
 * ship no JavaScript unless a route asks (ADR 004), so nobody reads that
 * stream: for a directory page sent again from the render memo it was a
 * third of the app's CPU and half of what it allocated (ADR 016).
 *
 * This makes the encoding wait until the stream is first read: a page that
 * renders <Scripts /> reads it and gets the same bytes as before; a page that
 * does not, never pays. Remix calls the function through its module's exports
 * at each request, so replacing that export is enough. If a Remix upgrade
 * moves it, nothing breaks — pages only cost what they did — and
 * tests/integration/hydration-data.test.ts fails to say so.
 */
type Encode = (data: unknown, requestSignal: AbortSignal, streamTimeout: unknown, serverMode: unknown) => ReadableStream<Uint8Array>;

const require = createRequire(import.meta.url);
const SINGLE_FETCH = "@remix-run/server-runtime/dist/single-fetch.js";
let installed = false;

/** Replaces Remix's encoder with one that encodes on first read; true once it is in place. */
export function encodeHydrationDataOnRead(): boolean {
  if (installed) return true;
  let singleFetch: { encodeViaTurboStream?: Encode };
  try {
    singleFetch = require(SINGLE_FETCH) as { encodeViaTurboStream?: Encode };
  } catch {
    singleFetch = {};
  }
  const encode = singleFetch.encodeViaTurboStream;
  if (typeof encode !== "function") {
    logger.warn({ module: SINGLE_FETCH }, "Remix's hydration encoder was not found: every page encodes its data again");
    return false;
  }
  singleFetch.encodeViaTurboStream = (...args) => onFirstRead(() => encode(...args));
  installed = true;
  return true;
}

/** A stream that starts `source` when it is first read, and passes on what it gives. */
export function onFirstRead(source: () => ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= source().getReader();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader?.cancel(reason),
    },
    // Nothing is pulled ahead: with the default of 1 the stream would start at once.
    { highWaterMark: 0 },
  );
}
