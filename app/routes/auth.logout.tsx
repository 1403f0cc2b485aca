import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logoutUrl } from "~/auth/identity-provider.server";
import { clearedSessionCookie, endSession } from "~/auth/session.server";

/** POST only: ends the session here, then at Cognito (whose /logout comes back to our home page). */
export async function action({ request }: ActionFunctionArgs) {
  await endSession(request);
  return redirect(logoutUrl(), { headers: { "Set-Cookie": clearedSessionCookie(), "Cache-Control": "no-store" } });
}

// A GET cannot sign anyone out (an <img src> on another site must not log members out).
export function loader() {
  return redirect("/");
}
