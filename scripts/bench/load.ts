/**
 * One load run with autocannon over loopback: the figures a benchmark line
 * prints. Latency percentiles are computed here from every response
 * (autocannon's own summary has no p95).
 */
import autocannon from "autocannon";

/** What one request of a run asks for: a path and, for signed-in pages, the session cookie. */
export interface PageRequest {
  path: string;
  cookie?: string;
  /**
   * Reached from another of our pages (a Referer of our own), as a signed-in
   * member's pages are: the stylesheet is then linked (cached), not inlined as
   * on a first visit (app/utils/first-visit-css.server.ts).
   */
  fromOurPage?: boolean;
}

/** The headers a browser sends for `request` on `baseUrl`. */
export function requestHeaders(baseUrl: string, request: PageRequest, base: Record<string, string> = {}): Record<string, string> {
  return {
    ...base,
    ...(request.cookie ? { cookie: request.cookie } : {}),
    ...(request.fromOurPage ? { referer: `${baseUrl}/` } : {}),
  };
}

export interface LoadOptions {
  baseUrl: string;
  /** Called for every request: the next page to ask for. */
  next: () => PageRequest;
  seconds: number;
  connections: number;
  /** Requests a second over all connections; unset: as fast as the server answers. */
  rate?: number;
  /** Ask for compressed answers, as browsers do. */
  gzip?: boolean;
}

export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 2xx. */
  non2xx: number;
  /** Socket errors and timeouts. */
  socketErrors: number;
  /** Status codes other than 2xx and how often each came, for the failure message. */
  badStatuses: Record<number, number>;
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  const badStatuses: Record<number, number> = {};
  const headers: Record<string, string> = options.gzip ? { "accept-encoding": "gzip" } : {};
  // Without a callback autocannon returns its event emitter, which is also a promise of the result.
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.rate,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const page = options.next();
          return { ...request, path: page.path, headers: requestHeaders(options.baseUrl, page, headers) };
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, status: number, _bytes: number, milliseconds: number) => {
    latencies.push(milliseconds);
    if (status < 200 || status > 299) badStatuses[status] = (badStatuses[status] ?? 0) + 1;
  });
  const result = await instance;
  return figuresOf(latencies, { seconds: result.duration, non2xx: result.non2xx, socketErrors: result.errors, badStatuses });
}

/** A run's figures from every response's latency (milliseconds) and what went wrong. */
export function figuresOf(
  latencies: number[],
  run: { seconds: number; non2xx: number; socketErrors: number; badStatuses: Record<number, number> },
): LoadFigures {
  const { seconds, ...outcome } = run;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
  return { requests: sorted.length, perSecond: sorted.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), ...outcome };
}

/** Each item in turn, forever: a page list for `next`. */
export function rotate<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}
