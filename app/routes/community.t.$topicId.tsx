import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, useFormState } from "~/components/form";
import { PostBodyField } from "~/components/forum/fields";
import { ForumPost } from "~/components/forum/post";
import { TopicTools } from "~/components/forum-moderation-tools";
import { Pagination } from "~/components/pagination";
import { DoneMessage } from "~/components/support-ticket";
import { i18next } from "~/i18n/i18next.server";
import { notYourPost, requireForumUser } from "~/models/forum/access.server";
import { BODY_MAX, deletePost, markAnswer, replyForm, replyToTopic, type Refusal } from "~/models/forum/posting.server";
import { setSubscribed } from "~/models/forum/subscriptions.server";
import {
  lastPageOf,
  mayReadTopic,
  quotablePost,
  topicPage,
  type QuoteView,
  type TopicPage,
} from "~/models/forum/topic-page.server";
import { formValues, invalid, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";
import { pageParam } from "~/utils/paging";

/**
 * One topic: the opening post and the replies in order (20 a page), a reply
 * form (prefilled with a quote by `?quote=postId`), subscribe / unsubscribe,
 * and mark-as-answer for questions. Every action is a plain form post here;
 * the model decides who may do what, whatever ids the form carried.
 */

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${(data as { topic?: TopicPage } | undefined)?.topic?.title ?? "Community"} · Kapatiran` },
];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

const DONE = [
  "started",
  "startedPending",
  "replied",
  "pending",
  "edited",
  "deleted",
  "subscribed",
  "unsubscribed",
  "answered",
  "unanswered",
];

interface LoaderData {
  topic: TopicPage;
  quote: QuoteView | null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireForumUser(request);
  const locale = await i18next.getLocale(request);
  const url = new URL(request.url);
  const topicId = params.topicId ?? "";
  const topic = await topicPage(user, topicId, pageParam(url.searchParams), locale);
  if (!topic) throw new Response("Not Found", { status: 404 });
  const quoteId = url.searchParams.get("quote");
  const quote = quoteId && topic.canReply ? await quotablePost(user, topicId, quoteId) : null;
  const data: LoaderData = { topic, quote };
  return Response.json(data, { headers: memberPageHeaders() });
}

/** A refusal as the page answers it: 404 and 403 as such, the rest as a message on the form. */
function answer(reason: Refusal, values: Record<string, string | string[]>) {
  if (reason === "not_found") throw new Response("Not Found", { status: 404 });
  if (reason === "forbidden") throw notYourPost();
  return refused(`forum:errors.${reason}`, values, reason === "rate_limited" ? 429 : 400);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireForumUser(request);
  const topicId = params.topicId ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const back = (done: string, page?: number, anchor = "") =>
    redirect(
      `/community/t/${topicId}?${new URLSearchParams({ ...(page ? { page: String(page) } : {}), done })}${anchor}`
    );
  const values = formValues(form);

  if (intent === "reply") {
    const result = parseForm(replyForm, form);
    if (!result.ok) return invalid(result);
    const outcome = await replyToTopic(user, topicId, result.data);
    if (!outcome.ok) return answer(outcome.reason, values);
    const page = await lastPageOf(user, topicId);
    return back(outcome.state === "pending" ? "pending" : "replied", page, `#post-${outcome.postId}`);
  }
  if (intent === "delete") {
    const outcome = await deletePost(user, String(form.get("postId") ?? ""));
    if (!outcome.ok) return answer(outcome.reason, values);
    if (outcome.topicDeleted) return redirect("/community?done=topicDeleted");
    return back("deleted");
  }
  if (intent === "answer" || intent === "unanswer") {
    const postId = intent === "answer" ? String(form.get("postId") ?? "") : null;
    const outcome = await markAnswer(user, topicId, postId, {
      requestId: context.requestId,
      ipAddress: context.clientIp,
    });
    if (!outcome.ok) return answer(outcome.reason, values);
    return back(intent === "answer" ? "answered" : "unanswered");
  }
  if (intent === "subscribe" || intent === "unsubscribe") {
    // Only a topic the reader can see: the page's loader decides that.
    if (!(await mayReadTopic(user, topicId))) throw new Response("Not Found", { status: 404 });
    await setSubscribed(user, topicId, intent === "subscribe");
    return back(intent === "subscribe" ? "subscribed" : "unsubscribed");
  }
  return refused("forms:choose", values);
}

