import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { homeFor } from "~/auth/home";
import { startSignIn } from "~/auth/oauth.server";
import { currentUser } from "~/auth/session.server";
import { rememberReturnTo } from "~/auth/return-to.server";
import { safeRedirectPath } from "~/utils/safe-redirect";

/** Starts Google sign-in through Cognito (or the local provider), remembering where to come back. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await currentUser(request);
  if (user) throw redirect(safeRedirectPath(url.searchParams.get("redirectTo"), homeFor(user)));
  try {
    return await startSignIn(request);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    thrown.headers.append("Set-Cookie", rememberReturnTo(url.searchParams.get("redirectTo")));
    thrown.headers.set("Cache-Control", "no-store");
    throw thrown;
  }
}
