import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DoneMessage } from "~/components/support-ticket";
import { subscriptionByToken, unsubscribeByToken } from "~/models/forum/subscriptions.server";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * The unsubscribe link of a forum e-mail, without signing in: the token
 * names one subscription and nothing else. GET only shows a button: mail
 * scanners open links to check them, and that must not unsubscribe anyone.
 * The POST does it.
 */

export const meta: MetaFunction = () => [{ title: "Stop e-mails · Community · Kapatiran" }];
export const handle = { i18n: ["common", "forum"] };
export const headers = memberPageHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const subscription = await subscriptionByToken(params.token ?? "");
  return Response.json({ title: subscription?.title ?? null }, { headers: memberPageHeaders() });
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await unsubscribeByToken(params.token ?? "");
  return Response.json({ done }, { headers: memberPageHeaders() });
}

export default function UnsubscribePage() {
  const { title } = useLoaderData<{ title: string | null }>();
  const result = useActionData<{ done: boolean }>();
  const { t } = useTranslation("forum");
  return (
    <section aria-labelledby="unsubscribe-title" className="max-w-prose space-y-4">
      <h1 id="unsubscribe-title" className="text-2xl font-bold">
        {t("unsubscribe.title")}
      </h1>
      {result ? (
        <DoneMessage text={result.done ? t("unsubscribe.done") : t("unsubscribe.unknown")} />
      ) : title ? (
        <form method="post" className="space-y-3">
          <p className="break-words">{t("unsubscribe.confirm", { title })}</p>
          <button type="submit" className="button">
            {t("unsubscribe.submit")}
          </button>
        </form>
      ) : (
        <p>{t("unsubscribe.unknown")}</p>
      )}
    </section>
  );
}
