import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentUser } from "~/auth/session.server";
import { FormErrors, useFormState, valueOf } from "~/components/form";
import { HelpProse } from "~/components/help-prose";
import { i18next } from "~/i18n/i18next.server";
import { helpArticle, helpFeedbackForm, recordHelpFeedback, type ShownArticle } from "~/models/help.server";
import { invalid, parseForm } from "~/utils/forms";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/public-page-headers";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${(data as { article: ShownArticle }).article.title} · Kapatiran` : "Help · Kapatiran" },
];
export const handle = { i18n: ["common", "forms", "help"], fromLoaderData: true };
export const headers = publicRouteHeaders;

/** Slugs are lowercase words and dashes; anything else cannot be an article. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!SLUG.test(slug)) throw notFound();
  const [locale, user] = await Promise.all([i18next.getLocale(request), currentUser(request)]);
  const article = await helpArticle(slug, locale);
  if (!article) throw notFound();
  const thanks = new URL(request.url).searchParams.get("feedback") === "thanks";
  return Response.json({ article, thanks }, { headers: publicPageHeaders(Boolean(user)) });
}

/** "Was this helpful?": anyone may answer, signed in or not; then back to the article (PRG). */
export async function action({ request, params }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  if (!SLUG.test(slug)) throw notFound();
  const result = parseForm(helpFeedbackForm, await request.formData());
  if (!result.ok) {
    const answer = invalid(result);
    answer.headers.set("Cache-Control", "private, no-store");
    return answer;
  }
  const [locale, user] = await Promise.all([i18next.getLocale(request), currentUser(request)]);
  const stored = await recordHelpFeedback({
    slug,
    locale,
    helpful: result.data.helpful === "yes",
    comment: result.data.comment,
    userId: user?.id ?? null,
  });
  if (!stored) throw notFound();
  const back = new URLSearchParams({ feedback: "thanks" });
  // Keep a language chosen in the address (?lng=fil), so the thanks come in it too.
  const lng = new URL(request.url).searchParams.get("lng");
  if (lng) back.set("lng", lng);
  return redirect(`/help/${slug}?${back}#feedback`);
}

export default function HelpArticle() {
  const { article, thanks } = useLoaderData<{ article: ShownArticle; thanks: boolean }>();
  const { t } = useTranslation("help");
  const state = useFormState();
  const commentError = state.errors?.comment;
  return (
    <div className="max-w-prose space-y-6">
      <nav aria-label={t("article.breadcrumb")} className="text-sm">
        <a className="link" href="/help">
          {t("title")}
        </a>
        {article.kind === "faq" ? (
          <>
            {" › "}
            <a className="link" href="/help/faq">
              {t("article.faq")}
            </a>
          </>
        ) : null}
      </nav>
      {article.fallback ? (
        <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3 text-stone-900">
          {t("article.fallback")}
        </p>
      ) : null}
      <article lang={article.locale} aria-labelledby="article-title" className="space-y-4">
        <h1 id="article-title" className="text-2xl font-bold break-words">
          {article.title}
        </h1>
        <HelpProse html={article.html} />
      </article>
      <section
        id="feedback"
        aria-labelledby="feedback-title"
        className="space-y-3 rounded border border-stone-300 bg-white p-4"
      >
        <h2 id="feedback-title" className="text-lg font-semibold">
          {t("feedback.title")}
        </h2>
        {thanks ? (
          <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
            {t("feedback.thanks")}
          </p>
        ) : (
          <form method="post" className="space-y-3" noValidate>
            <FormErrors state={state} />
            {state.errors?.helpful ? (
              <p id="feedback-helpful-error" className="text-sm font-semibold text-red-800">
                {state.errors.helpful.map((key) => t(key)).join(" ")}
              </p>
            ) : null}
            <div className="space-y-1">
              <label htmlFor="feedback-comment" className="block font-semibold">
                {t("feedback.comment")}
              </label>
              <p id="feedback-comment-hint" className="text-sm text-stone-700">
                {t("feedback.commentHint")}
              </p>
              <textarea
                id="feedback-comment"
                name="comment"
                rows={3}
                maxLength={1000}
                defaultValue={valueOf(state, "comment")}
                aria-invalid={commentError ? true : undefined}
                aria-describedby={["feedback-comment-hint", commentError ? "feedback-comment-error" : null]
                  .filter(Boolean)
                  .join(" ")}
                className="w-full rounded border border-stone-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
              />
              {commentError ? (
                <p id="feedback-comment-error" className="text-sm font-semibold text-red-800">
                  {commentError.map((key) => t(key)).join(" ")}
                </p>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-3">
              <button
                type="submit"
                name="helpful"
                value="yes"
                className="button"
                aria-describedby={state.errors?.helpful ? "feedback-helpful-error" : undefined}
              >
                {t("feedback.yes")}
              </button>
              <button
                type="submit"
                name="helpful"
                value="no"
                className="button"
                aria-describedby={state.errors?.helpful ? "feedback-helpful-error" : undefined}
              >
                {t("feedback.no")}
              </button>
            </div>
          </form>
        )}
      </section>
      <p>
        {t("article.stillNeedHelp")}{" "}
        <a className="link" href="/support">
          {t("article.contactSupport")}
        </a>
      </p>
    </div>
  );
}
