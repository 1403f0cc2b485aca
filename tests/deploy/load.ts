import { browse, type CookieJar } from "../../scripts/support/browser-session";

/**
 * A steady stream of what members do — pages and form posts — through nginx,
 * for the whole deploy test. Requests start on a fixed schedule (not one after
 * another), so a slow moment shows up as latency, never as fewer requests.
 */

export interface Sample {
  phase: string;
  what: string;
  ms: number;
  status?: number;
  /** The Retry-After header, when there was one (read-only mode's 503s carry it). */
  retryAfter?: string;
  error?: string;
}

export interface PhaseFigures {
  phase: string;
  requests: number;
  errors: number;
  p99Ms: number;
  maxMs: number;
}

const TIMEOUT_MS = 15_000;

/**
 * Each request on a connection of its own. When nginx reloads, its old workers
 * close their idle keep-alive connections; a request a client sends on one at
 * that instant fails unread, and browsers resend it on a new connection without
 * the member noticing. Node's fetch does not, so this client does not reuse
 * connections: what is measured is nginx and the slots, not that client gap.
 */
const FRESH = { connection: "close" };

/** A form post as a browser sends it from one of our pages (with its Origin), given up after 15 s. */
function post(jar: CookieJar, url: string, fields: Record<string, string>) {
  return browse(jar, url, {
    method: "POST",
    headers: { ...FRESH, "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export class LoadGenerator {
  readonly samples: Sample[] = [];
  phase = "warm-up";
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();
  private tick = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly member: CookieJar,
    private readonly helpSlug: string,
    private readonly perSecond = 20,
  ) {}

  /** The mix, in turn: landing, help, directory and profile (signed in), two kinds of form post. */
  private next(): { what: string; send: () => Promise<Response>; signedIn: boolean } {
    const base = this.baseUrl;
    const mix = [
      { what: "GET /", send: () => fetch(`${base}/`, { headers: FRESH, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) }), signedIn: false },
      { what: "GET /help", send: () => fetch(`${base}/help`, { headers: FRESH, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) }), signedIn: false },
      { what: "GET /directory", send: () => browse(this.member, `${base}/directory`, { headers: FRESH, signal: AbortSignal.timeout(TIMEOUT_MS) }), signedIn: true },
      { what: "GET /me", send: () => browse(this.member, `${base}/me`, { headers: FRESH, signal: AbortSignal.timeout(TIMEOUT_MS) }), signedIn: true },
      {
        what: "POST /help/:slug",
        send: () => post(this.member.clone(), `${base}/help/${this.helpSlug}`, { helpful: "yes", comment: "" }),
        signedIn: false,
      },
      {
        what: "POST /me",
        send: () =>
          post(this.member, `${base}/me`, { intent: "profile", givenName: "Maria", familyName: "Santos", phone: "", email: "", address: "", birthday: "" }),
        signedIn: true,
      },
    ];
    return mix[this.tick++ % mix.length]!;
  }

  start() {
    this.timer = setInterval(() => {
      const { what, send, signedIn } = this.next();
      const phase = this.phase;
      const started = performance.now();
      const request = send()
        .then(async (response) => {
          await response.arrayBuffer();
          const sample: Sample = { phase, what, ms: performance.now() - started, status: response.status };
          const retryAfter = response.headers.get("retry-after");
          if (retryAfter !== null) sample.retryAfter = retryAfter;
          // A signed-in page that redirects would mean the session was lost in the switch.
          if (signedIn && what.startsWith("GET") && response.status !== 200) sample.error = `signed-in page answered ${response.status}`;
          else if (response.status >= 400) sample.error = `answered ${response.status}`;
          this.samples.push(sample);
        })
        .catch((error: Error) => {
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          this.samples.push({ phase, what, ms: performance.now() - started, error: `${error.message}${cause ? ` (${cause.code ?? cause.message})` : ""}` });
        })
        .finally(() => this.inFlight.delete(request));
      this.inFlight.add(request);
    }, 1000 / this.perSecond);
  }

  async stop() {
    clearInterval(this.timer);
    await Promise.all([...this.inFlight]);
  }

  figures(phase: string): PhaseFigures {
    const samples = this.samples.filter((s) => s.phase === phase);
    const durations = samples.map((s) => s.ms);
    return {
      phase,
      requests: samples.length,
      errors: samples.filter((s) => s.error).length,
      p99Ms: Math.round(percentile(durations, 0.99)),
      maxMs: Math.round(Math.max(0, ...durations)),
    };
  }
}
