import { useTranslation } from "react-i18next";
import { ModeratedNotice, PostTools } from "~/components/forum-moderation-tools";
import { HelpProse } from "~/components/help-prose";
import { useTicketTime } from "~/components/support-ticket";
import { FORUM_TIME_ZONE } from "./forum-time";

/**
 * One post on a topic page: who wrote it (name, church only if they chose),
 * when, whether it was edited, the quote it answers, the text (sanitized on
 * the server), and what this reader may do with it — every action a plain
 * form or link, so the page works without JavaScript.
 */

export interface PostItem {
  id: string;
  authorName: string;
  authorChurch: string | null;
  html: string;
  state: "published" | "pending" | "hidden" | "deleted";
  moderationReason: string | null;
  opening: boolean;
  isAnswer: boolean;
  createdAt: string;
  editedAt: string | null;
  quote: { postId: string; authorName: string; excerpt: string } | null;
  canEdit: boolean;
  canDelete: boolean;
  canMarkAnswer: boolean;
  mine: boolean;
}

const SMALL_BUTTON =
  "rounded border border-teal-800 bg-white px-3 py-1 text-sm font-semibold text-teal-900 hover:bg-teal-50";

export function ForumPost({
  post,
  topicId,
  canReply,
  page,
  viewer,
}: {
  post: PostItem;
  topicId: string;
  canReply: boolean;
  page: number;
  /** What the reader may do beyond posting: report (post:forum), moderate (staff). */
  viewer: { canFlag: boolean; staff: boolean };
}) {
  const { t } = useTranslation("forum");
  const when = useTicketTime(FORUM_TIME_ZONE);
  const headingId = `post-${post.id}-by`;
  return (
    <article
      id={`post-${post.id}`}
      aria-labelledby={headingId}
      className={`space-y-2 rounded border p-3 ${
        post.isAnswer ? "border-teal-800 bg-teal-50" : "border-stone-300 bg-white"
      }`}
    >
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm text-stone-800">
        <h3 id={headingId} className="font-semibold text-stone-900">
          {post.authorChurch
            ? t("byWithChurch", { name: post.authorName, church: post.authorChurch })
            : post.authorName}
        </h3>
        <time dateTime={post.createdAt}>{when(post.createdAt)}</time>
        {post.editedAt ? <span>{t("post.edited")}</span> : null}
        {post.isAnswer ? <strong className="text-teal-900">{t("post.answer")}</strong> : null}
      </header>
      <ModeratedNotice state={post.state} reason={post.moderationReason} />
      {post.quote ? (
        <blockquote className="border-l-4 border-stone-300 pl-3 text-sm text-stone-800">
          <p className="font-semibold">
            <a className="link" href={`#post-${post.quote.postId}`}>
              {t("post.quoteWrote", { name: post.quote.authorName })}
            </a>
          </p>
          <p className="break-words">{post.quote.excerpt}</p>
        </blockquote>
      ) : null}
      {post.html ? <HelpProse html={post.html} /> : null}
      <PostActions post={post} topicId={topicId} canReply={canReply} page={page} />
      <PostTools post={post} canFlag={viewer.canFlag} canModerate={viewer.staff} own={post.mine} />
    </article>
  );
}

function PostActions({
  post,
  topicId,
  canReply,
  page,
}: {
  post: PostItem;
  topicId: string;
  canReply: boolean;
  page: number;
}) {
  const { t } = useTranslation("forum");
  const published = post.state === "published";
  return (
    <div className="flex flex-wrap items-start gap-3 text-sm">
      {canReply && published ? (
        <a className="link" href={`/community/t/${topicId}?page=${page}&quote=${post.id}#reply-title`}>
          {t("post.quote")}
        </a>
      ) : null}
      {post.canEdit ? (
        <a className="link" href={`/community/posts/${post.id}/edit`}>
          {t("post.edit")}
        </a>
      ) : null}
      {post.canMarkAnswer && !post.isAnswer ? (
        <form method="post">
          <input type="hidden" name="intent" value="answer" />
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" className={SMALL_BUTTON}>
            {t("post.markAnswer")}
          </button>
        </form>
      ) : null}
      {post.canMarkAnswer && post.isAnswer ? (
        <form method="post">
          <input type="hidden" name="intent" value="unanswer" />
          <button type="submit" className={SMALL_BUTTON}>
            {t("post.unmarkAnswer")}
          </button>
        </form>
      ) : null}
      {post.canDelete ? (
        <details>
          <summary className="link cursor-pointer">{t("post.delete")}</summary>
          <form method="post" className="mt-2 space-y-2">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="postId" value={post.id} />
            <p>{post.opening ? t("post.deleteTopicWarning") : t("post.deleteWarning")}</p>
            <button
              type="submit"
              className="rounded border border-red-800 bg-white px-3 py-1 font-semibold text-red-900 hover:bg-red-50"
            >
              {t("post.deleteConfirm")}
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}
