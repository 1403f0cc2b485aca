import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TopicList } from "~/components/forum/topic-list";
import { Pagination } from "~/components/pagination";
import { i18next } from "~/i18n/i18next.server";
import { isForumStaff, requireForumUser } from "~/models/forum/access.server";
import { findCategory, type CategoryView } from "~/models/forum/categories.server";
import { listCategoryTopics, type TopicList as Topics } from "~/models/forum/topics.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { pageParam } from "~/utils/paging";

/** One category's topics: pinned first, then latest activity, 20 a page. */

export const meta: MetaFunction = () => [{ title: "Community · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

interface LoaderData extends Topics {
  category: CategoryView;
  mayStart: boolean;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireForumUser(request);
  const locale = await i18next.getLocale(request);
  const category = await findCategory(params.slug ?? "", locale);
  if (!category) throw new Response("Not Found", { status: 404 });
  const topics = await listCategoryTopics(user, category.id, pageParam(new URL(request.url).searchParams), locale);
  const data: LoaderData = { category, mayStart: !category.staffOnly || isForumStaff(user), ...topics };
  return Response.json(data, { headers: memberPageHeaders() });
}

export default function CategoryPage() {
  const { category, mayStart, topics, page, pageCount } = useLoaderData<LoaderData>();
  const { t } = useTranslation("forum");
  return (
    <section aria-labelledby="category-title" className="max-w-3xl space-y-4">
      <p>
        <a className="link" href="/community">
          {t("back")}
        </a>
      </p>
      <h1 id="category-title" className="text-2xl font-bold">
        {category.name}
      </h1>
      {category.description ? <p className="max-w-prose text-stone-800">{category.description}</p> : null}
      {mayStart ? (
        <p>
          <a className="button" href={`/community/new?category=${category.slug}`}>
            {category.forQuestions ? t("newQuestion") : t("newTopic")}
          </a>
        </p>
      ) : (
        <p className="text-sm text-stone-700">{t("staffOnlyNote")}</p>
      )}
      <h2 id="topics-title" className="sr-only">
        {t("topics")}
      </h2>
      <TopicList topics={topics} labelledBy="topics-title" showCategory={false} />
      <Pagination page={page} pageCount={pageCount} hrefFor={(to) => `?page=${to}`} />
    </section>
  );
}
