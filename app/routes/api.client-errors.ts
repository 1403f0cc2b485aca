import type { ActionFunctionArgs } from "@remix-run/node";
import { clientErrorReport, recordClientError } from "~/ops/client-errors.server";
import { cappedJsonBody, postOnly, textResponse } from "~/ops/request-body.server";

/**
 * Errors thrown in visitors' browsers, from public/ops.js. Open to everyone,
 * signed in or not (an error on the sign-in page matters too), so there is no
 * permission to check: the body is capped here, the rate per address in
 * server/app.ts, and what could name a person is scrubbed before storing.
 * No cookie is read or set.
 */

// A message and a stack of a few kilobytes; more is not an error report.
const MAX_BYTES = 8 * 1024;

/** Only POST means anything here. */
export const loader = postOnly;

export async function action({ request }: ActionFunctionArgs) {
  const body = await cappedJsonBody(request, MAX_BYTES, "Report too large.");
  if ("refusal" in body) return body.refusal;
  const report = clientErrorReport.safeParse(body.json);
  if (!report.success) return textResponse("Not a client error report.", 400);
  await recordClientError(report.data);
  return new Response(null, { status: 204 });
}
