import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { clearedSessionCookie, endAllSessions } from "~/auth/session.server";
import { memberPageHeaders } from "~/utils/http-headers";

/** Built-in roles are translated by key; a church's own roles keep the name it gave them. */
const roleLabelOf = (role: { key: string; name: string; builtIn: boolean }) => ({
  key: role.builtIn ? role.key : "custom",
  name: role.name,
});

export const meta: MetaFunction = () => [{ title: "My account · Kapatiran" }];
export const handle = { i18n: ["common", "me"] };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return Response.json(
    { displayName: user.displayName, email: user.email, role: roleLabelOf(user.role), churchName: user.churchName },
    { headers: memberPageHeaders() },
  );
}

/** "Sign out everywhere": ends every session of this user, this one included. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "sign-out-everywhere") throw new Response("Unknown action", { status: 400 });
  const ended = await endAllSessions(user.id);
  context.logger.info({ event: "sign_out_everywhere", userId: user.id, ended }, "signed out everywhere");
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export default function MyAccount() {
  const { displayName, email, role, churchName } = useLoaderData<typeof loader>() as {
    displayName: string;
    email: string;
    role: { key: string; name: string };
    churchName: string | null;
  };
  const { t } = useTranslation("me");
  return (
    <section aria-labelledby="me-title" className="mx-auto max-w-prose space-y-6">
      <h1 id="me-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold">{t("name")}</dt>
        <dd>{displayName}</dd>
        <dt className="font-semibold">{t("email")}</dt>
        <dd className="break-all">{email}</dd>
        <dt className="font-semibold">{t("role")}</dt>
        <dd>{role.key === "custom" ? role.name : t(`roles.${role.key}`)}</dd>
        {churchName ? (
          <>
            <dt className="font-semibold">{t("church")}</dt>
            <dd>{churchName}</dd>
          </>
        ) : null}
      </dl>
      <div className="space-y-3">
        <h2 className="text-lg font-semibold">{t("sessions.title")}</h2>
        <p>{t("sessions.body")}</p>
        <form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button">
            {t("sessions.signOutEverywhere")}
          </button>
        </form>
      </div>
    </section>
  );
}
