/** The benchmark's tables, as plain text for the terminal. */
import type { LoadFigures } from "./load";

export interface Measured {
  label: string;
  figures: LoadFigures;
  /** Server-side CPU milliseconds per request: the server process and its PostgreSQL backends. */
  cpuMsPerRequest: number;
  peakRssBytes: number;
  gzipBytes?: number;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const mb = (bytes: number) => (bytes > 0 ? (bytes / 1024 / 1024).toFixed(0) : "–");
const times = (value: number, reference: number) => (reference > 0 ? `${(value / reference).toFixed(2)}×` : "–");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/**
 * One line per target: throughput, latency, errors, peak memory, and the
 * ratio of its requests a second to the ceiling (a) and the naive Remix page (b).
 */
export function comparisonTable(rows: Measured[], ceiling: LoadFigures, naiveRemix: LoadFigures): string {
  return table(
    ["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "CPU ms/req", "peak RSS MB", "gzip KB", "÷ (a)", "÷ (b)"],
    rows.map(({ label, figures, cpuMsPerRequest, peakRssBytes, gzipBytes }) => [
      label,
      figures.perSecond.toFixed(0),
      ms(figures.p50),
      ms(figures.p95),
      ms(figures.p99),
      String(figures.non2xx + figures.socketErrors),
      cpuMsPerRequest.toFixed(2),
      mb(peakRssBytes),
      gzipBytes === undefined ? "–" : (gzipBytes / 1024).toFixed(1),
      times(figures.perSecond, ceiling.perSecond),
      times(figures.perSecond, naiveRemix.perSecond),
    ]),
  );
}

export interface CapacityStep {
  offered: number;
  figures: LoadFigures;
  /** CPU cores busy on average during the step: the app and its PostgreSQL backends. */
  appCores: number;
  databaseCores: number;
  passed: boolean;
}

export function capacityTable(steps: CapacityStep[]): string {
  return table(
    ["offered/s", "answered/s", "p50 ms", "p95 ms", "p99 ms", "errors", "app CPU", "PostgreSQL CPU", "CPU ms/request", "p95 ≤ 200 ms, no errors"],
    steps.map((step) => [
      step.offered.toFixed(0),
      step.figures.perSecond.toFixed(1),
      ms(step.figures.p50),
      ms(step.figures.p95),
      ms(step.figures.p99),
      String(step.figures.non2xx + step.figures.socketErrors),
      `${(step.appCores * 100).toFixed(0)} %`,
      `${(step.databaseCores * 100).toFixed(0)} %`,
      cpuMsPerRequest(step).toFixed(2),
      step.passed ? "yes" : "no",
    ]),
  );
}

/** Server-side CPU milliseconds per answered request in a step (app + PostgreSQL). */
export function cpuMsPerRequest(step: CapacityStep): number {
  return step.figures.perSecond > 0 ? ((step.appCores + step.databaseCores) * 1000) / step.figures.perSecond : NaN;
}
