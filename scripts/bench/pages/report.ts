import {
  BUDGET_NAMES,
  KB,
  totalTransferred,
  type AuditMeasurements,
  type BudgetMiss,
  type PageMeasurement,
  type ResourceKind,
  type VisitMeasurement,
} from "./budgets";

/** What `npm run bench:pages` prints: a table per page, then one verdict per budget. */

const KINDS: [ResourceKind, string][] = [
  ["document", "HTML"],
  ["stylesheet", "CSS"],
  ["script", "JS"],
  ["image", "images"],
  ["other", "other"],
];

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value: number | null) => (value === null ? "—" : `${Math.round(value)} ms`);
const pad = (cells: string[], widths: number[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join("  ");

function visitRow(label: string, visit: VisitMeasurement): string[] {
  return [
    label,
    ...KINDS.map(([kind]) => kb(visit.byKind[kind].transferred)),
    kb(totalTransferred(visit)),
    String(visit.requests),
    String(visit.cached),
    ms(visit.firstByteMs),
    ms(visit.lcpMs),
  ];
}

const HEADER = ["visit", ...KINDS.map(([, label]) => label), "total", "requests", "cached", "1st byte", "LCP"];
const WIDTHS = [8, 9, 9, 9, 9, 9, 9, 8, 6, 8, 8];

export function pageTable(page: PageMeasurement): string {
  const lines = [
    `${page.name}  ${page.path}`,
    pad(HEADER, WIDTHS),
    pad(visitRow("first", page.first), WIDTHS),
    pad(visitRow("repeat", page.repeat), WIDTHS),
    `  compressed bodies on a first visit: HTML ${kb(page.first.byKind.document.body)}, CSS ${kb(page.first.byKind.stylesheet.body)}, JS ${kb(page.first.byKind.script.body)}`,
    `  assets fetched again on the repeat visit: ${page.repeat.fromNetwork.length === 0 ? "none" : page.repeat.fromNetwork.map((a) => `${a.url} (${a.status})`).join(", ")}`,
    `  axe violations: ${page.axe.length === 0 ? "none" : page.axe.map((v) => `${v.id} (${v.impact ?? "?"}, ${v.nodes})`).join(", ")}`,
  ];
  if (page.first.lcpElement) {
    // Of the first of the first visits (the LCP above is the median of all of them).
    lines.push(`  LCP element: ${page.first.lcpElement} (first contentful paint ${ms(page.first.fcpMs ?? null)})`);
  }
  return lines.join("\n");
}

export function dataSaverTable(visit: VisitMeasurement): string {
  return [
    "Directory with data saver (Save-Data: on)  /directory",
    pad(HEADER, WIDTHS),
    pad(visitRow("first", visit), WIDTHS),
    `  total transferred: ${kb(totalTransferred(visit))} (goal: under 20 KB)`,
  ].join("\n");
}

/**
 * The floor under the LCP figures, and each budgeted page's LCP above it: the
 * share of the page itself (its bytes, parsing, style and layout).
 */
export function floorLines(measurements: AuditMeasurements): string {
  const paired = measurements.pages.filter((page) => page.lcpBudget && page.first.lcpMs !== null && page.floorLcpMs != null);
  if (paired.length === 0) return "LCP floor: not measured.";
  const isolation = (measurements.lcpFloorHeaders ?? []).filter((name) => name.startsWith("cross-origin") || name === "content-security-policy");
  const lines = [
    "LCP floor: an almost empty page sent with the directory's response headers" +
      (isolation.length > 0 ? ` (${isolation.join(", ")} among them)` : "") +
      ", loaded the same way after each first visit; the page's LCP above it is its own bytes, parsing, style and layout:",
    `  ${"page".padEnd(28)} ${"LCP".padStart(8)} ${"floor".padStart(8)} ${"above".padStart(8)}`,
  ];
  for (const page of paired) {
    const above = `+${Math.round(page.first.lcpMs! - page.floorLcpMs!)} ms`;
    lines.push(`  ${page.name.padEnd(28)} ${ms(page.first.lcpMs).padStart(8)} ${ms(page.floorLcpMs!).padStart(8)} ${above.padStart(8)}`);
  }
  return lines.join("\n");
}

/** The largest figure each budget saw, to show how close a passing budget came. */
function worst(measurements: AuditMeasurements): Record<keyof typeof BUDGET_NAMES, string> {
  const largest = <T>(values: T[], size: (value: T) => number, show: (n: number) => string) =>
    values.length === 0 ? "—" : show(Math.max(...values.map(size)));
  const lcpPages = measurements.pages.filter((page) => page.lcpBudget && page.first.lcpMs !== null);
  return {
    html: largest(measurements.pages, (p) => p.first.byKind.document.body, kb),
    css: largest(measurements.pages, (p) => p.first.byKind.stylesheet.body, kb),
    script: largest(measurements.pages, (p) => p.first.byKind.script.body, kb),
    repeat: `${measurements.pages.reduce((sum, p) => sum + p.repeat.fromNetwork.length, 0)} fetched again`,
    lcp: largest(lcpPages, (p) => p.first.lcpMs!, (n) => ms(n)),
    axe: `${measurements.pages.reduce((sum, p) => sum + p.axe.length, 0)} violations`,
    dataSaver: measurements.dataSaverDirectory ? kb(totalTransferred(measurements.dataSaverDirectory)) : "not measured",
    loads: `${measurements.pages.length} measured`,
  };
}

export function verdicts(measurements: AuditMeasurements, misses: BudgetMiss[]): string {
  const seen = worst(measurements);
  const lines = ["Budgets:"];
  for (const [key, name] of Object.entries(BUDGET_NAMES) as [keyof typeof BUDGET_NAMES, string][]) {
    const missed = misses.filter((miss) => miss.budget === name);
    if (missed.length === 0) {
      lines.push(`  PASS  ${name}  (worst: ${seen[key]})`);
      continue;
    }
    lines.push(`  FAIL  ${name}`);
    for (const miss of missed) lines.push(`          ${miss.page}: ${miss.actual} (limit ${miss.limit})`);
  }
  return lines.join("\n");
}
