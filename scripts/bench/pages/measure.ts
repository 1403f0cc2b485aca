import type { CDPSession, Page } from "@playwright/test";
import type { KindBytes, ResourceKind, VisitMeasurement } from "./budgets";

/**
 * One visit's network as Chromium saw it, from the DevTools protocol:
 * Network.loadingFinished's encodedDataLength is what came over the wire
 * (headers and compressed body, DevTools' "Transferred"); the headers' share is
 * the response's encodedDataLength when it arrived, so the rest is the body.
 * A response Chromium took from its cache transfers nothing and is not an
 * asset "from the network".
 */

interface Seen {
  url: string;
  kind: ResourceKind;
  status: number;
  headerBytes: number;
  fromCache: boolean;
  finishedBytes?: number;
}

const KIND_OF: Record<string, ResourceKind> = {
  Document: "document",
  Stylesheet: "stylesheet",
  Script: "script",
  Image: "image",
};

/**
 * What a response is, by Chromium's resource type, else by its MIME type: newer Chromium (156)
 * reports the linked stylesheet as "Other", which would leave the CSS budget nothing to weigh.
 */
function kindOf(type: string | undefined, mimeType: string): ResourceKind {
  const byType = KIND_OF[type ?? ""];
  if (byType) return byType;
  if (mimeType === "text/css") return "stylesheet";
  if (/javascript|ecmascript/.test(mimeType)) return "script";
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType === "text/html") return "document";
  return "other";
}

export class NetworkRecorder {
  private seen = new Map<string, Seen>();
  private cached = new Set<string>();
  private failed: string[] = [];

  constructor(cdp: CDPSession) {
    cdp.on("Network.requestServedFromCache", ({ requestId }) => this.cached.add(requestId));
    // A redirect reuses its request's id: keep each hop, or a redirected page would hide a round trip.
    cdp.on("Network.requestWillBeSent", ({ requestId, type, redirectResponse }) => {
      if (!redirectResponse) return;
      this.seen.set(`${requestId} ${this.seen.size}`, {
        url: redirectResponse.url,
        kind: kindOf(type, redirectResponse.mimeType),
        status: redirectResponse.status,
        headerBytes: redirectResponse.encodedDataLength,
        fromCache: false,
        finishedBytes: redirectResponse.encodedDataLength,
      });
    });
    cdp.on("Network.responseReceived", ({ requestId, type, response }) => {
      this.seen.set(requestId, {
        url: response.url,
        kind: kindOf(type, response.mimeType),
        status: response.status,
        headerBytes: response.encodedDataLength,
        fromCache: Boolean(response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker),
      });
    });
    cdp.on("Network.loadingFailed", ({ requestId, errorText, canceled }) => {
      if (!canceled) this.failed.push(`${this.seen.get(requestId)?.url ?? requestId}: ${errorText}`);
    });
    cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
      const entry = this.seen.get(requestId);
      if (entry) entry.finishedBytes = encodedDataLength;
    });
  }

  /** Forget what was seen: the next visit starts counting from nothing. */
  reset() {
    this.seen.clear();
    this.cached.clear();
    this.failed = [];
  }

  /**
   * Requests that did not load or answered an error: the figures would be of a
   * broken page (a build replacing public/build under the running server does this).
   */
  problems(): string[] {
    const errors = [...this.seen.values()].filter((entry) => entry.status >= 400).map((entry) => `${entry.url}: ${entry.status}`);
    return [...this.failed, ...errors];
  }

  /** Bytes and requests of the visit so far; the timings are filled in by the caller. */
  summary(): Omit<VisitMeasurement, "lcpMs" | "firstByteMs"> {
    const empty = (): KindBytes => ({ transferred: 0, body: 0, requests: 0 });
    const byKind: Record<ResourceKind, KindBytes> = {
      document: empty(),
      stylesheet: empty(),
      script: empty(),
      image: empty(),
      other: empty(),
    };
    const fromNetwork: VisitMeasurement["fromNetwork"] = [];
    let requests = 0;
    let cached = 0;
    for (const [requestId, entry] of this.seen) {
      const kind = byKind[entry.kind];
      const fromCache = entry.fromCache || this.cached.has(requestId);
      if (fromCache) {
        cached += 1;
        continue;
      }
      requests += 1;
      kind.requests += 1;
      const transferred = entry.finishedBytes ?? entry.headerBytes;
      kind.transferred += transferred;
      kind.body += Math.max(0, transferred - entry.headerBytes);
      if (entry.kind !== "document") fromNetwork.push({ url: entry.url, status: entry.status });
    }
    return { byKind, requests, cached, fromNetwork };
  }
}

/**
 * Before any page script runs: keep the latest largest-contentful-paint entry,
 * and which element it was (tag, id and the start of its text, or the image's
 * address), so a slow LCP can be traced to the part of the page that paints it.
 */
export const WATCH_LCP = `
  window.__kapatiranLcp = null;
  window.__kapatiranLcpElement = null;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    const last = entries[entries.length - 1];
    if (!last) return;
    window.__kapatiranLcp = last.startTime;
    const element = last.element;
    const text = element ? (element.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 40) : "";
    window.__kapatiranLcpElement = element
      ? element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") + (last.url ? " " + last.url : text ? ' "' + text + '"' : "")
      : last.url || null;
  }).observe({ type: "largest-contentful-paint", buffered: true });
`;

/**
 * The page's Largest Contentful Paint in milliseconds since navigation start.
 * Read after the load event and a quiet moment, as nothing on our pages paints later.
 */
export async function largestContentfulPaint(page: Page): Promise<number | null> {
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { __kapatiranLcp: number | null }).__kapatiranLcp);
}

/** What painted the Largest Contentful Paint (see WATCH_LCP); read after largestContentfulPaint. */
export async function largestContentfulElement(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as { __kapatiranLcpElement: string | null }).__kapatiranLcpElement);
}

/**
 * First Contentful Paint (ms since navigation start). An LCP later than it means
 * the largest element came in a later frame than the page's first text.
 */
export async function firstContentfulPaint(page: Page): Promise<number | null> {
  return page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
}

/** When the page's first byte arrived (ms since navigation start): the server's and the network's share of LCP. */
export async function firstByte(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return navigation ? navigation.responseStart : null;
  });
}

/** The middle value, or null when the browser reported none at all. */
export function median(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
}
