import { useTranslation } from "react-i18next";
import { useTicketTime } from "~/components/support-ticket";
import type { TopicSummary } from "~/models/forum/topics.server";
import { FORUM_TIME_ZONE } from "./forum-time";

/** A list of topics as the forum's pages show it: title, who started it, replies, latest activity, badges. */

/** A topic as lists show it (the model's summary). */
export type TopicListItem = TopicSummary;

function Badge({ children }: { children: React.ReactNode }) {
  return <span className="rounded border border-stone-400 px-1 text-xs font-semibold text-stone-800">{children}</span>;
}

export function TopicList({
  topics,
  labelledBy,
  showCategory,
}: {
  topics: TopicListItem[];
  labelledBy: string;
  showCategory: boolean;
}) {
  const { t } = useTranslation("forum");
  const when = useTicketTime(FORUM_TIME_ZONE);
  if (topics.length === 0) return <p>{t("list.empty")}</p>;
  return (
    <ul aria-labelledby={labelledBy} className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
      {topics.map((topic) => (
        <li key={topic.id} className="space-y-1 px-3 py-2">
          <p className="flex flex-wrap items-center gap-2">
            <a className="link font-semibold break-words" href={`/community/t/${topic.id}`}>
              {topic.title}
            </a>
            {topic.pinned ? <Badge>{t("badge.pinned")}</Badge> : null}
            {topic.answered ? <Badge>{t("badge.answered")}</Badge> : null}
            {topic.locked ? <Badge>{t("badge.locked")}</Badge> : null}
            {topic.pending ? <Badge>{t("badge.pending")}</Badge> : null}
          </p>
          <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
            {showCategory ? (
              <a className="link" href={`/community/c/${topic.categorySlug}`}>
                {topic.categoryName}
              </a>
            ) : null}
            <span>
              {topic.authorChurch
                ? t("byWithChurch", { name: topic.authorName, church: topic.authorChurch })
                : t("by", { name: topic.authorName })}
            </span>
            <span>{t("list.replies", { count: topic.replyCount })}</span>
            <span>{t("list.lastActivity", { date: when(topic.lastActivityAt) })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
