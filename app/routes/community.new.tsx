import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField, useFormState } from "~/components/form";
import { PostBodyField } from "~/components/forum/fields";
import { i18next } from "~/i18n/i18next.server";
import { isForumStaff, requireForumUser } from "~/models/forum/access.server";
import { listCategories, type CategoryView } from "~/models/forum/categories.server";
import { BODY_MAX, startTopic, TITLE_MAX, topicForm } from "~/models/forum/posting.server";
import { invalid, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * Start a topic (`?category=questions` preselects one). Staff-only
 * categories (announcements) are offered to staff only, and refused to
 * anyone else by the model whatever the form says.
 */

export const meta: MetaFunction = () => [{ title: "New topic · Community · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

interface LoaderData {
  categories: CategoryView[];
  selected: string;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireForumUser(request);
  const locale = await i18next.getLocale(request);
  const staff = isForumStaff(user);
  const categories = (await listCategories(locale)).filter((category) => staff || !category.staffOnly);
  const wanted = new URL(request.url).searchParams.get("category") ?? "";
  const selected = categories.some((category) => category.slug === wanted) ? wanted : categories[0]?.slug ?? "";
  const data: LoaderData = { categories, selected };
  return Response.json(data, { headers: memberPageHeaders() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireForumUser(request);
  const form = await request.formData();
  const result = parseForm(topicForm, form);
  if (!result.ok) return invalid(result);
  const outcome = await startTopic(user, result.data);
  if (outcome.ok)
    return redirect(
      `/community/t/${outcome.topicId}?done=${outcome.state === "pending" ? "startedPending" : "started"}`
    );
  if (outcome.reason === "not_found" || outcome.reason === "staff_only") {
    return Response.json(
      {
        errors: { category: [`forum:errors.${outcome.reason === "staff_only" ? "staff_only" : "category"}`] },
        values: result.data,
      },
      { status: 400 }
    );
  }
  return refused(`forum:errors.${outcome.reason}`, { ...result.data }, outcome.reason === "rate_limited" ? 429 : 400);
}

export default function NewTopicPage() {
  const { categories, selected } = useLoaderData<LoaderData>();
  const { t } = useTranslation("forum");
  const state = useFormState();
  return (
    <section aria-labelledby="new-title" className="max-w-prose space-y-4">
      <p>
        <a className="link" href="/community">
          {t("back")}
        </a>
      </p>
      <h1 id="new-title" className="text-2xl font-bold">
        {t("new.title")}
      </h1>
      <p className="text-stone-800">{t("new.intro")}</p>
      <form method="post" className="space-y-4" noValidate>
        <FormErrors state={state} />
        <SelectField
          name="category"
          label={t("new.category")}
          state={state}
          defaultValue={selected}
          options={categories.map((category) => ({ value: category.slug, label: category.name }))}
        />
        <TextField
          name="title"
          label={t("new.topicTitle")}
          hint={t("new.titleHint")}
          state={state}
          required
          maxLength={TITLE_MAX}
        />
        <PostBodyField label={t("new.body")} state={state} rows={8} maxLength={BODY_MAX} />
        <p className="text-sm text-stone-700">{t("new.subscribedNote")}</p>
        <button type="submit" className="button">
          {t("new.submit")}
        </button>
      </form>
    </section>
  );
}
