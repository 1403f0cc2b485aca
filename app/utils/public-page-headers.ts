import type { HeadersFunction } from "@remix-run/node";
import { memberPageHeaders } from "./http-headers";

/**
 * Pages anyone may read (the help center). For anonymous visitors a shared
 * cache (CloudFront, a carrier proxy) may keep them for five minutes, which
 * spares slow connections a round trip to the box; the language comes from
 * the cookie or Accept-Language, and the cookie banner from the consent cookie
 * and the browser's Global Privacy Control / Do Not Track signals, so the
 * cache must tell all of those apart. Signed
 * in, the page frame carries the user's name and menu: never shared.
 */
export function publicPageHeaders(signedIn: boolean): HeadersInit {
  if (signedIn) return memberPageHeaders();
  return { "Cache-Control": "public, max-age=300", Vary: "Cookie, Accept-Language, Sec-GPC, DNT" };
}

/** The loader's caching, unless an action answered (a form with errors is never cached). */
export const publicRouteHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders }) =>
  actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders;
