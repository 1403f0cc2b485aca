import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentUser } from "~/auth/session.server";
import { HelpSearchForm, SearchResults } from "~/components/help-search";
import { i18next } from "~/i18n/i18next.server";
import {
  cleanQuery,
  helpHome,
  MAX_QUERY_LENGTH,
  searchHelp,
  type HelpCategory,
  type SearchResult,
} from "~/models/help.server";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/public-page-headers";

export const meta: MetaFunction = () => [{ title: "Help · Kapatiran" }];
export const handle = { i18n: ["common", "help"], fromLoaderData: true };
export const headers = publicRouteHeaders;

/** /help: search (GET ?q=) and the published articles by topic. Anyone may read it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([i18next.getLocale(request), currentUser(request)]);
  const raw = new URL(request.url).searchParams.get("q") ?? "";
  const q = cleanQuery(raw);
  const results = q ? await searchHelp(q, locale) : null;
  const categories = q ? [] : await helpHome(locale);
  return Response.json(
    { q, trimmed: raw.trim().length > MAX_QUERY_LENGTH, results, categories },
    { headers: publicPageHeaders(Boolean(user)) },
  );
}

interface LoaderData {
  q: string;
  trimmed: boolean;
  results: SearchResult[] | null;
  categories: HelpCategory[];
}

export default function HelpCenter() {
  const { q, trimmed, results, categories } = useLoaderData<LoaderData>();
  const { t } = useTranslation("help");
  return (
    <section aria-labelledby="help-title" className="max-w-prose space-y-6">
      <h1 id="help-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <p className="text-stone-800">{t("intro")}</p>
      <HelpSearchForm q={q} />
      {results ? (
        <SearchResults q={q} trimmed={trimmed} results={results} />
      ) : (
        <>
          <section aria-labelledby="help-topics" className="space-y-4">
            <h2 id="help-topics" className="sr-only">
              {t("home.topics")}
            </h2>
            {categories.length === 0 ? <p>{t("home.empty")}</p> : null}
            {categories.map((category) => (
              <section key={category.key} aria-labelledby={`topic-${category.key}`} className="space-y-2">
                <h3 id={`topic-${category.key}`} className="text-xl font-semibold">
                  {t(`categories.${category.key}`, { defaultValue: t("categories.other") })}
                </h3>
                <ul className="list-disc space-y-1 pl-5">
                  {category.articles.map((article) => (
                    <li key={article.slug}>
                      <a className="link" href={`/help/${article.slug}`}>
                        {article.title}
                      </a>
                      {article.fallback ? <span className="text-sm text-stone-700"> {t("inEnglish")}</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
          <section aria-labelledby="help-faq" className="space-y-2">
            <h2 id="help-faq" className="text-xl font-semibold">
              {t("home.faqTitle")}
            </h2>
            <p>
              <a className="link" href="/help/faq">
                {t("home.faqLink")}
              </a>
            </p>
          </section>
        </>
      )}
    </section>
  );
}
