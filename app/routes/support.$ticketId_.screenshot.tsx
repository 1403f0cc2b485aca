import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { ticketScreenshot } from "~/models/support-tickets.server";

/**
 * The screenshot sent with a support question (WebP, re-encoded on upload),
 * for the person who asked and for support staff. Everyone else, and every
 * ticket without one, gets the same 404, so a URL reveals nothing. Kept by
 * the viewer's own browser only: it may show personal data.
 */

export const handle = { help: "contacting-support" };

const notFound = () => new Response("Not Found", { status: 404, headers: { "Cache-Control": "private, no-store" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user, "open:ticket") && !can(user, "answer:tickets")) {
    throw new Response("Forbidden: this needs the permission open:ticket or answer:tickets", { status: 403 });
  }
  const bytes = await ticketScreenshot(user, params.ticketId ?? "");
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Read-only: a POST is answered plainly, not logged as an error. */
export function action() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "GET" } });
}
