import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { ModerationNav } from "~/components/forum-moderation-nav";
import { Pagination } from "~/components/pagination";
import { listModerationQueue, type ModerationQueue } from "~/models/forum/moderation-queue.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { pageParam } from "~/utils/paging";

/**
 * The moderators' queue (`moderate:forum`): posts waiting for approval and
 * posts members reported, the longest-waiting first, each with the reports'
 * reasons. Post text is shown as plain text; acting happens on the post's page.
 */

export const meta: MetaFunction = () => [{ title: "Forum moderation · Kapatiran" }];
export const handle = { i18n: ["common", "forum"] };
export const headers = memberPageHeaders;

const DONE = ["hide", "delete", "approve", "restore", "keep"];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, "moderate:forum");
  const queue = await listModerationQueue(staff, pageParam(new URL(request.url).searchParams));
  return Response.json({ queue }, { headers: memberPageHeaders() });
}

export default function ModerationQueuePage() {
  const { queue } = useLoaderData<{ queue: ModerationQueue }>();
  const { t, i18n } = useTranslation("forum");
  const done = useSearchParams()[0].get("done");
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === "fil" ? "fil-PH" : "en-PH", { timeZone: "Asia/Manila" });
  return (
    <section aria-labelledby="queue-title" className="max-w-3xl space-y-6">
      <ModerationNav current="queue" />
      <h1 id="queue-title" className="text-2xl font-bold">
        {t("moderation.queue.title")}
      </h1>
      {done && DONE.includes(done) ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t(`moderation.done.${done}`)}
        </p>
      ) : null}
      <p>{t("moderation.queue.lead", { count: queue.total })}</p>
      {queue.items.length === 0 ? (
        <p>{t("moderation.queue.empty")}</p>
      ) : (
        <ol className="space-y-4">
          {queue.items.map((item) => (
            <li key={item.postId} className="space-y-2 rounded border border-stone-300 p-3">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="rounded bg-stone-200 px-2 py-0.5 text-sm font-semibold text-stone-900">
                  {t(`moderation.state.${item.state}`)}
                </span>
                <a className="link font-semibold break-words" href={`/community/moderation/posts/${item.postId}`}>
                  {item.topicTitle}
                </a>
              </p>
              <p className="text-sm text-stone-700">
                {t(item.opening ? "moderation.queue.openingBy" : "moderation.queue.replyBy", { name: item.authorName, date: when(item.createdAt) })}
              </p>
              <p className="break-words">{item.excerpt}</p>
              {item.flags.length > 0 ? (
                <div>
                  <h2 className="text-sm font-semibold">{t("moderation.queue.reports", { count: item.flags.length })}</h2>
                  <ul className="list-disc space-y-1 pl-5 text-sm">
                    {item.flags.map((flag, index) => (
                      <li key={index} className="break-words">
                        {t("moderation.queue.report", { reason: flag.reason, name: flag.flaggedBy, date: when(flag.createdAt) })}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p>
                <a className="button inline-block" href={`/community/moderation/posts/${item.postId}`}>
                  {t("moderation.queue.review")}
                </a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} hrefFor={(page) => `/community/moderation?page=${page}`} />
    </section>
  );
}
