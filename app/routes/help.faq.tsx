import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentUser } from "~/auth/session.server";
import { HelpProse } from "~/components/help-prose";
import { i18next } from "~/i18n/i18next.server";
import { faqEntries, type FaqEntry } from "~/models/help.server";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/public-page-headers";

export const meta: MetaFunction = () => [{ title: "FAQ · Kapatiran" }];
export const handle = { i18n: ["common", "help"], fromLoaderData: true };
export const headers = publicRouteHeaders;

/** /help/faq: every published question with its answer. Anyone may read it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([i18next.getLocale(request), currentUser(request)]);
  return Response.json({ groups: await faqEntries(locale) }, { headers: publicPageHeaders(Boolean(user)) });
}

/**
 * Questions as <details>: the browser opens and closes them without any
 * JavaScript, and a link to /help/faq#<slug> opens the one it points at.
 */
export default function Faq() {
  const { groups } = useLoaderData<{ groups: { key: string; entries: FaqEntry[] }[] }>();
  const { t, i18n } = useTranslation("help");
  const anyFallback = groups.some((group) => group.entries.some((entry) => entry.fallback));
  // One group needs no group heading: the questions sit right under the page title.
  const single = groups.length === 1;
  const Question = single ? "h2" : "h3";
  return (
    <section aria-labelledby="faq-title" className="max-w-prose space-y-6">
      <nav aria-label={t("article.breadcrumb")} className="text-sm">
        <a className="link" href="/help">
          {t("faq.helpCenter")}
        </a>
      </nav>
      <h1 id="faq-title" className="text-2xl font-bold">
        {t("faq.title")}
      </h1>
      {groups.length === 0 ? <p>{t("faq.empty")}</p> : <p className="text-stone-800">{t("faq.intro")}</p>}
      {anyFallback ? (
        <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3 text-stone-900">
          {t("faq.fallback")}
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={single ? undefined : `faq-${group.key}`} className="space-y-2">
          {single ? null : (
            <h2 id={`faq-${group.key}`} className="text-xl font-semibold">
              {t(`categories.${group.key}`, { defaultValue: t("categories.other") })}
            </h2>
          )}
          {group.entries.map((entry) => (
            <details
              key={entry.slug}
              id={entry.slug}
              lang={entry.fallback ? "en" : undefined}
              className="rounded border border-stone-300 bg-white"
            >
              <summary className="cursor-pointer px-3 py-2 font-semibold break-words">
                <Question className="inline">{entry.question}</Question>
                {entry.fallback ? (
                  <span lang={i18n.language} className="text-sm font-normal text-stone-700">
                    {" "}
                    {t("inEnglish")}
                  </span>
                ) : null}
              </summary>
              <div className="border-t border-stone-200 px-3 py-2">
                <HelpProse html={entry.answer} />
              </div>
            </details>
          ))}
        </section>
      ))}
      <p>
        {t("faq.moreHelp")}{" "}
        <a className="link" href="/help">
          {t("faq.helpCenter")}
        </a>
        {" · "}
        <a className="link" href="/support">
          {t("article.contactSupport")}
        </a>
      </p>
    </section>
  );
}
