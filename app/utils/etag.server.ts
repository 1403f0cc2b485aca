import crypto from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import { buildInfo } from "./build-info.server";

/**
 * ETag and 304 for pages that opt in with `handle = { etag: true }` (the help
 * center). The tag is a hash of everything the HTML is rendered from: every
 * loader's data (so the help content, the language, signed in or not and
 * who, the cookie banner, notices, the data-saver choice), the address, the
 * browser's Save-Data and data_saver cookie, and the build (templates and
 * translations). The loaders still run — the help content comes from the
 * shared cache, one primary-key read — but a match skips rendering and sends
 * no body: on a slow connection the page's bytes were the cost.
 *
 * Left out on purpose: the request id (in the root data, different every
 * time) and the CSP nonce (not in loader data). A 304 keeps the browser's copy
 * with its old nonce; help pages run only same-origin scripts, which the
 * policy's 'self' allows whatever the nonce.
 */

const VOLATILE_ROOT_KEYS = new Set(["requestId"]);

/** Whether the page's routes asked for an ETag. */
function wantsEtag(context: EntryContext): boolean {
  return context.staticHandlerContext.matches.some(
    (match) => (context.routeModules[match.route.id]?.handle as { etag?: boolean } | undefined)?.etag === true,
  );
}

/** The weak ETag of this page, or undefined when it does not take part. */
export function pageEtag(request: Request, status: number, context: EntryContext): string | undefined {
  if (status !== 200 || !wantsEtag(context)) return undefined;
  const url = new URL(request.url);
  const loaderData = Object.fromEntries(
    Object.entries(context.staticHandlerContext.loaderData).map(([routeId, data]) => [
      routeId,
      routeId === "root" && data && typeof data === "object"
        ? Object.fromEntries(Object.entries(data).filter(([key]) => !VOLATILE_ROOT_KEYS.has(key)))
        : data,
    ]),
  );
  const hash = crypto
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
  return `W/"${hash}"`;
}

/** If-None-Match names this tag (weak comparison, as RFC 9110 says for GET). */
export function notModified(request: Request, etag: string): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
