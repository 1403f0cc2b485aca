import type { ActionFunctionArgs } from "@remix-run/node";
import { cappedJsonBody, postOnly, textResponse } from "~/ops/request-body.server";
import { analyticsAllowed, beaconReport, recordBeacon } from "~/ops/vitals.server";

/**
 * Page-load figures from public/ops.js (navigator.sendBeacon, text/plain
 * JSON). Anyone may send them, signed in or not; what decides is the
 * visitor's analytics consent, read from the consent cookie the beacon
 * carries: without it the figures are refused, not stored.
 */

const MAX_BYTES = 2 * 1024;

/** Only POST means anything here. */
export const loader = postOnly;

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return postOnly();
  if (!(await analyticsAllowed(request))) return textResponse("No analytics consent.", 403);
  const body = await cappedJsonBody(request, MAX_BYTES, "Beacon too large.");
  if ("refusal" in body) return body.refusal;
  const report = beaconReport.safeParse(body.json);
  if (!report.success) return textResponse("Not a page-load beacon.", 400);
  recordBeacon(report.data);
  return new Response(null, { status: 204 });
}
