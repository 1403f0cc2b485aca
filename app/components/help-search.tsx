import { useTranslation } from "react-i18next";
import type { SearchResult } from "~/models/help.server";

/** The help search: a plain GET form, so it works before (and without) any JavaScript. */
export function HelpSearchForm({ q }: { q: string }) {
  const { t } = useTranslation("help");
  return (
    <form method="get" action="/help" role="search" className="space-y-1">
      <label htmlFor="help-q" className="block font-semibold">
        {t("search.label")}
      </label>
      <p id="help-q-hint" className="text-sm text-stone-700">
        {t("search.hint")}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id="help-q"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          aria-describedby="help-q-hint"
          className="min-w-0 flex-1 rounded border border-stone-500 bg-white px-3 py-2"
        />
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </div>
    </form>
  );
}

/**
 * Results with their excerpts. Excerpts arrive as plain text pieces (the
 * model splits ts_headline's markers), so highlighting is React elements,
 * never HTML from the database.
 */
export function SearchResults({ q, trimmed, results }: { q: string; trimmed: boolean; results: SearchResult[] }) {
  const { t } = useTranslation("help");
  return (
    <section aria-labelledby="help-results" className="space-y-4">
      <h2 id="help-results" className="text-xl font-semibold break-words">
        {t("search.resultsTitle", { q })}
      </h2>
      {trimmed ? <p className="text-sm text-stone-700">{t("search.trimmed", { max: 200 })}</p> : null}
      {results.length === 0 ? (
        <div className="space-y-2">
          <p role="status" className="break-words">
            {t("search.noMatch", { q })}
          </p>
          <p>{t("search.tryNext")}</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <a className="link" href="/help/faq">
                {t("search.readFaq")}
              </a>
            </li>
            <li>
              <a className="link" href="/support">
                {t("search.contactSupport")}
              </a>
            </li>
          </ul>
        </div>
      ) : (
        <>
          <p role="status">{t("search.count", { count: results.length })}</p>
          <ol className="space-y-4">
            {results.map((result) => (
              <li key={result.slug} className="space-y-1">
                <a className="link font-semibold" href={`/help/${result.slug}`} lang={result.locale}>
                  {result.title}
                </a>
                {result.kind === "faq" || result.fallback ? (
                  <span className="text-sm text-stone-700">
                    {" "}
                    {[result.kind === "faq" ? t("search.faqBadge") : null, result.fallback ? t("inEnglish") : null]
                      .filter(Boolean)
                      .join(" ")}
                  </span>
                ) : null}
                <p className="text-sm break-words text-stone-800" lang={result.locale}>
                  {result.excerpt.map((part, i) =>
                    part.match ? (
                      <mark key={i} className="bg-amber-100 text-stone-950">
                        {part.text}
                      </mark>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        <a className="link" href="/help">
          {t("search.allTopics")}
        </a>
      </p>
    </section>
  );
}
