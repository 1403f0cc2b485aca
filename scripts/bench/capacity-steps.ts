/**
 * Capacity (issue 11, item 6): the realistic mix of pages at a steady rate
 * (steady-load.ts: evenly spaced, each request timed from when it was due),
 * stepped up until p95 passes 200 ms, an error comes back or the server can
 * no longer keep up; the server side's CPU measured over every step, so the
 * figure can be scaled to "members served at 20 % CPU" (app/ops/capacity.ts).
 */
import postgres from "postgres";
import type { PageRequest } from "./load";
import { runSteadyLoad } from "./steady-load";
import { cpuMsPerRequest, type CapacityStep } from "./report";
import { cpuBetween, sampleCpu } from "./support/cpu-time";

export const P95_LIMIT_MS = 200;

export interface CapacityOptions {
  baseUrl: string;
  databaseUrl: string;
  appPid: number;
  next: () => PageRequest;
  connections: number;
  stepSeconds: number;
  startRate: number;
  /** Each step offers this many times the last one's rate. */
  factor: number;
  maxSteps: number;
  onStep?: (step: CapacityStep) => void;
}

export interface CapacityResult {
  steps: CapacityStep[];
  /** The highest offered rate that passed, in requests a second (0: none did). */
  sustainedRate: number;
  /** Server-side CPU milliseconds per request, the median over the passing steps. */
  cpuMsPerRequest: number;
}

export async function findCapacity(options: CapacityOptions): Promise<CapacityResult> {
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  const steps: CapacityStep[] = [];
  try {
    let rate = options.startRate;
    for (let i = 0; i < options.maxSteps; i++) {
      const before = await sampleCpu(options.appPid, sql);
      const started = performance.now();
      const figures = await runSteadyLoad({ ...options, seconds: options.stepSeconds, rate, gzip: true });
      const seconds = (performance.now() - started) / 1000;
      const used = cpuBetween(before, await sampleCpu(options.appPid, sql));
      const passed =
        figures.p95 <= P95_LIMIT_MS &&
        figures.non2xx + figures.socketErrors === 0 &&
        // Answered at least 95 % of what was offered: otherwise the server fell behind.
        figures.perSecond >= rate * 0.95;
      const step = { offered: rate, figures, appCores: used.app / seconds, databaseCores: used.database / seconds, passed };
      steps.push(step);
      options.onStep?.(step);
      if (!passed) break;
      rate = Math.ceil(rate * options.factor);
    }
  } finally {
    await sql.end();
  }
  const passing = steps.filter((step) => step.passed);
  const perRequest = passing.map(cpuMsPerRequest).sort((a, b) => a - b);
  return {
    steps,
    sustainedRate: passing.at(-1)?.offered ?? 0,
    cpuMsPerRequest: perRequest[Math.floor(perRequest.length / 2)] ?? NaN,
  };
}
