import { env } from "~/utils/env.server";

/**
 * The test-only fault switch: for a while, a share of the requests under a
 * path prefix fail with a 500, so a drill can watch the error-rate alert fire
 * and clear. Only with ALLOW_FAULT_INJECTION, which production refuses to
 * start with (env.server.ts). In memory, on globalThis: the Express
 * middleware (server/faults.ts) and the Remix route that sets it
 * (/platform/ops/faults) are separate bundles that must share one switch.
 */

export interface Fault {
  pathPrefix: string;
  /** 1–100: the share of matching requests that fail. */
  percent: number;
  until: Date;
}

const slot = Symbol.for("kapatiran.fault-switch");
const holder = globalThis as { [slot]?: Fault | null };

export const faultInjectionAllowed = () => env.ALLOW_FAULT_INJECTION && env.NODE_ENV !== "production";

/** The fault in force, or null (none set, or its time is up). */
export function currentFault(now = new Date()): Fault | null {
  const fault = holder[slot] ?? null;
  if (fault && fault.until <= now) {
    holder[slot] = null;
    return null;
  }
  return fault;
}

export function startFault(fault: { pathPrefix: string; percent: number; minutes: number }, now = new Date()): Fault {
  if (!faultInjectionAllowed()) throw new Error("Fault injection is not allowed here (ALLOW_FAULT_INJECTION)");
  const started = {
    pathPrefix: fault.pathPrefix,
    percent: fault.percent,
    until: new Date(now.getTime() + fault.minutes * 60_000),
  };
  holder[slot] = started;
  return started;
}

export function stopFault() {
  holder[slot] = null;
}

/**
 * Whether this request should fail. The control page itself never does, so
 * a drill on "/" can always be stopped.
 */
export function shouldFail(path: string, random = Math.random, now = new Date()): boolean {
  const fault = currentFault(now);
  if (!fault || path.startsWith("/platform/ops")) return false;
  if (!path.startsWith(fault.pathPrefix)) return false;
  return random() * 100 < fault.percent;
}
