import crypto from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import { buildInfo } from "./build-info.server";

/**
 * A page's fingerprint: a hash of everything its HTML is rendered from, for
 * pages whose routes say the HTML follows from their loader data alone
 * (`handle = { fromLoaderData: true }`: the help center, the directory, a
 * member's card, the landing page). Two uses (app/entry.server.tsx):
 *
 * - the weak ETag: unchanged since the browser's copy means a 304 without a
 *   body — on a slow connection the page's bytes were the cost;
 * - the render memo (rendered-pages.server.ts): the same fingerprint means the
 *   same HTML, so a page rendered before is not rendered again.
 *
 * The loaders always run first — sign-in, permissions, privacy — so the
 * fingerprint is taken from what this request may see. It covers every
 * loader's data (the content, the language, who is signed in and what they may
 * do, the cookie banner, notices, the data-saver choice, a first visit's inline
 * stylesheet), the address, the browser's Save-Data and data_saver cookie, and
 * the build (templates and translations).
 *
 * Left out on purpose: the request id (in the root data, different every time,
 * shown only on error pages, which never take part) and the CSP nonce (not in
 * loader data; the memo puts each response's own nonce in). A 304 keeps the
 * browser's copy with its old nonce; these pages run only same-origin scripts,
 * which the policy's 'self' allows whatever the nonce.
 *
 * A route opting in promises that its component reads nothing else: no clock,
 * no randomness, no cookie or header but through its loader.
 */

const VOLATILE_ROOT_KEYS = new Set(["requestId"]);

/** Whether the page's routes say its HTML follows from their loader data. */
function fromLoaderData(context: EntryContext): boolean {
  return context.staticHandlerContext.matches.some(
    (match) => (context.routeModules[match.route.id]?.handle as { fromLoaderData?: boolean } | undefined)?.fromLoaderData === true,
  );
}

/**
 * The fingerprint of this page, or undefined when it does not take part: the
 * route did not opt in, the answer is not a plain 200, or the request is not a
 * read (an action's result is not loader data).
 */
export function pageFingerprint(request: Request, status: number, context: EntryContext): string | undefined {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  if (status !== 200 || context.staticHandlerContext.errors || context.staticHandlerContext.actionData) return undefined;
  if (!fromLoaderData(context)) return undefined;
  const url = new URL(request.url);
  const loaderData = Object.fromEntries(
    Object.entries(context.staticHandlerContext.loaderData).map(([routeId, data]) => [
      routeId,
      routeId === "root" && data && typeof data === "object"
        ? Object.fromEntries(Object.entries(data).filter(([key]) => !VOLATILE_ROOT_KEYS.has(key)))
        : data,
    ]),
  );
  return crypto
    .createHash("sha256")
    .update(
      JSON.stringify([
        buildInfo.commit,
        buildInfo.builtAt,
        url.pathname + url.search,
        request.headers.get("save-data") ?? "",
        /(?:^|;\s*)data_saver=([^;]*)/.exec(request.headers.get("cookie") ?? "")?.[1] ?? "",
        loaderData,
      ]),
    )
    .digest("base64url")
    .slice(0, 27);
}

/** The weak ETag of a page with this fingerprint. */
export function etagOf(fingerprint: string): string {
  return `W/"${fingerprint}"`;
}

/** If-None-Match names this tag (weak comparison, as RFC 9110 says for GET). */
export function notModified(request: Request, etag: string): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
