import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { useFormState } from "~/components/form";
import { ModerationForm } from "~/components/forum/moderation-form";
import { ModeratedNotice } from "~/components/forum-moderation-tools";
import { ModerationNav } from "~/components/forum-moderation-nav";
import { findPostForModeration, type PostForModeration } from "~/models/forum/moderation-queue.server";
import { moderatePost, postActionForm, type PostAction } from "~/models/forum/moderation.server";
import { invalid, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * One post as a moderator sees it (`moderate:forum`): its text (sanitized
 * like every post), its state, the open reports, and the actions its state
 * allows — hide or delete with a reason the author is shown, approve a post
 * that waits, restore, or keep it and dismiss the reports.
 */

export const meta: MetaFunction = () => [{ title: "Moderate a post · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

const notFound = () => new Response("Not Found", { status: 404 });

/** The buttons each state offers, in the order shown. */
const ACTIONS_FOR: Record<PostForModeration["state"], PostAction[]> = {
  pending: ["approve", "hide", "delete"],
  published: ["keep", "hide", "delete"],
  hidden: ["restore", "delete", "keep"],
  deleted: ["restore", "keep"],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, "moderate:forum");
  const post = await findPostForModeration(staff, params.postId ?? "");
  if (!post) throw notFound();
  return Response.json({ post }, { headers: memberPageHeaders() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requirePermission(request, "moderate:forum");
  const postId = params.postId ?? "";
  const result = parseForm(postActionForm, await request.formData());
  if (!result.ok) {
    if (!(await findPostForModeration(staff, postId))) throw notFound();
    return invalid(result);
  }
  const outcome = await moderatePost(staff, postId, result.data, { requestId: context.requestId, ipAddress: context.clientIp });
  if (!outcome.ok && outcome.reason === "notFound") throw notFound();
  if (!outcome.ok) return refused("forum:moderation.errors.stale", { reason: result.data.reason }, 409);
  return redirect(`/community/moderation?done=${result.data.intent}`);
}

export default function ModeratePostPage() {
  const { post } = useLoaderData<{ post: PostForModeration }>();
  const { t } = useTranslation("forum");
  const state = useFormState();
  return (
    <section aria-labelledby="moderate-title" className="max-w-3xl space-y-6">
      <ModerationNav current="other" />
      <h1 id="moderate-title" className="text-2xl font-bold break-words">
        {t("moderation.post.title", { title: post.topicTitle })}
      </h1>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <span className="font-semibold">{t(`moderation.state.${post.state}`)}</span>
        <span>{t(post.opening ? "moderation.post.opening" : "moderation.post.reply", { name: post.authorName })}</span>
        <a className="link" href={`/community/moderation/topics/${post.topicId}`}>
          {t("moderation.moderateTopic")}
        </a>
        {post.topicState === "visible" ? (
          <a className="link" href={`/community/t/${post.topicId}#post-${post.id}`}>
            {t("moderation.post.inTopic")}
          </a>
        ) : null}
      </p>
      <ModeratedNotice state={post.state} reason={post.moderationReason} />
      {/* Sanitized on the server (markdown.server.ts) like every post the forum shows. */}
      <div className="prose max-w-none rounded border border-stone-300 p-3 break-words" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      {post.flags.length > 0 ? (
        <section aria-labelledby="reports-title" className="space-y-2">
          <h2 id="reports-title" className="text-xl font-semibold">
            {t("moderation.queue.reports", { count: post.flags.length })}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {post.flags.map((flag, index) => (
              <li key={index} className="break-words">
                {t("moderation.post.report", { reason: flag.reason, name: flag.flaggedBy })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ModerationForm
        title={t("moderation.post.act")}
        reasonHint={t("moderation.reason.hint")}
        state={state}
        actions={ACTIONS_FOR[post.state]}
        actionLabel={(intent) => t(`moderation.post.actions.${intent}`)}
      />
    </section>
  );
}
