/**
 * The page-weight and speed budgets (issue 11) and the one function that
 * judges an audit's measurements against them. Pure: tests/unit/page-budgets.test.ts
 * tries each budget just over and at its limit.
 *
 * KB here is 1,024 bytes. Sizes are of bodies as sent (compressed), without
 * HTTP headers: what a budget limits is our page, not the server's headers.
 */

export const KB = 1024;

export const BUDGETS = {
  /**
   * A new TCP connection may send about ten segments (~14.6 KB) before the first
   * acknowledgement: a page this small arrives in one round trip.
   */
  htmlBytes: 14 * KB,
  /** All stylesheets a page loads. */
  cssBytes: 10 * KB,
  /** All JavaScript a page loads, together. */
  scriptBytes: 90 * KB,
  /** Largest Contentful Paint under Slow 4G and a 4× slower CPU, for the pages marked `lcpBudget`. */
  lcpMs: 1500,
  /** axe-core violations (WCAG 2.1 A and AA rules). */
  axeViolations: 0,
  /** The directory with data saver on (Save-Data: on), everything on a first visit. */
  dataSaverDirectoryBytes: 20 * KB,
} as const;

/** How each budget is named in the verdict list and in a miss. */
export const BUDGET_NAMES = {
  html: "HTML ≤ 14 KB compressed",
  css: "CSS ≤ 10 KB compressed",
  script: "JavaScript ≤ 90 KB compressed in total",
  repeat: "a repeat visit downloads no asset again",
  lcp: "LCP ≤ 1.5 s under Slow 4G (directory and help)",
  axe: "0 axe violations",
  dataSaver: "data-saver directory ≤ 20 KB on a first visit",
  loads: "every page loads",
} as const;

export type ResourceKind = "document" | "stylesheet" | "script" | "image" | "other";

/** Bytes of one kind: as transferred (headers and compressed body) and the compressed bodies alone. */
export interface KindBytes {
  transferred: number;
  body: number;
  requests: number;
}

export interface VisitMeasurement {
  byKind: Record<ResourceKind, KindBytes>;
  /** Requests that went to the server (redirects included). */
  requests: number;
  /** Resources the browser took from its cache instead. */
  cached: number;
  /** Assets (not the page itself) that came from the server again instead of the browser's cache. */
  fromNetwork: { url: string; status: number }[];
  /** Largest Contentful Paint in milliseconds, or null when the browser reported none. */
  lcpMs: number | null;
  /** The page's first byte, in milliseconds since navigation start (explains a slow LCP). */
  firstByteMs: number | null;
  /** First Contentful Paint: an LCP later than it was painted in a later frame. */
  fcpMs?: number | null;
  /** The element that painted the LCP: tag, id and the start of its text (or an image's address). */
  lcpElement?: string | null;
}

export interface PageMeasurement {
  /** What a church would call the page: "Directory (10,000 members)". */
  name: string;
  path: string;
  /** The directory and help pages: their LCP is budgeted. */
  lcpBudget: boolean;
  first: VisitMeasurement;
  repeat: VisitMeasurement;
  axe: { id: string; impact: string | null; nodes: number }[];
  /** Median LCP of the floor page visited after each first visit (scripts/bench/pages/floor.ts); never judged. */
  floorLcpMs?: number | null;
}

export interface AuditMeasurements {
  pages: PageMeasurement[];
  /** Pages that could not be measured (an error, or no answer within two minutes): each one a miss. */
  unmeasured?: { name: string; path: string; reason: string }[];
  /** The directory's first visit with data saver on; absent when not measured. */
  dataSaverDirectory?: VisitMeasurement;
  /** The response headers the LCP floor page was sent with (scripts/bench/pages/floor.ts). */
  lcpFloorHeaders?: string[];
}

export interface BudgetMiss {
  budget: string;
  page: string;
  actual: string;
  limit: string;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

export function totalTransferred(visit: VisitMeasurement): number {
  return Object.values(visit.byKind).reduce((sum, kind) => sum + kind.transferred, 0);
}

/** Every budget the measurements miss; an empty list means the audit passes. */
export function judgeBudgets(measurements: AuditMeasurements): BudgetMiss[] {
  const misses: BudgetMiss[] = [];
  const over = (budget: string, page: string, actual: number, limit: number, show: (n: number) => string) => {
    if (actual > limit) misses.push({ budget, page, actual: show(actual), limit: show(limit) });
  };
  for (const page of measurements.pages) {
    const label = `${page.name} (${page.path})`;
    over(BUDGET_NAMES.html, label, page.first.byKind.document.body, BUDGETS.htmlBytes, kb);
    over(BUDGET_NAMES.css, label, page.first.byKind.stylesheet.body, BUDGETS.cssBytes, kb);
    over(BUDGET_NAMES.script, label, page.first.byKind.script.body, BUDGETS.scriptBytes, kb);
    for (const asset of page.repeat.fromNetwork) {
      misses.push({
        budget: BUDGET_NAMES.repeat,
        page: label,
        actual: `${asset.url} answered ${asset.status} from the server`,
        limit: "served from the browser's cache",
      });
    }
    if (page.lcpBudget) {
      if (page.first.lcpMs === null) {
        misses.push({ budget: BUDGET_NAMES.lcp, page: label, actual: "no LCP reported", limit: "1500 ms" });
      } else over(BUDGET_NAMES.lcp, label, page.first.lcpMs, BUDGETS.lcpMs, (n) => `${Math.round(n)} ms`);
    }
    const violations = page.axe.length;
    if (violations > BUDGETS.axeViolations) {
      misses.push({
        budget: BUDGET_NAMES.axe,
        page: label,
        actual: page.axe.map((v) => `${v.id} (${v.impact ?? "?"}, ${v.nodes} element${v.nodes === 1 ? "" : "s"})`).join(", "),
        limit: String(BUDGETS.axeViolations),
      });
    }
  }
  for (const page of measurements.unmeasured ?? []) {
    misses.push({ budget: BUDGET_NAMES.loads, page: `${page.name} (${page.path})`, actual: page.reason, limit: "measured" });
  }
  if (measurements.dataSaverDirectory) {
    over(
      BUDGET_NAMES.dataSaver,
      "Directory with Save-Data: on (/directory)",
      totalTransferred(measurements.dataSaverDirectory),
      BUDGETS.dataSaverDirectoryBytes,
      kb,
    );
  }
  return misses;
}
