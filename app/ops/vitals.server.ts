import { z } from "zod";
import { allows, consentState, needsChoice, policyVersionForBanner } from "~/models/consent.server";
import { recordVital } from "./minute-recorder.server";

/**
 * Page-load figures from visitors' browsers (public/ops.js): largest
 * contentful paint, interaction to next paint (approximated by the longest
 * event), cumulative layout shift, and how long the tab's visit has lasted.
 * Measured and sent only with analytics consent; kept only as histograms of
 * the current minute, never per visitor.
 */

// Anything beyond a minute is a tab left in the background, not a page load.
const MS = z.number().finite().min(0).max(60_000);

export const beaconReport = z.object({
  lcp: MS,
  inp: MS,
  cls: z.number().finite().min(0).max(100),
  // A day: a longer "session" is a forgotten tab.
  sessionSeconds: z.number().finite().min(0).max(86_400),
});
export type BeaconReport = z.infer<typeof beaconReport>;

/**
 * Whether this browser said yes to analytics under the current privacy
 * policy: a yes given under an older policy counts only once asked again,
 * like the banner; Global Privacy Control and Do Not Track are a no.
 */
export async function analyticsAllowed(request: Request): Promise<boolean> {
  if (!allows(request, "analytics")) return false;
  return !needsChoice(consentState(request), await policyVersionForBanner());
}

/** Into the current minute's histograms. Zero LCP or INP means "not measured" (no paint seen, no interaction). */
export function recordBeacon(report: BeaconReport) {
  if (report.lcp > 0) recordVital("lcp", report.lcp);
  if (report.inp > 0) recordVital("inp", report.inp);
  recordVital("cls", Math.round(report.cls * 1000));
  recordVital("session", Math.round(report.sessionSeconds));
}
