import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A first visit gets the stylesheet inside the page; later pages link it.
 *
 * On a slow phone network every request costs a round trip (DevTools' "Slow
 * 4G": 562 ms), and a linked stylesheet is a second one before anything can
 * be painted. Inline, the first page paints from one response; the page then
 * prefetches the stylesheet file so the next page finds it in the browser's
 * cache and links it as usual (inlining every page would send its 6 KB again
 * on every view — prepaid data).
 *
 * "First visit" is told without a cookie: a page reached from one of our own
 * pages carries our address as its Referer (the Referrer-Policy keeps the
 * origin); one typed, bookmarked or linked from elsewhere does not. A
 * returning visitor arriving from a bookmark gets the inline copy once more:
 * 6 KB, no harm.
 *
 * The inline <style> is allowed by its SHA-256 in the CSP (server/security-
 * headers.ts), not by the per-response nonce: a help page answered 304 keeps
 * the browser's copy, whose nonce would no longer match.
 *
 * The Express server and the Remix build are separate bundles, each with its
 * own copy of this module: the server loads the file at start for the CSP's
 * hash, the build's entry.server on its first page for the text. Same file,
 * same bytes, same hash.
 */

interface Stylesheet {
  text: string;
  /** The CSP source allowing exactly this text: 'sha256-…'. */
  source: string;
}

let stylesheet: Stylesheet | null = null;

/** Read the built stylesheet once, at start (`href` is its /build/… address, under publicDir). */
export function loadFirstVisitStylesheet(publicDir: string, href: string | undefined): void {
  if (!href?.startsWith("/build/")) return;
  const file = path.join(publicDir, href);
  if (!fs.existsSync(file)) return; // no stylesheet built: pages link it, as before
  const text = fs.readFileSync(file, "utf8");
  stylesheet = { text, source: `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'` };
}

/** The CSP style-src source for the inline copy, when there is one. */
export function firstVisitStyleSource(): string | undefined {
  return stylesheet?.source;
}

/** Whether this request comes from outside our pages (no Referer of our own origin). */
export function isFirstVisit(request: Request): boolean {
  const referer = request.headers.get("referer");
  if (!referer) return true;
  try {
    return new URL(referer).host !== new URL(request.url).host;
  } catch {
    return true;
  }
}

/** The stylesheet's text for this page, or null when the page should link it (`href` as in root's handle). */
export function inlineStylesheetFor(firstVisit: boolean, href: string | undefined): string | null {
  if (!firstVisit) return null;
  if (!stylesheet) loadFirstVisitStylesheet(path.resolve("public"), href);
  return stylesheet?.text ?? null;
}
