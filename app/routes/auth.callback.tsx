import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { homeFor } from "~/auth/home";
import { finishSignIn, forgetSignInState } from "~/auth/oauth.server";
import { forgetReturnTo, returnToOf } from "~/auth/return-to.server";
import { startSession } from "~/auth/session.server";
import { findCurrentUser } from "~/models/users.server";
import { metrics } from "~/utils/metrics.server";
import { recordSignInFailure } from "~/utils/security-log.server";

export const meta: MetaFunction = () => [{ title: "Kapatiran" }, { name: "robots", content: "noindex" }];
export const handle = { i18n: ["common", "auth"] };

/** The OAuth redirect target: a session on success, a clear page and no session otherwise. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const result = await finishSignIn(request, meta);
  const headers = new Headers({ "Cache-Control": "no-store" });
  // The state is single-use: replaying this callback URL must fail.
  for (const cookie of forgetSignInState(request)) headers.append("Set-Cookie", cookie);
  headers.append("Set-Cookie", forgetReturnTo());

  if (!result.ok) {
    recordSignInFailure(result.reason, {
      requestId: context.requestId,
      ip: context.clientIp,
      detail: "detail" in result ? result.detail : undefined,
    });
    const status = result.reason === "uninvited" || result.reason === "deactivated" ? 403 : 400;
    return Response.json({ reason: result.reason }, { status, headers });
  }

  const user = await findCurrentUser(result.userId);
  if (!user) return Response.json({ reason: "deactivated" as const }, { status: 403, headers });
  headers.append("Set-Cookie", await startSession(user.id, request, context.clientIp));
  metrics().signIns.inc();
  context.logger.info({ event: "sign_in", userId: user.id }, "signed in");
  return redirect(returnToOf(request) ?? homeFor(user), { headers });
}

const KNOWN = new Set(["uninvited", "deactivated", "bad_state", "unverified_email", "account_conflict"]);

export default function SignInRefused() {
  const { reason } = useLoaderData<{ reason: string }>();
  const { t } = useTranslation("auth");
  const key = KNOWN.has(reason) ? reason : "failed";
  return (
    <section className="mx-auto max-w-prose space-y-4 py-6" aria-labelledby="refused-title">
      <h1 id="refused-title" className="text-2xl font-bold">
        {t(`refused.${key}.title`)}
      </h1>
      <p>{t(`refused.${key}.body`)}</p>
      <p>
        <a className="button" href="/auth/login">
          {t("tryAgain")}
        </a>
      </p>
    </section>
  );
}
