import type { CDPSession } from "@playwright/test";

/**
 * Chrome DevTools' "Slow 4G" network preset, exactly as DevTools sends it
 * (devtools-frontend, front_end/core/sdk/NetworkManager.ts, `Slow4GConditions`;
 * called "Fast 3G" until May 2024, renamed to match Lighthouse, crbug.com/342406608):
 * ~1.6 Mbps down and ~750 kbps up, each times 0.9, and a 150 ms target round trip
 * times 3.75 — DevTools' own multipliers for a request-level throttle that cannot
 * model TCP slow start. DevTools' unit test expects the same figures:
 * { latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 }.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
} as const;

/** DevTools' "4× slowdown": a mid-range phone on this machine's cores. */
export const CPU_SLOWDOWN = 4;

/** A phone on a slow mobile network: Slow 4G and the CPU four times slower. */
export async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}

/** Full speed again (for axe, whose own work is not a page figure). */
export async function unthrottle(cdp: CDPSession): Promise<void> {
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
}
