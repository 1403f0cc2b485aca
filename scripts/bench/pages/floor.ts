import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { sessionCookie } from "../support/bench-server";
import type { AuditTarget } from "./audit-page";
import type { AuditedPage } from "./page-list";

/**
 * The floor under every LCP figure: an almost empty page (one paragraph, the
 * size of the consent banner's) sent with the audited pages' own response
 * headers, loaded the same way — fresh profile, Slow 4G, CPU 4× slower — right
 * after each first visit of a budgeted page, so both see the machine alike.
 *
 * Under Slow 4G any page waits 562 ms for its response, and Chromium then
 * spends its own time, slowed 4× like ours, committing the navigation: on a
 * slow machine that share alone is several hundred milliseconds, and
 * Cross-Origin-Opener-Policy adds a new renderer process (ADR 015). What a
 * page's LCP has above this floor is its own bytes, parsing, style and layout.
 */

/** Headers that describe one response's body or connection, not the site's policy. */
const NOT_REPLAYED = new Set([
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "last-modified",
  "vary",
  "set-cookie",
  "server-timing",
  "x-request-id",
]);

const FLOOR_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title></head><body><p>${"An almost empty page: one paragraph about as long as the cookie notice every first visit shows. ".repeat(2)}</p></body></html>`;

export interface FloorServer {
  /** The floor page, to visit like any audited page. */
  page: AuditedPage;
  /** The names of the response headers it is sent with. */
  headers: string[];
  close(): Promise<void>;
}

/** A throwaway local server of the floor page, with the response headers `like` gets from `target`. */
export async function startFloorServer(target: AuditTarget, like: AuditedPage): Promise<FloorServer> {
  const headers = await policyHeaders(target, like);
  const body = zlib.gzipSync(FLOOR_PAGE);
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    page: { name: "Floor", path: "/", signedIn: false, lcpBudget: false, origin },
    headers: Object.keys(headers),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The audited page's response headers that say how any of our pages is to be handled. */
async function policyHeaders(target: AuditTarget, page: AuditedPage): Promise<Record<string, string>> {
  const cookie = page.signedIn ? { cookie: sessionCookie(target.sessionToken) } : undefined;
  const response = await fetch(new URL(page.path, target.baseUrl), { headers: cookie, redirect: "manual" });
  await response.arrayBuffer();
  return Object.fromEntries([...response.headers].filter(([name]) => !NOT_REPLAYED.has(name)));
}
