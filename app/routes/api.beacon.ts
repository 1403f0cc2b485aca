import type { ActionFunctionArgs } from "@remix-run/node";
import { BodyTooLarge, parseJson, readCappedText } from "~/ops/request-body.server";
import { analyticsAllowed, beaconReport, recordBeacon } from "~/ops/vitals.server";

/**
 * Page-load figures from public/ops.js (navigator.sendBeacon, text/plain
 * JSON). Anyone may send them, signed in or not; what decides is the
 * visitor's analytics consent, read from the consent cookie the beacon
 * carries: without it the figures are refused, not stored.
 */

const MAX_BYTES = 2 * 1024;

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Only POST means anything here; say so rather than Remix's "no loader" 400. */
export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return text("Method Not Allowed", 405);
  if (!(await analyticsAllowed(request))) return text("No analytics consent.", 403);
  let body: string;
  try {
    body = await readCappedText(request, MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return text("Beacon too large.", 413);
    throw error;
  }
  const report = beaconReport.safeParse(parseJson(body));
  if (!report.success) return text("Not a page-load beacon.", 400);
  recordBeacon(report.data);
  return new Response(null, { status: 204 });
}
