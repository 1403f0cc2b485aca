import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentUser } from "~/auth/session.server";
import { HelpProse } from "~/components/help-prose";
import { i18next } from "~/i18n/i18next.server";
import { listPolicyVersions, policyText } from "~/models/privacy-policy.server";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/public-page-headers";

export const meta: MetaFunction = () => [{ title: "Privacy policy · Kapatiran" }];
export const handle = { i18n: ["common", "consent"] };
export const headers = publicRouteHeaders;

const notFound = () => new Response("Not Found", { status: 404 });
const VERSION = /^[1-9][0-9]{0,8}$/;
const day = (iso: string) => iso.slice(0, 10);

/** /privacy (current version) and /privacy?version=N (an earlier one, as it was published). */
export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("version");
  if (asked !== null && !VERSION.test(asked)) throw notFound();
  const [locale, user] = await Promise.all([i18next.getLocale(request), currentUser(request)]);
  const [policy, versions] = await Promise.all([
    policyText(locale, asked === null ? undefined : Number(asked)),
    listPolicyVersions(),
  ]);
  if (!policy) throw notFound();
  const headers = new Headers(publicPageHeaders(Boolean(user)));
  return Response.json(
    {
      policy,
      latest: versions[0]?.version ?? policy.version,
      versions: versions.map((v) => ({ version: v.version, summary: v.summary, date: day(v.publishedAt) })),
    },
    { headers }
  );
}

type LoaderData = {
  policy: NonNullable<Awaited<ReturnType<typeof policyText>>>;
  latest: number;
  versions: { version: number; summary: string; date: string }[];
};

export default function PrivacyPolicy() {
  const { policy, latest, versions } = useLoaderData<typeof loader>() as unknown as LoaderData;
  const { t } = useTranslation("consent");
  const earlier = versions.filter((v) => v.version !== policy.version);
  return (
    <div className="max-w-prose space-y-6">
      {policy.version !== latest ? (
        <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3">
          {t("privacy.viewing", { version: policy.version })}{" "}
          <a className="link" href="/privacy">
            {t("privacy.current")}
          </a>
        </p>
      ) : null}
      {policy.fallback ? (
        <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3">
          {t("privacy.fallback")}
        </p>
      ) : null}
      <article lang={policy.locale} className="space-y-4">
        <h1 className="text-2xl font-bold">{policy.title}</h1>
        <p className="text-sm text-stone-700">
          {t("privacy.version", { version: policy.version, date: day(policy.publishedAt) })}
        </p>
        <HelpProse html={policy.html} />
      </article>
      {earlier.length > 0 ? (
        <section aria-labelledby="earlier-versions" className="space-y-2 border-t border-stone-300 pt-3">
          <h2 id="earlier-versions" className="text-xl font-semibold">
            {t("privacy.earlier")}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {earlier.map((v) => (
              <li key={v.version}>
                <a className="link" href={`/privacy?version=${v.version}`}>
                  {t("privacy.versionLink", { version: v.version, date: v.date, summary: v.summary })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
