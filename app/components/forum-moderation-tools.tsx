import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormState } from "~/components/form";
import type { PostState } from "~/db/schema-forum.server";
import { ReasonField } from "~/components/forum/fields";

/**
 * The moderation pieces the forum's topic page shows (forum-posting renders
 * them; the pages they lead to are the /community/moderation routes):
 * a member's "Report" form under each post, staff links to moderate a post or
 * a topic, and the note an author (and staff) see on a moderated post. Plain
 * forms and links: they work without JavaScript. Every text here is React
 * text, escaped — a moderator's reason is never HTML.
 */

/** A refused report comes back on the report page, with its errors and text: never here. */
const NOTHING_POSTED: FormState = {};

/** Why a post looks the way it does, for its author and staff; nothing for a plain published post. */
export function ModeratedNotice({ state, reason }: { state: PostState; reason: string | null }) {
  const { t } = useTranslation("forum");
  const text =
    state === "hidden"
      ? t("moderation.notice.hidden", { reason: reason ?? "" })
      : state === "deleted"
        ? // Without a reason it was its author who deleted it (only staff see such a post).
          reason
          ? t("moderation.notice.deleted", { reason })
          : t("moderation.notice.deletedByAuthor")
        : state === "pending"
          ? t("moderation.notice.pending")
          : reason
            ? t("moderation.notice.note", { reason })
            : null;
  if (!text) return null;
  return (
    <p className="rounded border border-amber-700 bg-amber-50 p-2 text-sm break-words text-amber-950" data-moderation-notice="">
      {text}
    </p>
  );
}

interface PostToolsProps {
  post: { id: string; state: PostState };
  /** The viewer may report posts (post:forum). */
  canFlag: boolean;
  /** The viewer is support staff (moderate:forum). */
  canModerate: boolean;
  /** The viewer wrote this post: nobody reports their own. */
  own: boolean;
}

/** Under each post: "Report this post" (a small form) and, for staff, "Moderate". */
export function PostTools({ post, canFlag, canModerate, own }: PostToolsProps) {
  const { t } = useTranslation("forum");
  const [params] = useSearchParams();
  const justFlagged = params.get("flagged") === post.id;
  const reasonId = `report-reason-${post.id}`;
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-2 text-sm">
      {justFlagged ? (
        <p role="status" className="font-semibold text-teal-900">
          {t("moderation.flag.thanks")}
        </p>
      ) : canFlag && !own && post.state === "published" ? (
        <details>
          <summary className="cursor-pointer text-teal-900 underline">{t("moderation.flag.open")}</summary>
          <form method="post" action={`/community/posts/${post.id}/flag`} className="mt-2 max-w-prose space-y-2" noValidate>
            <ReasonField id={reasonId} label={t("moderation.flag.reason")} state={NOTHING_POSTED} />
            <button type="submit" className="button">
              {t("moderation.flag.submit")}
            </button>
          </form>
        </details>
      ) : null}
      {canModerate ? (
        <a className="link" href={`/community/moderation/posts/${post.id}`}>
          {t("moderation.moderatePost")}
        </a>
      ) : null}
    </div>
  );
}

/** Beside a topic's title, for staff only: moderate the topic; for questions, start a help article from it. */
export function TopicTools({ topic }: { topic: { id: string; forQuestions: boolean } }) {
  const { t } = useTranslation("forum");
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <a className="link" href={`/community/moderation/topics/${topic.id}`}>
        {t("moderation.moderateTopic")}
      </a>
      {topic.forQuestions ? (
        <a className="link" href={`/community/t/${topic.id}/help-draft`}>
          {t("moderation.helpDraft.link")}
        </a>
      ) : null}
    </p>
  );
}
