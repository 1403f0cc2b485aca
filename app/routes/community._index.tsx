import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TopicList } from "~/components/forum/topic-list";
import { Pagination } from "~/components/pagination";
import { DoneMessage } from "~/components/support-ticket";
import { i18next } from "~/i18n/i18next.server";
import { requireForumUser } from "~/models/forum/access.server";
import { listCategories, type CategoryView } from "~/models/forum/categories.server";
import { listLatestTopics, QUERY_MAX, searchTopics, type TopicList as Topics } from "~/models/forum/topics.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { pageParam } from "~/utils/paging";

/**
 * The community forum's front page: the categories, a search over titles and
 * posts (`?q=`), and the latest topics across categories, 20 a page.
 */

export const meta: MetaFunction = () => [{ title: "Community · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

interface LoaderData extends Topics {
  categories: CategoryView[];
  q: string;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireForumUser(request);
  const locale = await i18next.getLocale(request);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").trim().slice(0, QUERY_MAX);
  const page = pageParam(params);
  const [categories, topics] = await Promise.all([
    listCategories(locale),
    q ? searchTopics(user, q, page, locale) : listLatestTopics(user, page, locale),
  ]);
  const data: LoaderData = { categories, q, ...topics };
  return Response.json(data, { headers: memberPageHeaders() });
}

export default function CommunityPage() {
  const { categories, q, topics, page, pageCount, total } = useLoaderData<LoaderData>();
  const { t } = useTranslation("forum");
  const topicDeleted = useSearchParams()[0].get("done") === "topicDeleted";
  const pageLink = (to: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) })}`;
  return (
    <section aria-labelledby="community-title" className="max-w-3xl space-y-6">
      <h1 id="community-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      {topicDeleted ? <DoneMessage text={t("done.topicDeleted")} /> : null}
      <p className="max-w-prose text-stone-800">{t("intro")}</p>
      <p className="flex flex-wrap gap-x-4 gap-y-2">
        <a className="button" href="/community/new">
          {t("newTopic")}
        </a>
        <a className="link self-center" href="/community/settings">
          {t("settings.link")}
        </a>
      </p>

      <form method="get" action="/community" role="search" className="flex max-w-prose flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="community-q" className="block font-semibold">
            {t("search.label")}
          </label>
          <input
            id="community-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={QUERY_MAX}
            className="w-full rounded border border-stone-500 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </form>

      <section aria-labelledby="categories-title" className="space-y-2">
        <h2 id="categories-title" className="text-xl font-semibold">
          {t("categories")}
        </h2>
        <ul aria-labelledby="categories-title" className="grid gap-2 sm:grid-cols-2">
          {categories.map((category) => (
            <li key={category.id} className="rounded border border-stone-300 bg-white p-3">
              <a className="link font-semibold" href={`/community/c/${category.slug}`}>
                {category.name}
              </a>
              {category.description ? <p className="text-sm text-stone-700">{category.description}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="topics-title" className="space-y-2">
        <h2 id="topics-title" className="text-xl font-semibold">
          {q ? t("search.results", { q, count: total }) : t("latest")}
        </h2>
        <TopicList topics={topics} labelledBy="topics-title" showCategory />
        <Pagination page={page} pageCount={pageCount} hrefFor={pageLink} />
      </section>
    </section>
  );
}
