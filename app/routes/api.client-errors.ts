import type { ActionFunctionArgs } from "@remix-run/node";
import { clientErrorReport, recordClientError } from "~/ops/client-errors.server";
import { BodyTooLarge, parseJson, readCappedText } from "~/ops/request-body.server";

/**
 * Errors thrown in visitors' browsers, from public/ops.js. Open to everyone,
 * signed in or not (an error on the sign-in page matters too), so there is no
 * permission to check: the body is capped here, the rate per address in
 * server/app.ts, and what could name a person is scrubbed before storing.
 * No cookie is read or set.
 */

// A message and a stack of a few kilobytes; more is not an error report.
const MAX_BYTES = 8 * 1024;

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Only POST means anything here; say so rather than Remix's "no loader" 400. */
export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return text("Method Not Allowed", 405);
  let body: string;
  try {
    body = await readCappedText(request, MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return text("Report too large.", 413);
    throw error;
  }
  const report = clientErrorReport.safeParse(parseJson(body));
  if (!report.success) return text("Not a client error report.", 400);
  await recordClientError(report.data);
  return new Response(null, { status: 204 });
}