export default function TopicRoute() {
  const { topic, quote } = useLoaderData<LoaderData>();
  const { t } = useTranslation("forum");
  const done = useSearchParams()[0].get("done");
  return (
    <section aria-labelledby="topic-title" className="max-w-3xl space-y-6">
      <p className="flex flex-wrap gap-x-3">
        <a className="link" href="/community">
          {t("back")}
        </a>
        <a className="link" href={`/community/c/${topic.category.slug}`}>
          {topic.category.name}
        </a>
      </p>
      <h1 id="topic-title" className="text-2xl font-bold break-words">
        {topic.title}
      </h1>
      {topic.staff ? <TopicTools topic={{ id: topic.id, forQuestions: topic.category.forQuestions }} /> : null}
      {done && DONE.includes(done) ? <DoneMessage text={t(`done.${done}`)} /> : null}
      <p className="flex flex-wrap gap-x-3 text-sm text-stone-800">
        {topic.locked ? <strong>{t("topic.locked")}</strong> : null}
        {topic.state === "hidden" ? <strong>{t("topic.hidden")}</strong> : null}
        {topic.category.forQuestions ? (
          <span>{topic.answerPostId ? t("topic.answered") : t("topic.unanswered")}</span>
        ) : null}
      </p>

      <section aria-labelledby="posts-title" className="space-y-3">
        <h2 id="posts-title" className="sr-only">
          {t("topic.posts")}
        </h2>
        {topic.posts.map((post) => (
          <ForumPost
            key={post.id}
            post={post}
            topicId={topic.id}
            canReply={topic.canReply}
            page={topic.page}
            viewer={topic}
          />
        ))}
        <Pagination page={topic.page} pageCount={topic.pageCount} hrefFor={(to) => `?page=${to}`} />
      </section>

      <Subscription subscribed={topic.subscribed} />
      {topic.canReply ? <ReplyForm quote={quote} /> : <p className="font-semibold">{t("topic.noReplies")}</p>}
    </section>
  );
}

function Subscription({ subscribed }: { subscribed: boolean }) {
  const { t } = useTranslation("forum");
  return (
    <section
      aria-labelledby="subscription-title"
      className="max-w-prose space-y-2 rounded border border-stone-300 bg-white p-3"
    >
      <h2 id="subscription-title" className="text-lg font-semibold">
        {t("subscription.title")}
      </h2>
      <p>{subscribed ? t("subscription.on") : t("subscription.off")}</p>
      <form method="post">
        <input type="hidden" name="intent" value={subscribed ? "unsubscribe" : "subscribe"} />
        <button
          type="submit"
          className="rounded border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50"
        >
          {subscribed ? t("subscription.stop") : t("subscription.start")}
        </button>
      </form>
    </section>
  );
}

function ReplyForm({ quote }: { quote: QuoteView | null }) {
  const { t } = useTranslation("forum");
  const state = useFormState();
  return (
    <section aria-labelledby="reply-title" className="max-w-prose space-y-3">
      <h2 id="reply-title" className="text-xl font-semibold">
        {t("reply.title")}
      </h2>
      <form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="reply" />
        <FormErrors state={state} />
        {quote ? (
          <div className="space-y-1">
            <input type="hidden" name="quotedPostId" value={quote.postId} />
            <p className="text-sm font-semibold">{t("reply.quoting", { name: quote.authorName })}</p>
            <blockquote className="border-l-4 border-stone-300 pl-3 text-sm break-words text-stone-800">
              {quote.excerpt}
            </blockquote>
          </div>
        ) : null}
        <PostBodyField label={t("reply.label")} state={state} rows={6} maxLength={BODY_MAX} />
        <button type="submit" className="button">
          {t("reply.submit")}
        </button>
      </form>
    </section>
  );
}
