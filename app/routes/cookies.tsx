import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentUser } from "~/auth/session.server";
import { useFormState, type FormState } from "~/components/form";
import {
  browserRefuses,
  choicesOf,
  consentForm,
  consentState,
  policyVersionForBanner,
  recordConsent,
} from "~/models/consent.server";
import { invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta: MetaFunction = () => [{ title: "Cookies · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "consent"] };
// The page shows this browser's own choice: never from a shared cache.
export const headers = () => memberPageHeaders();

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const state = consentState(request);
  return {
    state: state
      ? { policyVersion: state.policyVersion, preferences: state.preferences, analytics: state.analytics }
      : null,
    browserRefuses: browserRefuses(request),
    policyVersion: await policyVersionForBanner(),
    saved: url.searchParams.get("saved") === "1",
    // Only same-site paths: where "back" goes after saving.
    returnTo: safeRedirectPath(url.searchParams.get("returnTo"), ""),
  };
}

/**
 * Every choice (banner or this page) lands here as a plain POST: it is
 * recorded as proof (consent_records), remembered in the consent cookie, and
 * the visitor goes back. From the banner the banner vanishing is the answer;
 * from this page, the page says "saved".
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const result = parseForm(consentForm, await request.formData());
  if (!result.ok) return invalid(result);
  const user = await currentUser(request);
  const source = result.data.source === "banner" ? "banner" : "preferences";
  const { setCookie } = await recordConsent({
    request,
    choices: choicesOf(result.data),
    source,
    userId: user?.id ?? null,
    clientIp: context.clientIp,
  });
  const back = safeRedirectPath(result.data.returnTo, "/");
  const target =
    source === "banner" && back !== "/cookies"
      ? back
      : `/cookies?${new URLSearchParams({
          saved: "1",
          ...(back !== "/" && back !== "/cookies" ? { returnTo: back } : {}),
        })}`;
  return redirect(target, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
}

const NECESSARY = [
  { name: "kapatiran_session (__Host-kapatiran_session)", purpose: "session", lasts: "sessionLasts" },
  { name: "lng", purpose: "lng", lasts: "lngLasts" },
  { name: "consent", purpose: "consent", lasts: "consentLasts" },
  { name: "data_saver", purpose: "dataSaver", lasts: "dataSaverLasts" },
  { name: "kapatiran_oauth:…, kapatiran_return_to (__Host-…)", purpose: "signIn", lasts: "signInLasts" },
  { name: "local_idp_session, local_idp_interaction, local_idp_resume", purpose: "localIdp", lasts: "localIdpLasts" },
] as const;

function CookieTable({ rows }: { rows: readonly { name: string; purpose: string; lasts: string }[] }) {
  const { t } = useTranslation("consent");
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-1 pr-3">
              {t("page.cookie")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("page.purpose")}
            </th>
            <th scope="col" className="py-1">
              {t("page.lasts")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {rows.map((row) => (
            <tr key={row.name} className="align-top">
              <td className="py-1 pr-3 font-mono break-all">{row.name}</td>
              <td className="py-1 pr-3">{t(`cookies.${row.purpose}`)}</td>
              <td className="py-1">{t(`cookies.${row.lasts}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ErrorList({ state }: { state: FormState }) {
  const { t } = useTranslation();
  const messages = [...new Set(Object.values(state.errors ?? {}).flat())];
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{t("forms:summary")}</p>
      <ul className="list-disc pl-5">
        {messages.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </div>
  );
}

export default function Cookies() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("consent");
  const form = useFormState();
  const typed = (name: string) => form.values?.[name] === "on";
  const checked = (name: "preferences" | "analytics") =>
    form.values ? typed(name) : data.browserRefuses ? false : data.state?.[name] ?? false;
  const returnTo = typeof form.values?.returnTo === "string" ? form.values.returnTo : data.returnTo;
  return (
    <div className="max-w-prose space-y-6">
      <h1 className="text-2xl font-bold">{t("page.title")}</h1>
      {data.saved ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3">
          {t("page.saved")}{" "}
          {data.returnTo ? (
            <a className="link" href={data.returnTo}>
              {t("page.back")}
            </a>
          ) : null}
        </p>
      ) : null}
      {data.browserRefuses ? (
        <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3">
          {t("browserSignal")}
        </p>
      ) : null}
      <p>{t("page.intro")}</p>
      <p>
        {data.state
          ? t("page.current", {
              version: data.state.policyVersion,
              preferences: t(data.state.preferences ? "page.on" : "page.off"),
              analytics: t(data.state.analytics ? "page.on" : "page.off"),
            })
          : t("page.noChoice")}{" "}
        <a className="link" href="/privacy">
          {t("page.policyLink")}
        </a>
      </p>

      <section aria-labelledby="necessary-title" className="space-y-2">
        <h2 id="necessary-title" className="text-xl font-semibold">
          {t("categories.necessary.title")}
        </h2>
        <p>{t("categories.necessary.body")}</p>
        <CookieTable rows={NECESSARY} />
        <p className="text-sm text-stone-700">{t("cookies.csrf")}</p>
      </section>
      <section aria-labelledby="preferences-title" className="space-y-2">
        <h2 id="preferences-title" className="text-xl font-semibold">
          {t("categories.preferences.title")}
        </h2>
        <p>{t("categories.preferences.body")}</p>
        <p className="text-sm text-stone-700">{t("categories.none")}</p>
      </section>
      <section aria-labelledby="analytics-title" className="space-y-2">
        <h2 id="analytics-title" className="text-xl font-semibold">
          {t("categories.analytics.title")}
        </h2>
        <p>{t("categories.analytics.body")}</p>
        <p className="text-sm text-stone-700">{t("categories.none")}</p>
      </section>

      <form
        method="post"
        className="space-y-4 rounded border border-stone-300 bg-white p-4"
        aria-labelledby="form-title"
      >
        <h2 id="form-title" className="text-xl font-semibold">
          {t("page.formTitle")}
        </h2>
        <ErrorList state={form} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <input type="hidden" name="source" value="preferences" />
        <fieldset className="space-y-2">
          <legend className="sr-only">{t("page.formTitle")}</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked disabled className="h-5 w-5 accent-teal-800" />
            {t("page.alwaysOn")}
          </label>
          {(["preferences", "analytics"] as const).map((name) => (
            <label key={name} className="flex items-center gap-2">
              <input
                type="checkbox"
                name={name}
                value="on"
                defaultChecked={checked(name)}
                disabled={data.browserRefuses}
                aria-invalid={form.errors?.[name] ? true : undefined}
                className="h-5 w-5 accent-teal-800"
              />
              {t(`categories.${name}.title`)}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="choice" value="save" className="button">
            {t("page.save")}
          </button>
          {data.browserRefuses ? null : (
            <button type="submit" name="choice" value="all" className="button">
              {t("page.acceptAll")}
            </button>
          )}
          <button type="submit" name="choice" value="necessary" className="button">
            {t("page.onlyNecessary")}
          </button>
        </div>
      </form>
    </div>
  );
}
